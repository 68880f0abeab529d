"""Direction of an effect from statistics, for sentences whose words are silent.

Uses the statistics rows of the sentence (kind/value/lower/upper/measure). When the statistics
table is empty (the extractor did not run), a small scanner reads P values and bracketed
intervals from the sentence itself; it serves this inference only and makes no rows.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .prefilter import MatchStarts

RATIO_MEASURES = {"RR", "OR", "HR", "IRR", "SHR", "GMR", "RATIO"}
DIFF_MEASURES = {"MD", "SMD", "ARR", "RRR", "BETA", "WMD", "RD", "DIFF", "B"}

_NUM = r"[-−–]?\d*\.?\d+"
P_RE = re.compile(r"\bp\s*(?:-?\s*values?)?\s*(?:for\s+\w+\s*)?(?P<op>[=<>≤≥]|&lt;|&gt;|<=|>=|of|was|is|were)\s*(?P<v>0?[.·]\d+|1(?:\.0+)?)"
                  r"|\bp\s*(?:=\s*)?(?P<ns>NS|n\.s\.)\b", re.IGNORECASE)
RATIO_RE = re.compile(
    r"\b(?P<m>a?[HOR]R|IRR|RR|OR|HR|odds ratio|hazard ratio|risk ratio|relative risk|rate ratio)\b"
    r"[\s,:=\[\]]*(?:of\s+|was\s+|is\s+)?(?P<est>\d*[.·]?\d+)\s*[,;(\[]?\s*(?:95\s*%\s*(?:CI|confidence interval)[\s,:=]*)?"
    r"(?P<lo>\d*[.·]?\d+)\s*(?:-|–|—|to|,)\s*(?P<hi>\d*[.·]?\d+)", re.IGNORECASE)
CI_RE = re.compile(
    r"(?:95\s*%\s*)?(?:CI|confidence interval)s?\b[\s,:=\[\]]*(?:of\s+)?(?P<lo>" + _NUM + r")\s*(?:to|,|–|—|-(?=\s*[-−–]?\d))\s*(?P<hi>" + _NUM + r")",
    re.IGNORECASE)

# the same matches, found by trying the regexes only where "p" / a ratio's name starts
_P_STARTS = MatchStarts(P_RE)
_RATIO_STARTS = MatchStarts(RATIO_RE)


def _f(s: str) -> float | None:
    try:
        return float(s.replace("−", "-").replace("–", "-").replace("·", "."))
    except (ValueError, AttributeError):
        return None


def _ratio_direction(lo: float, hi: float) -> str | None:
    if lo is None or hi is None or lo <= 0 or hi <= 0 or lo > hi:
        return None
    if lo < 1 < hi or lo == 1 or hi == 1:
        return "no_effect"
    return "decrease" if hi < 1 else "increase"


def _diff_direction(lo: float, hi: float) -> str | None:
    if lo is None or hi is None or lo > hi:
        return None
    if lo < 0 < hi or lo == 0 or hi == 0:
        return "no_effect"
    return "decrease" if hi < 0 else "increase"


def direction_from_rows(rows: list[dict]) -> str | None:
    """Direction from statistics rows: intervals first, then P values (all >= .05 -> no_effect)."""
    by_id = {}
    for r in rows:
        by_id[id(r)] = r
    estimates = [r for r in rows if r.get("kind") == "effect_measure"]
    for r in rows:
        if r.get("kind") != "confidence_interval":
            continue
        lo, hi = r.get("lower"), r.get("upper")
        measure = None
        for e in estimates:
            if e.get("end", 0) <= r.get("start", 0):
                measure = (e.get("measure") or "").upper()
        if measure in RATIO_MEASURES:
            d = _ratio_direction(lo, hi)
        elif measure in DIFF_MEASURES:
            d = _diff_direction(lo, hi)
        elif lo is not None and hi is not None and lo > 0 and hi > 0 and lo < 1 < hi:
            d = None  # crossing 1 without a named ratio: could be a mean's interval
        else:
            d = None
        if d:
            return d
    return _direction_from_p([(r.get("operator") or "=", r.get("value"))
                              for r in rows if r.get("kind") == "p_value"])


def _direction_from_p(ps: list[tuple[str, float | None]]) -> str | None:
    if not ps:
        return None
    nonsig = 0
    for op, v in ps:
        if v is None:      # "NS"
            nonsig += 1
        elif op in (">", ">=", "≥", "&gt;") and v >= 0.05:
            nonsig += 1
        elif op in ("=",) and v >= 0.05:
            nonsig += 1
        else:
            return None    # some P value significant: words must give the direction
    return "no_effect" if nonsig else None


@lru_cache(maxsize=16)
def p_values(text: str) -> tuple[tuple[str, float | None], ...]:
    """(operator, value) of the P values written in the text (value None for "NS")."""
    out = []
    for m in _P_STARTS.finditer(text):
        if m.group("ns"):
            out.append(("=", None))
        else:
            op = {"&lt;": "<", "&gt;": ">", "of": "=", "was": "=", "is": "=", "were": "="}.get(
                m.group("op").lower(), m.group("op"))
            out.append((op, _f(m.group("v"))))
    return tuple(out)


def direction_from_text(text: str) -> str | None:
    """Scanner used when no statistics rows are given for the sentence."""
    for m in _RATIO_STARTS.finditer(text):
        d = _ratio_direction(_f(m.group("lo")), _f(m.group("hi")))
        if d:
            return d
    return _direction_from_p(p_values(text))


def any_significant(text: str, rows: list[dict]) -> bool:
    ps = [(r.get("operator") or "=", r.get("value")) for r in rows if r.get("kind") == "p_value"]
    ps = ps or p_values(text)
    for op, v in ps:
        if v is not None and ((op in ("<", "<=", "≤") and v <= 0.05) or (op == "=" and v < 0.05)):
            return True
    return False


_ROW_NUM = re.compile(r"(?<![\w.])[-−–]?\d+(?:[.,·]\d+)?(?![\w.])")
_ROW_P = re.compile(r"(?:(?P<op>[<>≤≥=])\s*)?(?P<v>0?[.·]\d+|1\.0+)\s*[*†‡§a-d]*\s*$|(?P<ns>\bns\b|\bn\.s\.|\bNS\b)\s*[*†‡§]*\s*$")


# used by table_row_direction()
_TABLE_ROW_LABEL_CELLS = re.compile(r"^\s*(?P<label>[A-Za-z][^\d\n]{2,80}?)[\s:]+(?P<cells>[-−–<>≤≥=(\[]?\d.*)$", re.S)
_BRACKETED_SPAN = re.compile(r"[(\[][^)\]]*[)\]]")


def table_row_direction(row: str) -> str | None:
    """A table row 'label  a  b  P' (cells on one line or one per line): P >= .05 or ns ->
    no_effect; P < .05 -> the first arm's value against the second's."""
    lines = row.strip()
    m = _TABLE_ROW_LABEL_CELLS.match(lines)
    if not m:
        return None
    cells = m.group("cells")
    pm = _ROW_P.search(cells)
    if not pm:
        return None
    if pm.group("ns"):
        return "no_effect"
    v = _f(pm.group("v"))
    if v is None:
        return None
    op = pm.group("op") or "="
    body = cells[:pm.start()]
    body = _BRACKETED_SPAN.sub(" ", body)   # drop SDs / intervals in brackets
    nums = [_f(x) for x in _ROW_NUM.findall(body)]
    nums = [x for x in nums if x is not None]
    if (op in (">", "≥") and v >= 0.05) or (op == "=" and v >= 0.05):
        return "no_effect" if len(nums) >= 1 else None
    if len(nums) >= 2 and v <= 0.05 and nums[0] != nums[1]:
        return "increase" if nums[0] > nums[1] else "decrease"
    return None


_VERSUS = re.compile(
    r"(?P<a>[-−]?\d+(?:[.·]\d+)?)\s*(?:%|[a-zA-Zµμ/²]{1,10})?\s*(?:(?:\(|\[)[^)\]]{0,40}[)\]])?\s*,?\s*"
    r"(?:[^\d.;()]{0,60}?)"
    r"(?:versus|vs\.?|compared\s+(?:with|to))\s+(?:\w+\s+){0,3}?(?P<b>[-−]?\d+(?:[.·]\d+)?)", re.IGNORECASE)


_RESPECTIVELY = re.compile(
    r"(?P<a>[-−]?\d+(?:[.·]\d+)?)\s*(?:%|[a-zA-Zµμ/²]{1,10})?\s*(?:\([^)]{0,30}\))?\s*,?\s*and\s+"
    r"(?P<b>[-−]?\d+(?:[.·]\d+)?)\s*(?:%|[a-zA-Zµμ/²]{1,10})?\s*(?:\([^)]{0,30}\))?\s*,?\s*respectively", re.IGNORECASE)
_TWO_GROUPS = re.compile(
    r"(?:intervention|experimental|treatment|study|treated|active)\s+(?:group|arm)\D{0,25}?(?P<a>[-−]?\d+(?:[.·]\d+)?)"
    r"[^.;]{0,60}?(?:control|placebo|comparison|usual\s+care)\s+(?:group|arm)?\D{0,25}?(?P<b>[-−]?\d+(?:[.·]\d+)?)",
    re.IGNORECASE)


_GROUP_NUM = re.compile(
    r"(?:(?:group|arm)\s+\w{1,12}\s+(?:was|were|had)\s+|(?:in|for|with)\s+(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+)?\s+"
    r"(?:group|arm)\s+(?:was|were|had)\s+)?(?P<v>[-−]?\d+(?:[.·]\d+)?)\s*(?:%|[a-zA-Zµμ/²]{1,10})?\s*"
    r"(?:\([^)]{0,30}\)\s*|±\s*\d+(?:[.·]\d+)?\s*)?(?:in|for|with|among)\s+(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+)?\s+(?:group|arm|patients)",
    re.IGNORECASE)
_GROUP_LEAD = re.compile(
    r"(?:group|arm)\s+[\w+/-]{1,12}\s+(?:was|were|had)\s+(?P<v>[-−]?\d+(?:[.·]\d+)?)", re.IGNORECASE)


class _Pair:
    def __init__(self, a: str, b: str):
        self._g = {"a": a, "b": b}

    def group(self, name: str) -> str:
        return self._g[name]


# used by _group_pair()
_AND_WORD = re.compile(r"\band\b")


def _group_pair(clause: str):
    """'X was 3.1% in the carbetocin group and 7.2% in the oxytocin group', 'for group A was
    280 s and group B was 1077 s': the two group values in order."""
    for regex in (_GROUP_NUM, _GROUP_LEAD):
        vals = [m.group("v") for m in regex.finditer(clause)]
        if len(vals) >= 2 and _AND_WORD.search(clause):
            return _Pair(vals[0], vals[1])
    return None


def versus_direction(clause: str) -> str | None:
    """'was 12.9 cm versus 8.9' -> the first value against the second ('A and B, respectively',
    'intervention group ... A ... control group ... B' alike)."""
    m = _VERSUS.search(clause) or _RESPECTIVELY.search(clause) or _TWO_GROUPS.search(clause) \
        or _group_pair(clause)
    if not m:
        return None
    a, b = _f(m.group("a")), _f(m.group("b"))
    if a is None or b is None or a == b:
        return None
    return "increase" if a > b else "decrease"
