"""Descriptive statistics: means with SD/SE and medians with IQR/range.

Forms: ``2.6±3.8 kg``, ``57±23%``, ``1.12 ± 0.30 vs 1.05 ± 0.28 m/s``, ``12.3 (4.5)`` when the
sentence declares a mean (SD) or a mean stands right before, ``54.2 (SD 8.1)``,
``median 14 (IQR 9-21)``, ``median of 6.5 months (range 2-19)``, ``14 (9–21)`` after a declared
``median (IQR)``.
"""
from __future__ import annotations

import re

from .base import candidate, num
from .fragments import IQR_SEP, NUMBER, PLUS_MINUS, UNIT

# "mean of" / "mean =" right before the value belongs to the span ("mean of 21.5 m (SD 35.2)")
_MEAN_HEAD = r"(?P<head>(?<![\w])(?i:mean)(?:\s+of\s+|\s*[:=]\s*))?"
_SD_LABEL = r"(?:SD|SE|SEM|s\.d\.|s\.e\.|S\.D\.|S\.E\.)"

MEAN_PM = re.compile(
    rf"{_MEAN_HEAD}(?P<mean>{NUMBER})(?P<u1>\s?{UNIT})?\s*{PLUS_MINUS}\s*(?P<sd>{NUMBER})(?P<unit>\s?{UNIT})?"
)

MEAN_PAREN = re.compile(
    rf"{_MEAN_HEAD}(?P<mean>{NUMBER})(?P<u1>\s?{UNIT})?\s*[(\[]\s*(?:(?P<label>{_SD_LABEL})\s*[=:,]?\s*)?"
    rf"(?P<sd>{NUMBER})\s*[)\]](?P<unit>\s?{UNIT})?"
)

# APA style: "M = 4.78, SD = 3.56"
MEAN_APA = re.compile(
    rf"(?<![\w])M\s*=\s*(?P<mean>{NUMBER})(?P<u1>\s?{UNIT})?\s*[,;]\s*(?P<label>SD|SE|SEM)\s*=\s*(?P<sd>{NUMBER})(?P<unit>\s?{UNIT})?"
)

# the word "median" belongs to the span when the value follows it directly or after
# "<up to two words> of" ("median 14 (IQR ...)", "median follow-up of 9.2 years (IQR ...)");
# after "median <noun phrase> was" the span starts at the value
MEDIAN = re.compile(
    rf"(?=[mM0-9.·\-−‐–])(?P<head>(?i:median)(?:(?:\s+(?!(?:was|were|is|of)\b)[A-Za-z][\w\-]*){{0,2}}\s+of\s+|\s*[:=,]?\s*))?"
    rf"(?P<value>{NUMBER})(?P<u1>\s?{UNIT})?\s*[(\[]\s*"
    rf"(?:(?P<label>IQR|(?i:interquartile\s+range)|(?i:range)|Q1\s?[-–,]\s?Q3)\s*[:=,]?\s*)?"
    rf"(?P<lower>{NUMBER})(?:\s?{UNIT})?{IQR_SEP}(?P<upper>{NUMBER})(?P<u2>\s?{UNIT})?\s*[)\]]"
)

# a mean (SD) declaration anywhere in the sentence: "mean (SD)", "(SD)", "mean ± SD"
_DECLARED_SD = re.compile(
    rf"(?i:\bmeans?\s*[(\[,]\s*){_SD_LABEL}|\(\s*{_SD_LABEL}\s*\)|{PLUS_MINUS}\s*{_SD_LABEL}\b|(?i:standard\s+deviations?)"
)
_DECLARED_SE = re.compile(r"\b(?:SE|SEM|s\.e\.m?\.?)\b|(?i:standard\s+error)")
_MEAN_WORD = re.compile(r"(?i)\b(?:mean|average)s?\b")
_MEDIAN_WORD = re.compile(r"(?i)\bmedian\b")
_DECLARED_MEDIAN = re.compile(r"(?i)\bmedians?\s*[(\[,]\s*(?:IQR|interquartile|range)")
_DECLARED_IQR = re.compile(r"(?i)\bIQR\b|interquartile")
_DECLARED_RANGE = re.compile(r"(?i)\brange\b")
_STANDALONE_DIGIT = re.compile(r"(?<![\w.])[0-9]")
# joins two values of a comparison: "X vs Y", "from X to Y"
_PAIR_JOIN = re.compile(r"^\s*(?:vs\.?|versus|and|,|;|compared\s+(?:with|to)|to|or)\s*$", re.I)


def _unit(*groups: str | None) -> str | None:
    for g in groups:
        if g and g.strip():
            return g.strip()
    return None


def _near_word(text: str, word: re.Pattern, start: int, sentence_start: int, window: int = 60) -> bool:
    lo = max(sentence_start, start - window)
    before = text[lo:start]
    last = None
    for last in word.finditer(before):
        pass
    if last is None:
        return False
    return not _STANDALONE_DIGIT.search(before[last.end():])


_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")
_TO_PAIR = re.compile(rf"\s+to\s+{NUMBER}\s*\(\s*{NUMBER}\s*\)")


def _from_to_pair(text: str, m: re.Match) -> bool:
    """'from 38.2 (11.4) to 47.9 (13.0)': a change between two means with SDs."""
    return bool(_FROM_BEFORE.search(text, max(0, m.start() - 6), m.start()) and _TO_PAIR.match(text, m.end()))


_COUNT_PERCENT_DECLARED = re.compile(r"(?i)\(\s*%\s*\)|%\s*\(\s*n\s*\)|\bn\s*\(\s*%\s*\)")


def _count_percent(text: str, m: re.Match, ctx) -> bool:
    """'572 (52.7)' next to an 'n (%)' declaration is a count with its percentage."""
    raw = m.group("mean")
    if not re.fullmatch(r"[0-9,]+", raw) and "%" not in text[max(0, m.start() - 300):m.start()]:
        return False
    return bool(_COUNT_PERCENT_DECLARED.search(text, *ctx.previous_and_current(m.start())))


def _sd_measure(sentence: str) -> str:
    if _DECLARED_SE.search(sentence) and not re.search(r"\bSD\b|(?i:standard\s+deviation)", sentence):
        return "SE"
    return "SD"


def _year_like(raw: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)[0-9]{2}", raw))


def find(text: str, ctx) -> list[dict]:
    rows: list[dict] = []
    for m in MEAN_PM.finditer(text):
        s0, s1 = ctx.window(m.start())
        rows.append(candidate(
            "mean_sd", m.start(), m.end(), value=num(m.group("mean")), sd=num(m.group("sd")),
            unit=_unit(m.group("unit"), m.group("u1")), measure=_sd_measure(text[s0:s1]),
        ))
    accepted_ends: list[int] = []
    for m in MEAN_PAREN.finditer(text):
        s0, s1 = ctx.window(m.start())
        sentence = text[s0:s1]
        label = m.group("label")
        ok = bool(label or m.group("head"))
        if not ok and not _year_like(m.group("mean")):
            d0, d1 = ctx.previous_and_current(m.start())
            ok = bool(_DECLARED_SD.search(text, d0, d1)) and not _MEDIAN_WORD.search(text[max(s0, m.start() - 40):m.start()])
            ok = ok or _near_word(text, _MEAN_WORD, m.start(), s0)
            last = accepted_ends[-1] if accepted_ends else -1
            ok = ok or (s0 <= last <= m.start() and bool(_PAIR_JOIN.match(text[last:m.start()])))
            ok = ok or _from_to_pair(text, m)
        if ok and not label and not m.group("head") and _count_percent(text, m, ctx):
            ok = False
        if not ok:
            continue
        accepted_ends.append(m.end())
        measure = "SE" if label and label.upper().startswith(("SE", "S.E")) else _sd_measure(sentence)
        rows.append(candidate(
            "mean_sd", m.start(), m.end(), value=num(m.group("mean")), sd=num(m.group("sd")),
            unit=_unit(m.group("unit"), m.group("u1")), measure=measure,
        ))
    for m in MEAN_APA.finditer(text):
        rows.append(candidate(
            "mean_sd", m.start(), m.end(), value=num(m.group("mean")), sd=num(m.group("sd")),
            unit=_unit(m.group("unit"), m.group("u1")), measure="SD" if m.group("label") == "SD" else "SE",
        ))
    for m in MEDIAN.finditer(text):
        s0, s1 = ctx.window(m.start())
        sentence = text[s0:s1]
        label = m.group("label")
        if not (m.group("head") or label or _near_word(text, _MEDIAN_WORD, m.start(), s0)
                or _DECLARED_MEDIAN.search(text, *ctx.previous_and_current(m.start()))):
            continue
        if label:
            measure = "IQR" if re.match(r"(?i)IQR|interquartile|Q1", label) else "range"
        elif re.search(r"\bC[rR]?I\b", text[max(s0, m.start() - 30):m.start()]):
            measure = None  # "median (95% CI) 4 (3.5, 5)": the brackets hold a CI
        elif _DECLARED_IQR.search(text, *ctx.previous_and_current(m.start())):
            measure = "IQR"
        elif _DECLARED_RANGE.search(sentence):
            measure = "range"
        else:
            measure = None
        rows.append(candidate(
            "median", m.start(), m.end(), value=num(m.group("value")), lower=num(m.group("lower")),
            upper=num(m.group("upper")), measure=measure, unit=_unit(m.group("u1"), m.group("u2")),
        ))
    return rows
