"""Confidence and credible intervals: 95% CI 1.01-1.18, 95% CI, −1.3 to −0.4,
95% confidence interval [CI], 1.12 to 3.40, 95% CrI 0.5-0.9, and bare intervals that follow an
estimate (HR 0.77 (0.58–1.04), OR 1.2 [0.71, 0.93])."""
from __future__ import annotations

import re

from .base import candidate, num
from .fragments import CREDIBLE, INTERVAL_NAME, LEVEL, NUMBER, RANGE_SEP
from .scanning import by_last_character, matches_at, starts_by_last_character, starts_of

# an optional % or unit-less marker right after a bound (1.1% to 5.3%)
_PCT = r"(?:\s?%)?"

# inside brackets a semicolon may separate the bounds too ("[1.01; 1.18]")
_BOUNDS = (
    rf"(?P<open>[\[(]\s*)?(?P<lower>{NUMBER}){_PCT}(?(open)(?:{RANGE_SEP}|\s*;\s*)|{RANGE_SEP})(?P<upper>{NUMBER}){_PCT}"
)

# "95% CI" / "CI 95%" / "confidence interval" + link words + the two bounds
NAMED_INTERVAL = re.compile(
    rf"(?:{LEVEL}(?P<name>{INTERVAL_NAME})|(?P<name2>{INTERVAL_NAME})(?:\s*(?P<level2>[0-9]{{2}}(?:\.[0-9]+)?)\s?%)?)"
    rf"(?:\s*[:=,]\s*|\s+(?:was|were|is|of|from|ranging\s+from|ranged\s+from)\s+|\s*)"
    rf"{_BOUNDS}"
)
# where a NAMED_INTERVAL match can start: at an interval name (full names in lower-cased text,
# abbreviations as written) or at the level written right before one
_FULL_NAME_WORDS = ("confidence", "credib", "compatibility", "uncertainty")
_ABBREVIATIONS = ("CI", "CrI", "CL", "UI")
# the abbreviations grouped for finding them from their (rare, capital) last letters
_ABBREVIATION_ENDS = by_last_character(_ABBREVIATIONS)
_LEVEL_CHARS = frozenset("0123456789.%")


def _named_intervals(text: str, ctx):
    """``NAMED_INTERVAL.finditer(text)``, trying the pattern only at names and the levels before them."""
    lowered = ctx.folded
    if lowered is None:
        return NAMED_INTERVAL.finditer(text)
    starts = set()
    names = starts_of(lowered, _FULL_NAME_WORDS) + sorted(starts_by_last_character(text, _ABBREVIATION_ENDS))
    for start in names:
        starts.add(start)
        while start > 0 and (text[start - 1] in _LEVEL_CHARS or text[start - 1].isspace()):
            start -= 1
            starts.add(start)
    return matches_at(NAMED_INTERVAL, text, sorted(starts))

# a bare bracketed interval right after an estimate: " (0.58–1.04)" or " [0.71, 0.93]"
BARE_INTERVAL = re.compile(
    rf"\s*[(\[]\s*(?P<lower>{NUMBER}){_PCT}(?:\s*(?:[-‐–—]|\bto\b|,)\s*)(?P<upper>{NUMBER}){_PCT}"
    rf"(?=\s*(?:[)\];]|,\s*[Pp]\b))"
)


# Lancet style: an unnamed interval after the estimate and a comma, closed by a bracket, a
# semicolon or a P value: "(HR 0·78, 0·62–0·98; p=0·033)"
COMMA_INTERVAL = re.compile(
    rf"\s*,\s*(?P<lower>{NUMBER})(?:\s*(?:[-‐–—]|\bto\b)\s*)(?P<upper>{NUMBER})"
    rf"(?=\s*(?:[)\];]|,\s*[Pp]\b))"
)


_CLOSING_BRACKET = re.compile(r"\s*[\])]")


def _closing(text: str, pos: int, opened: bool) -> int:
    """Include a closing bracket in the span when the opening one is inside it."""
    if opened:
        m = _CLOSING_BRACKET.match(text, pos)
        if m:
            return m.end()
    return pos


def find(text: str, ctx) -> list[dict]:
    rows = []
    for m in _named_intervals(text, ctx):
        level_text = m.group("level") or m.group("level2")
        level = num(level_text) / 100 if level_text else None
        name = m.group("name") or m.group("name2") or ""
        end = _closing(text, m.end(), bool(m.group("open")))
        rows.append(candidate(
            "confidence_interval", m.start(), end,
            lower=num(m.group("lower")), upper=num(m.group("upper")), level=level,
            measure="CrI" if CREDIBLE.search(name) else None,
            _raw_lower=m.group("lower"), _raw_upper=m.group("upper"),
        ))
    return rows


def bare_after(text: str, pos: int) -> dict | None:
    """A bare interval starting at ``pos`` (just after an estimate), or None."""
    return _unnamed_interval(BARE_INTERVAL.match(text, pos))


def comma_after(text: str, pos: int) -> dict | None:
    """An unnamed interval written after the estimate and a comma (``HR 0·78, 0·62–0·98;``), or None."""
    return _unnamed_interval(COMMA_INTERVAL.match(text, pos))


def _unnamed_interval(m: re.Match | None) -> dict | None:
    if not m:
        return None
    return candidate(
        "confidence_interval", m.start("lower"), m.end(),
        lower=num(m.group("lower")), upper=num(m.group("upper")), level=None,
        _raw_lower=m.group("lower"), _raw_upper=m.group("upper"), _bare=True,
    )
