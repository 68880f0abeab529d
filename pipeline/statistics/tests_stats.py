"""Heterogeneity (I² = 48%, Cochran's Q = 24.1, τ² = 0.03) and test statistics (t(28) = 2.2, F(2, 45) = 3.1, χ²(1) = 4.2, z = 2.5)."""
from __future__ import annotations

import re

from .base import candidate, num, operator_of
from .fragments import COMPARATOR, NUMBER
from .scanning import Prefiltered, matches_at, starts_of

HETEROGENEITY = re.compile(
    r"(?<![\w])(?:I\s?(?:²|2|\^2|\s?-?squared)|I²)(?![\w])(?:\s+statistic)?"
    rf"(?:\s*(?P<op>{COMPARATOR})\s*|\s*[:,]\s*|\s+(?:of|was|were)\s+(?P<op2>{COMPARATOR})?\s*|\s)"
    rf"(?P<value>{NUMBER})(?P<unit>\s?%)?"
)
_HETEROGENEITY_SCAN = Prefiltered(HETEROGENEITY, "I")

# Cochran's Q: needs its name or a heterogeneity cue nearby (a bare "Q" names many things)
COCHRAN_Q = re.compile(
    r"(?<![\w'’])(?P<name>(?i:Cochran['’]?s\s+)?Q)(?:\s+(?i:statistic|test))?(?:\s?\((?:df\s*=\s*)?(?P<df>[0-9]+)\)|_\{?(?P<df2>[0-9]+)\}?)?"
    rf"(?:\s*(?P<op>{COMPARATOR})\s*|\s*[:,]\s*|\s+(?:of|was)\s+)(?P<value>{NUMBER})(?![0-9]|\s?%)"
)
_HETEROGENEITY_CUE = re.compile(r"(?i)heterogen|inconsisten|\bI\s?(?:²|2|\^2)|τ|\btau\b|\bdf\s*=|meta-?analy|pooled")
# "Q = 24.1, df = 9": the degrees of freedom written after the value (kept outside the span)
_TRAILING_DF = re.compile(r"\s*[,;]\s*(?:df|d\.f\.)\s*[=:]?\s*(?P<df>[0-9]+)(?![0-9.])")
# between-study variance: τ² = 0.03, tau2 = 0.03, tau-squared 0.03
TAU_SQUARED = re.compile(
    r"(?<![\w])(?:τ\s?(?:²|2|\^2)|(?i:tau)\s?(?:²|2|\^2|[- ]?squared))(?![\w])"
    rf"(?:\s*(?P<op>{COMPARATOR})\s*|\s*[:,]\s*|\s+(?:of|was)\s+)(?P<value>{NUMBER})(?!\s?%)"
)

_NAMES = {
    "t": "t", "F": "F", "z": "z", "Z": "z",
}
TEST_STATISTIC = re.compile(
    r"(?<![\w\u0370-\u03ff'’])(?P<name>t|F|z|Z|χ\s?2|χ²|χ\^2|Χ2|Χ²|X2|X²|(?i:chi[- ]?squared?(?:\s+statistic)?)|(?i:chi2))"
    r"(?:\s?\((?P<df>[^()]{1,25})\)|_\{?(?P<df2>[0-9]+)\}?)?"
    rf"\s*(?P<op>=|<|>|≤|≥)\s*(?P<value>{NUMBER})"
)
# TEST_STATISTIC read backwards in the reversed lower-cased text from its comparison sign (one
# pattern per sign, so that each starts with a literal the regex engine finds quickly): the sign,
# whitespace, the degrees of freedom and the name; where the name ends there the match starts
_NAME_REVERSED = r"(?:t|f|z|2\s?χ|²χ|2\^χ|2x|²x|(?:citsitats\s+)?d?erauqs[- ]?ihc|2ihc)"
_DF_REVERSED = r"(?:\)[^()]{1,25}\(\s?|\}?[0-9]+\{?_)?"
_TEST_STATISTIC_REVERSED = [re.compile(rf"{re.escape(sign)}\s*{_DF_REVERSED}{_NAME_REVERSED}") for sign in "=<>≤≥"]


def _test_statistics(text: str, ctx):
    """``TEST_STATISTIC.finditer(text)``, trying the pattern only at the names read back from
    each comparison sign."""
    if ctx.folded is None:
        return TEST_STATISTIC.finditer(text)
    starts = set()
    for pattern in _TEST_STATISTIC_REVERSED:
        starts.update(len(text) - m.end() for m in pattern.finditer(ctx.folded_reversed))
    return matches_at(TEST_STATISTIC, text, sorted(starts))


_DF = re.compile(r"^\s*(?:df\s*=\s*)?[0-9]+(?:\.[0-9]+)?(?:\s*,\s*[0-9]+(?:\.[0-9]+)?)?(?:\s*,\s*[Nn]\s*=\s*[0-9,]+)?\s*$")
# a unit right after the value shows a time or measurement, not a test statistic (t = 0 h)
_UNIT_AFTER = re.compile(r"\s?(?:h|hr|hrs|hours?|min|minutes?|s|sec|days?|weeks?|months?|years?|mg|g|kg|mm|cm|%|°)(?![\w])", re.I)


def _named(pattern: re.Pattern, text: str, ctx, letter: str, word: str):
    """``pattern.finditer(text)`` for a pattern whose matches start with ``letter`` (as written)
    or ``word`` (any case)."""
    if ctx.folded is None:
        return pattern.finditer(text)
    return matches_at(pattern, text, sorted({*starts_of(text, (letter,)), *starts_of(ctx.folded, (word,))}))


def find(text: str, ctx) -> list[dict]:
    rows = []
    for m in _HETEROGENEITY_SCAN.finditer(text):
        rows.append(candidate("heterogeneity", m.start(), m.end(), value=num(m.group("value")), measure="I2",
                              operator=operator_of(m.group("op") or m.group("op2")),
                              unit="%" if m.group("unit") else None))
    for m in _named(COCHRAN_Q, text, ctx, "Q", "cochran"):
        value = num(m.group("value"))
        if value is None or value < 0:
            continue
        s0, s1 = ctx.window(m.start(), 150)
        if not (m.group("name").lower().startswith("cochran") or _HETEROGENEITY_CUE.search(text, s0, s1)):
            continue
        if _UNIT_AFTER.match(text, m.end()):
            continue
        df = m.group("df") or m.group("df2")
        trailing_df = _TRAILING_DF.match(text, m.end())
        if df is None and trailing_df:
            df = trailing_df.group("df")
        rows.append(candidate("heterogeneity", m.start(), m.end(), value=value, measure="Q",
                              operator=operator_of(m.group("op")), unit=None, df=df))
    for m in _named(TAU_SQUARED, text, ctx, "τ", "tau"):
        value = num(m.group("value"))
        if value is None or value < 0:
            continue
        rows.append(candidate("heterogeneity", m.start(), m.end(), value=value, measure="tau2",
                              operator=operator_of(m.group("op")), unit=None))
    for m in _test_statistics(text, ctx):
        df = m.group("df") if m.group("df") is not None else m.group("df2")
        if df is not None and not _DF.match(df):
            continue
        if _UNIT_AFTER.match(text, m.end()):
            continue
        name = m.group("name")
        measure = _NAMES.get(name, "chi2")
        rows.append(candidate("test_statistic", m.start(), m.end(), value=num(m.group("value")), measure=measure,
                              operator=operator_of(m.group("op")), df=df.strip() if df else None))
    return rows
