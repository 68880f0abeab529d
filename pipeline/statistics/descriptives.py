"""Descriptive statistics: means with SD/SE and medians with IQR/range.

Forms: ``2.6±3.8 kg``, ``57±23%``, ``1.12 ± 0.30 vs 1.05 ± 0.28 m/s``, ``12.3 (4.5)`` when the
sentence (or the one before, or the document) declares a mean (SD), a mean stands right before,
the value is coordinated with an accepted one, or it lists scores after a verb
(``scores were 22.1 (4.0) and 21.8 (4.3)``), ``54.2 (SD 8.1)``, ``mean 12.3, SD 4.5``,
``median 14 (IQR 9-21)``, ``median of 6.5 months (range 2-19)``, ``14 (9–21)`` after a declared
``median (IQR)``, ``median overall survival of 46.7 months`` (no interval).
"""
from __future__ import annotations

import bisect
import re

from .base import NUMBER_START as _NUMBER_START
from .base import candidate, num
from .fragments import (IQR_SEP, NUMBER, NUMBER_CHARS, PLUS_MINUS, UNIT, UNIT_MAX_LENGTH,
                        UNIT_MAX_LENGTH_WITHOUT_SLASH)
from .scanning import Prefiltered, matches_at, occurrences, run_start, starts_of

# small patterns of the checks below
_OPENING_BRACKET = re.compile(r"\s*[(\[]")
_GROUPED_DIGITS = re.compile(r"[0-9,]+")
_SD_NAMED = re.compile(r"\bSD\b|(?i:standard\s+deviation)")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_SE_LABEL = re.compile(r"(?i)SE|standard\s+error")
_IQR_LABEL = re.compile(r"(?i)IQR|interquartile|Q1")
_CI_NAME = re.compile(r"\bC[rR]?I\b")
_DECIMAL_PART = re.compile(r"[.·][0-9]")
_SIGNED = re.compile(r"\s*[-−‐–]")
_SE_DECLARED = re.compile(r"\bSE|\bS\.E|(?i:standard\s+error)")

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

# mean and SD written as separate phrases: "mean 12.3, SD 4.5", "mean was 3.2; standard deviation 1.1"
MEAN_SEPARATE = re.compile(
    rf"(?<![\w])(?i:mean)(?:\s+(?!(?:of|was|is|were)\b)[A-Za-z][\w\-]*){{0,2}}(?:\s*[:=]\s*|\s+(?:(?:of|was|is|were)\s+)?)(?P<mean>{NUMBER})(?P<u1>\s?{UNIT})?\s*[,;]\s*"
    rf"(?:and\s+)?(?P<label>SD|SE|SEM|(?i:standard\s+(?:deviation|error)))(?:\s*[:=]\s*|\s+(?:(?:of|was|is)\s+)?)"
    rf"(?P<sd>{NUMBER})(?P<unit>\s?{UNIT})?"
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

_MEAN_APA_SCAN = Prefiltered(MEAN_APA, "M")

# the last character of a number: a digit or a superscript digit
_NUMBER_END = re.compile("[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]")


def _numbers_before(text: str, marks: list[int]) -> list[int]:
    """Ascending positions where a number can start (``fragments.NUMBER``) that can end right
    before one of the ascending ``marks``, a unit and whitespace away."""
    windows: list[list[int]] = []
    for mark in marks:
        end = mark
        while end > 0 and text[end - 1].isspace():
            end -= 1
        reach = UNIT_MAX_LENGTH
        if "/" not in text[max(0, end - reach):end]:
            reach = UNIT_MAX_LENGTH_WITHOUT_SLASH
        if not _NUMBER_END.search(text, max(0, end - 2 - reach), end):
            continue  # no number ends within a unit's reach
        lo = run_start(text, max(0, end - 1 - reach), NUMBER_CHARS)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([lo, end])
    return [m.start() for lo, end in windows for m in _NUMBER_START.finditer(text, lo, end)]


def _numbers_before_brackets(text: str) -> list[int]:
    """Where a number can start that a unit and whitespace separate from an opening bracket."""
    return _numbers_before(text, starts_of(text, ("(", "[")))


def _number_led(pattern: re.Pattern, text: str, ctx, head: str, numbers: list[int]):
    """``pattern.finditer(text)`` for a pattern whose matches start at ``head`` (any case) or at
    a number that a unit and whitespace separate from an opening bracket (``numbers``)."""
    if ctx.folded is None:
        return pattern.finditer(text)
    return matches_at(pattern, text, sorted({*numbers, *ctx.folded_starts(head)}))


def _mean_pm_matches(text: str, ctx):
    """``MEAN_PM.finditer(text)``, trying the pattern only at "mean" and at the numbers that can
    end right before a "±" (or "+/-"), a unit and whitespace away."""
    if ctx.folded is None:
        return MEAN_PM.finditer(text)
    starts = set(ctx.folded_starts("mean"))
    starts.update(_numbers_before(text, starts_of(text, ("±", "+"))))
    return matches_at(MEAN_PM, text, sorted(starts))


# anatomical uses of "median" (median nerve, median sternotomy)
_ANATOMY = (r"nerves?|planes?|lines?|sternotomy|eminence|raphe|lobes?|cleft|fissure|incisions?|veins?|arter(?:y|ies)"
            r"|septum|arcuate|cubital|umbilical|laparotomy|neuropathy|splits?|filter(?:ing|ed)?")

# a median without an interval: "median overall survival of 46.7 months" (span from "median"),
# "median follow-up was 3.1 years" (span from the value), "median 14 days"
MEDIAN_BARE = re.compile(
    rf"(?<![\w\-])(?i:median)(?!\s+(?i:{_ANATOMY})\b)(?:"
    rf"(?P<of>(?:\s+(?!(?:was|were|is|of)\b)[A-Za-z][\w\-]*){{0,3}}\s+of\s+)"
    rf"|(?P<was>(?:\s+(?!(?:was|were|is|of)\b)[A-Za-z][\w\-]*){{0,4}}\s+(?:was|were|is)\s+(?:(?:about|approximately|around)\s+)?)"
    rf"|(?P<direct>(?:\s+(?!(?:was|were|is|of)\b)[A-Za-z][\w\-]*)?\s*[:=,]?\s*))"
    rf"(?P<value>{NUMBER})(?P<unit>\s?{UNIT})?"
)
# what shows the value after "median ..." is not the median itself
_NOT_A_MEDIAN_AFTER = re.compile(
    r"\s*(?:[-‐–—]\s*[0-9]|to\s+[0-9]|(?:[A-Za-z]+\s+)?(?:longer|shorter|higher|lower|greater|more|less|larger|smaller"
    r"|fold|times|percentage|per\b|of\s+(?:the|all|patients|participants)))",
    re.I,
)
_CI_IN_BRACKET = re.compile(r"\s*[(\[]\s*(?:[0-9]{2}(?:\.[0-9]+)?\s?%\s?)?(?:C[rR]?I|(?i:confidence|credible)\s+interval)\b")
_MEDIAN_PAIR = re.compile(rf"\s+(?:vs\.?|versus|and|compared\s+with)\s+(?P<value>{NUMBER})(?P<unit>\s?{UNIT})?")


def _at_word(pattern: re.Pattern, text: str, ctx, word: str):
    """``pattern.finditer(text)`` for a pattern whose matches start with ``word`` (any case)."""
    if ctx.folded is None:
        return pattern.finditer(text)
    return matches_at(pattern, text, ctx.folded_starts(word))


def _bare_medians(text: str, ctx) -> list[dict]:
    out = []
    for m in _at_word(MEDIAN_BARE, text, ctx, "median"):
        raw = m.group("value")
        value = num(raw)
        if value is None or value < 0 or _year_like(raw):
            continue
        if _NOT_A_MEDIAN_AFTER.match(text, m.end()):
            continue
        if _OPENING_BRACKET.match(text[m.end():m.end() + 3]) and not _CI_IN_BRACKET.match(text, m.end()):
            continue  # an IQR/range follows: the MEDIAN pattern reads it (a CI is a row of its own)
        start = m.start("value") if m.group("was") is not None else m.start()
        unit = _unit(m.group("unit"))
        first = candidate("median", start, m.end(), value=value, lower=None, upper=None, measure=None, unit=unit)
        out.append(first)
        pair = _MEDIAN_PAIR.match(text, m.end())
        if pair and not _NOT_A_MEDIAN_AFTER.match(text, pair.end()):
            second = num(pair.group("value"))
            if second is not None and second >= 0 and not _year_like(pair.group("value")):
                unit2 = _unit(pair.group("unit"))
                if unit is None and unit2:
                    first["unit"] = unit2
                out.append(candidate("median", pair.start("value"), pair.end(), value=second, lower=None, upper=None,
                                     measure=None, unit=unit2 or unit))
    return out


# a mean (SD) declaration anywhere in the sentence: "mean (SD)", "(SD)", "mean ± SD"
_DECLARED_SD = re.compile(
    rf"(?i:\bmeans?\s*[(\[,]\s*){_SD_LABEL}|\(\s*{_SD_LABEL}\s*\)|{PLUS_MINUS}\s*{_SD_LABEL}\b|(?i:standard\s+deviations?)"
)
_DECLARED_SE = re.compile(r"\b(?:SE|SEM|s\.e\.m?\.?)\b|(?i:standard\s+error)")
# the characters each alternative starts with ("ſ": long s, which "(?i)s" matches)
_DECLARED_SD_SCAN = Prefiltered(_DECLARED_SD, "mM(±+sSſ")
_DECLARED_SE_SCAN = Prefiltered(_DECLARED_SE, "Ssſ")
# where a _DECLARED_SD match can start besides "mean", "standard", "±" and "+": a bracket
# before an S
_BRACKET_BEFORE_S = re.compile(r"\(\s*[Ss]")


def _declared_sd_starts(text: str, ctx) -> list[int]:
    """Ascending positions where a _DECLARED_SD match can start (``ctx.folded`` must not be None)."""
    starts = set(ctx.folded_starts("mean"))
    starts.update(ctx.folded_starts("standard"))
    starts.update(m.start() for m in _BRACKET_BEFORE_S.finditer(text))
    starts.update(occurrences(text, "±"))
    starts.update(occurrences(text, "+"))
    return sorted(starts)


def _declares_sd(text: str, ctx, lo: int, hi: int) -> bool:
    """Whether ``_DECLARED_SD.search(text, lo, hi)`` finds a match, trying the pattern only where
    a match can start (found once per text)."""
    if ctx.folded is None:
        return ctx.found(_DECLARED_SD_SCAN, lo, hi)
    starts = ctx.remembered(_declared_sd_starts, lambda: _declared_sd_starts(text, ctx))
    i = bisect.bisect_left(starts, lo)
    while i < len(starts) and starts[i] < hi:
        if _DECLARED_SD.match(text, starts[i], hi):
            return True
        i += 1
    return False


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

_COUNT_PERCENT_DECLARED_SCAN = Prefiltered(_COUNT_PERCENT_DECLARED, "(%nN")
# the alternatives of _COUNT_PERCENT_DECLARED, each led by a literal the regex engine finds
# quickly ("n (%)" holds "(%)")
_PERCENT_THEN_N = re.compile(r"(?i)%\s*\(\s*n\s*\)")
_BRACKETED_PERCENT = re.compile(r"\(\s*%\s*\)")


def _declares_count_percent(text: str) -> bool:
    """Whether ``_COUNT_PERCENT_DECLARED.search(text)`` finds a match."""
    return "%" in text and bool(_PERCENT_THEN_N.search(text) or _BRACKETED_PERCENT.search(text))
    if _PERCENT_THEN_N.search(text):
        return True
    for m in _BRACKET_THEN_PERCENT.finditer(text):
        if _CLOSING_BRACKET.match(text, m.end()):
            return True
        n = m.start()
        while n > 0 and text[n - 1].isspace():
            n -= 1
        if n > 0 and text[n - 1] in "nN" and (n == 1 or not (text[n - 2].isalnum() or text[n - 2] == "_")):
            return True
    return False


def _count_percent(text: str, m: re.Match, ctx) -> bool:
    """'572 (52.7)' next to an 'n (%)' declaration is a count with its percentage."""
    raw = m.group("mean")
    if not _GROUPED_DIGITS.fullmatch(raw) and "%" not in text[max(0, m.start() - 300):m.start()]:
        return False
    return ctx.found(_COUNT_PERCENT_DECLARED_SCAN, *ctx.previous_and_current(m.start()))


def _sd_measure(sentence: str) -> str:
    if _DECLARED_SE_SCAN.search(sentence) and not _SD_NAMED.search(sentence):
        return "SE"
    return "SD"


def _sd_measure_of(text: str, ctx, lo: int, hi: int) -> str:
    """``_sd_measure(text[lo:hi])``, remembered for each range."""
    return ctx.remembered((_sd_measure, lo, hi), lambda: _sd_measure(text[lo:hi]))


def _year_like(raw: str) -> bool:
    return bool(_YEAR.fullmatch(raw))


def find(text: str, ctx) -> list[dict]:
    rows: list[dict] = []
    for m in _mean_pm_matches(text, ctx):
        s0, s1 = ctx.window(m.start())
        rows.append(candidate(
            "mean_sd", m.start(), m.end(), value=num(m.group("mean")), sd=num(m.group("sd")),
            unit=_unit(m.group("unit"), m.group("u1")), measure=_sd_measure_of(text, ctx, s0, s1),
        ))
    bracketed = _numbers_before_brackets(text)
    rows.extend(_mean_paren_rows(text, ctx, bracketed))
    for m in _MEAN_APA_SCAN.finditer(text):
        rows.append(candidate(
            "mean_sd", m.start(), m.end(), value=num(m.group("mean")), sd=num(m.group("sd")),
            unit=_unit(m.group("unit"), m.group("u1")), measure="SD" if m.group("label") == "SD" else "SE",
        ))
    for m in _at_word(MEAN_SEPARATE, text, ctx, "mean"):
        sd = num(m.group("sd"))
        if sd is None or sd < 0:
            continue
        rows.append(candidate(
            "mean_sd", m.start("mean"), m.end(), value=num(m.group("mean")), sd=sd,
            unit=_unit(m.group("unit"), m.group("u1")),
            measure="SE" if _SE_LABEL.match(m.group("label")) else "SD",
        ))
    rows.extend(_bare_medians(text, ctx))
    for m in _number_led(MEDIAN, text, ctx, "median", bracketed):
        s0, s1 = ctx.window(m.start())
        sentence = text[s0:s1]
        label = m.group("label")
        if not (m.group("head") or label or _near_word(text, _MEDIAN_WORD, m.start(), s0)
                or _DECLARED_MEDIAN.search(text, *ctx.previous_and_current(m.start()))):
            continue
        if label:
            measure = "IQR" if _IQR_LABEL.match(label) else "range"
        elif _CI_NAME.search(text[max(s0, m.start() - 30):m.start()]):
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


# --- "12.3 (4.5)" without a label ---------------------------------------------------------------
# a document that declares the convention once: "Values are mean (SD)", "M (SD)", a "mean (SD)" header
_SD_NAME = rf"(?:{_SD_LABEL}|(?i:standard\s+(?:deviation|error)s?))"
_DOCUMENT_DECLARED_SD = re.compile(
    rf"(?i:\bmeans?)\s*[(\[]\s*{_SD_NAME}\s*[)\]]|(?<![\w])M\s*\(\s*SD\s*\)|(?i:\bmeans?)\s*{PLUS_MINUS}\s*{_SD_NAME}"
    rf"|(?i:\bmeans?\s+(?:and|with|,)\s*(?:their\s+|the\s+)?){_SD_NAME}s?(?![\w])"
)
# the declaration starts at "mean" (any case) or at "M (SD)"
_M_SD = re.compile(r"M\s*\(\s*SD\s*\)")


def _document_declaration(text: str, ctx) -> re.Match | None:
    """``_DOCUMENT_DECLARED_SD.search(text)``."""
    if ctx.folded is None:
        return _DOCUMENT_DECLARED_SD.search(text)
    starts = set(ctx.folded_starts("mean"))
    starts.update(m.start() for m in _M_SD.finditer(text))
    return next(matches_at(_DOCUMENT_DECLARED_SD, text, sorted(starts)), None)


# words before a bracketed number that show a position, a count or a label, not a mean
_NOT_A_MEAN_BEFORE = re.compile(
    r"(?i)\b(?:day|days|week|weeks|month|months|year|years|visit|table|tables|figure|fig\.?|step|phase|grade"
    r"|stage|cycle|dose|session|item|chapter|section|page|ref\.?|reference|references|version|model|wave|arm"
    r"|n|no\.|number|aged|level|tier|cohort|trial|study|studies|after|within|during|every|received|took|taking"
    r"|given)\s*[=:]?\s*$"
)
# nouns after a bracketed pair that show a count of study units ("12 (4) participants")
_COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:patients|participants|subjects|people|persons|individuals|women|men|children|adults|cases|controls"
    r"|mice|rats|animals|studies|trials|sites|centres|centers|events|deaths|respondents|volunteers|doses|tablets"
    r"|capsules|injections|cycles|sessions|visits)\b",
    re.I,
)
# a listing verb right before the first value of a list of scores ("scores were 22.1 (4.0) and ...")
_LISTING_BEFORE = re.compile(
    r"(?i)\b(?:was|were|is|are|of|to|averaged|reached|totalled|totaled)\s+$"
)
# what may stand between two coordinated values: an optional short qualifier ("in the drug group"),
# then "and" / "vs" / a comma, and an optional "to" ("... and to 12.2 (5.6)")
_LIST_GAP = re.compile(
    r"^\s*(?:(?:in|among|for|with|at|on|after|before|during|from)\s+[^,;()\[\]0-9=<>%]{1,40}?\s*)?"
    r"(?:,\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|or|vs\.?|versus|compared\s+(?:with|to))\s+|(?:and|vs\.?|versus)\s+)"
    r"(?:(?:to|from|of|was|were)\s+)?$",
    re.I,
)
_CHANGE_WORDS = re.compile(
    r"(?i)\b(?:chang\w*|differ\w*|reduc\w*|increas\w*|decreas\w*|gain\w*|loss|lost|fell|fall\w*|rose|rise|"
    r"improv\w*|declin\w*|drop\w*)\b"
)


def _has_decimal(raw: str) -> bool:
    return bool(_DECIMAL_PART.search(raw))


def _shaped_like_mean_sd(text: str, m: re.Match) -> bool:
    """Not a position (week 12 (3)), a count of units (12 (4) participants), a year or a negative SD."""
    mean_raw, sd_raw = m.group("mean"), m.group("sd")
    mean, sd = num(mean_raw), num(sd_raw)
    if mean is None or sd is None or sd < 0 or _SIGNED.match(sd_raw):
        return False
    if _year_like(mean_raw) or _year_like(sd_raw):
        return False
    if _NOT_A_MEAN_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return False
    return bool(m.group("unit")) or not _COUNT_NOUN_AFTER.match(text, m.end())


def _plausible_pair(text: str, m: re.Match, ctx, count_percent_doc: bool) -> bool:
    """A bracketed number read as an SD only on contextual grounds must look like one."""
    if not _shaped_like_mean_sd(text, m):
        return False
    mean_raw = m.group("mean")
    mean, sd = num(mean_raw), num(m.group("sd"))
    if not (_has_decimal(mean_raw) or _has_decimal(m.group("sd"))):
        return False  # "6 (3) months", "received 2 (1) doses": whole numbers need an explicit cue
    if count_percent_doc and not _has_decimal(mean_raw):
        return False  # "12 (4.1)" in a text that also reports n (%) is a count with its percentage
    if mean > 0 and sd > 3 * mean:
        s0, s1 = ctx.window(m.start())
        if not _CHANGE_WORDS.search(text, s0, m.start()):
            return False
    return True


def _mean_paren_rows(text: str, ctx, bracketed: list[int]) -> list[dict]:
    """``12.3 (4.5)`` rows: labelled or headed forms, a mean (SD) declared in the sentence, the
    sentence before or anywhere in the document, a mean named just before, values coordinated
    with an accepted one, and lists of at least two values after a listing verb."""
    matches = list(_number_led(MEAN_PAREN, text, ctx, "mean", bracketed))
    if not matches:
        return []
    declaration = _document_declaration(text, ctx)
    document_declared = declaration is not None
    document_measure = "SD"
    if declaration is not None and _SE_DECLARED.search(declaration.group()):
        document_measure = "SE"
    count_percent_doc = _declares_count_percent(text)
    status: list[str | None] = []  # "strong" (label/head/sentence cue), "weak" (context only), None
    for m in matches:
        s0, _ = ctx.window(m.start())
        if m.group("label") or m.group("head"):
            status.append("strong")
            continue
        if _year_like(m.group("mean")):
            status.append(None)
            continue
        d0, d1 = ctx.previous_and_current(m.start())
        near_median = bool(_MEDIAN_WORD.search(text[max(s0, m.start() - 40):m.start()]))
        ok = (_declares_sd(text, ctx, d0, d1) and not near_median) or _near_word(text, _MEAN_WORD, m.start(), s0)
        ok = ok or _from_to_pair(text, m)
        if ok and _shaped_like_mean_sd(text, m):
            status.append("strong")
        elif not near_median and _plausible_pair(text, m, ctx, count_percent_doc):
            status.append("weak")
        else:
            status.append(None)
    linked = [False] * len(matches)  # coordinated with the previous match
    for i in range(1, len(matches)):
        a, b = matches[i - 1], matches[i]
        linked[i] = ctx.same(a.start(), b.start()) and bool(_LIST_GAP.match(text[a.end():b.start()]))
    accepted = [s == "strong" for s in status]
    by_document = [False] * len(matches)
    # a cue carries along a coordinated list: "Mean age was 61.2 (8.4) years in A and 60.7 (9.1) years in B"
    for i in range(1, len(matches)):
        if accepted[i] or not accepted[i - 1] or _year_like(matches[i].group("mean")):
            continue
        gap = text[matches[i - 1].end():matches[i].start()]
        if ctx.same(matches[i - 1].start(), matches[i].start()) and _PAIR_JOIN.match(gap) and _shaped_like_mean_sd(
                text, matches[i]):
            accepted[i] = True
        elif linked[i] and status[i] is not None:
            accepted[i] = True
    # the convention declared elsewhere in the document
    if document_declared:
        for i, s in enumerate(status):
            if s == "weak" and not accepted[i]:
                accepted[i] = by_document[i] = True
    # a listing of at least two values after a listing verb ("scores were 22.1 (4.0) and 21.8 (4.3)")
    i = 0
    while i < len(matches):
        j = i
        while j + 1 < len(matches) and linked[j + 1]:
            j += 1
        chain = range(i, j + 1)
        if (j > i and all(status[k] is not None for k in chain)
                and _LISTING_BEFORE.search(text, max(0, matches[i].start() - 20), matches[i].start())
                and any(_has_decimal(matches[k].group("mean")) for k in chain)):
            for k in chain:
                accepted[k] = True
        i = j + 1
    rows = []
    for m, ok, from_document in zip(matches, accepted, by_document):
        label = m.group("label")
        if not ok:
            continue
        if not label and not m.group("head") and _count_percent(text, m, ctx):
            continue
        s0, s1 = ctx.window(m.start())
        measure = "SE" if label and label.upper().startswith(("SE", "S.E")) else _sd_measure_of(text, ctx, s0, s1)
        if not label and not _declares_sd(text, ctx, s0, s1) and not ctx.found(_DECLARED_SE_SCAN, s0, s1):
            # the SD/SE choice follows the declaration the row relies on: the sentence before, else the document
            d0, d1 = ctx.previous_and_current(m.start())
            measure = _sd_measure_of(text, ctx, d0, d1) if _declares_sd(text, ctx, d0, d1) else document_measure
            if from_document:
                measure = document_measure
        rows.append(candidate(
            "mean_sd", m.start(), m.end(), value=num(m.group("mean")), sd=num(m.group("sd")),
            unit=_unit(m.group("unit"), m.group("u1")), measure=measure,
        ))
    return rows
