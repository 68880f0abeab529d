"""Statistics in plain-text tables (rows of cells separated by ``|``).

* a column headed ``P`` / ``P value`` / ``p-value``: each cell holding a number in [0, 1]
  (optionally with a comparator) is a P value; the span is the cell content;
* a row labelled ``n (%)`` (or a column headed so): each cell ``3 (18.8)`` gives a percentage row
  for the number in brackets;
* a table declared as ``mean (SD)`` (in its header or in the lines just above): each cell
  ``54.2 (8.1)`` gives a mean_sd row.
"""
from __future__ import annotations

import re

from .base import candidate, num, operator_of
from .fragments import COMPARATOR, INTEGER, NUMBER

_LINE = re.compile(r"[^\n]*")
_SEPARATOR_ROW = re.compile(r"^[\s|:\-–+=]*$")
_P_HEADER = re.compile(r"^\s*\**(?:P|p)(?:[-\s]?(?:values?|Values?))?\s*(?:\([^)]*\))?\**[*†‡§]?\s*$")
_N_PERCENT = re.compile(r"(?i)\b(?:n|no\.?|number)\s*\(\s*%\s*\)")
_MEAN_SD_DECLARED = re.compile(r"(?i)\bmeans?\s*(?:\(\s*SD\s*\)|±\s*SD\b|\[\s*SD\s*\])")
_P_CELL = re.compile(rf"^\s*(?P<op>{COMPARATOR})?\s*(?P<value>{NUMBER})\s*[*†‡§a-d]?\s*$")
_COUNT_PERCENT_CELL = re.compile(rf"^\s*{INTEGER}\s*\(\s*(?P<pct>{NUMBER})\s*\)\s*$")
_MEAN_SD_CELL = re.compile(rf"^\s*(?P<mean>{NUMBER})\s*\(\s*(?P<sd>{NUMBER})\s*\)\s*$")
_MAX_LINE = 2000


def _cells(line: str, offset: int) -> list[tuple[int, str]]:
    """(absolute start, text) of each cell of a table line; outer pipes are ignored."""
    out = []
    pos = 0
    for part in line.split("|"):
        out.append((offset + pos, part))
        pos += len(part) + 1
    if out and not out[0][1].strip():
        out = out[1:]
    if out and not out[-1][1].strip():
        out = out[:-1]
    return out


def _blocks(text: str):
    """Consecutive lines that hold at least two '|' separators, as (line start, line) lists."""
    block: list[tuple[int, str]] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if line.count("|") >= 2 and len(line) <= _MAX_LINE:
            block.append((m.start(), line))
        elif line or m.start() == len(text):
            if len(block) >= 2:
                yield block
            block = []
    if len(block) >= 2:
        yield block


def find(text: str, ctx) -> list[dict]:
    if "|" not in text:
        return []
    rows: list[dict] = []
    for block in _blocks(text):
        header_start, header = block[0]
        header_cells = _cells(header, header_start)
        p_columns = {i for i, (_, cell) in enumerate(header_cells) if _P_HEADER.match(cell)}
        pct_columns = {i for i, (_, cell) in enumerate(header_cells) if _N_PERCENT.search(cell)}
        above = text[max(0, header_start - 600):header_start + len(header)]
        mean_sd_table = bool(_MEAN_SD_DECLARED.search(above))
        for line_start, line in block[1:]:
            if _SEPARATOR_ROW.match(line):
                continue
            cells = _cells(line, line_start)
            row_is_count = bool(cells) and bool(_N_PERCENT.search(cells[0][1]))
            for i, (start, cell) in enumerate(cells):
                if i in p_columns:
                    m = _P_CELL.match(cell)
                    value = num(m.group("value")) if m else None
                    if m and value is not None and 0 <= value <= 1:
                        s = start + (m.start("op") if m.group("op") else m.start("value"))
                        rows.append(candidate("p_value", s, start + m.end("value"), value=value,
                                              operator=operator_of(m.group("op")), _raw=m.group("value")))
                    continue
                if i == 0:
                    continue
                if row_is_count or i in pct_columns:
                    m = _COUNT_PERCENT_CELL.match(cell)
                    if m:
                        rows.append(candidate("percentage", start + m.start("pct"), start + m.end("pct"),
                                              value=num(m.group("pct")), operator="=", unit="%", _raw=m.group("pct")))
                    continue
                if mean_sd_table:
                    m = _MEAN_SD_CELL.match(cell)
                    if m:
                        rows.append(candidate("mean_sd", start + m.start("mean"), start + m.end("sd") + 1,
                                              value=num(m.group("mean")), sd=num(m.group("sd")), measure="SD"))
    return rows
