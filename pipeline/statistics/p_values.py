"""P values: P=0.008, p < .002, P for trend = 0.03, p-value of 0.03, p = NS, P=0·02, p = 4.1 × 10⁻⁶."""
from __future__ import annotations

import re

from .base import candidate, num, operator_of
from .fragments import COMPARATOR, NUMBER, P_NAME
from .scanning import Prefiltered, matches_at, occurrences

# "not significant" spellings
_NS = r"(?:n\.\s?s\.|NS|ns|N\.S\.|not\s+significant|non-?significant)(?![\w])"

P_VALUE = re.compile(
    rf"{P_NAME}"
    rf"(?:\s*(?P<op>{COMPARATOR})\s*|\s*:\s*|\s+(?:was|were|is|of|of\s+about)\s+(?P<op2>{COMPARATOR})?\s*)"
    rf"(?:(?P<value>{NUMBER})|(?P<ns>{_NS}))"
)
_P_VALUE_SCAN = Prefiltered(P_VALUE, "PpLl")
# in the lower-cased text, a "p" that starts a word and is followed by a non-word character or by
# the first letter of "value", "trend", "interaction", "int", "het" (or "_"): where a P_VALUE
# match not led by "log-rank" can start
_P_START = re.compile(r"p(?<![\w.]p)(?:(?!\w)|(?=[vtih_]))")


def _p_value_matches(text: str, ctx):
    """``P_VALUE.finditer(text)``, trying the pattern only at the possible starts of a P name and
    at each "log" (of "log-rank")."""
    lowered = ctx.folded
    if lowered is None:
        return _P_VALUE_SCAN.finditer(text)
    starts = [m.start() for m in _P_START.finditer(lowered)]
    if "log" in lowered:
        starts = sorted({*starts, *occurrences(lowered, "log")})
    return matches_at(P_VALUE, text, starts)

# a second value listed after a P value: "P = 0.011 and 0.046, respectively"
_CONTINUATION = re.compile(
    rf"\s*(?:,|;|\band\b|\bor\b)\s*(?:and\s+)?(?P<op>{COMPARATOR})?\s*(?P<value>{NUMBER})"
    rf"(?=\s*(?:,|;|\)|\]|\band\b|\brespectively\b|\.(?:\s|$)|$))"
)


_LOST_SUPERSCRIPT = re.compile(r"[-−]([0-9]{1,3})(?![0-9.])")
# a P value of another test than the estimate's own (trend, interaction, heterogeneity)
_QUALIFIED = re.compile(r"(?i)trend|interaction|\bint\b|het|difference|inferiority|superiority|overall|log[- ]?rank")


def find(text: str, ctx) -> list[dict]:
    rows = []
    for m in _p_value_matches(text, ctx):
        if m.group("ns"):
            rows.append(candidate("p_value", m.start(), m.end(), value=None, operator="=", _raw=None))
            continue
        raw = m.group("value")
        if text[m.end():m.end() + 1] == "%":
            continue
        op = operator_of(m.group("op") or m.group("op2"))
        value = num(raw)
        end = m.end()
        if raw == "10":
            # "p = 10−11": a power of ten whose exponent lost its superscript
            power = _LOST_SUPERSCRIPT.match(text, end)
            if power:
                value, end = 10.0 ** -int(power.group(1)), power.end()
        rows.append(candidate("p_value", m.start(), end, value=value, operator=op, _raw=raw,
                              _qualified=bool(_QUALIFIED.search(m.group()))))
        pos = end
        for _ in range(5):
            c = _CONTINUATION.match(text, pos)
            if not c:
                break
            value = num(c.group("value"))
            if value is None or not 0 <= value <= 1:
                break
            start = c.start("op") if c.group("op") else c.start("value")
            rows.append(candidate("p_value", start, c.end(), value=value,
                                  operator=operator_of(c.group("op")), _raw=c.group("value")))
            pos = c.end()
    return rows
