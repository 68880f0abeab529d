"""Percentages (74.3%, <1%, 40% in "approximately 40%", 5 percentage points, both bounds of
20–30%) and proportions (52 of 70, 37/148, Five of the nine, 1 204 of 12 577)."""
from __future__ import annotations

import re

from .base import candidate, num, operator_of, preceding_comparator_word
from .fragments import COMPARATOR, COMPARATOR_CHARS, INTEGER, NUMBER, NUMBER_CHARS, word_number_alternation
from .lexicon import load
from .numbers import parse_int
from .scanning import fold, matches_at, occurrences, run_start, word_start

# small patterns of the checks below
_SPACED_DIGITS = re.compile(r"[0-9, \u2009\u202f\u00a0]+")
_SPACES = re.compile(r"[ \u2009\u202f\u00a0]")
_WORD_JOINS = re.compile(r"[-‐ ]")
_NUMBER = re.compile(rf"{NUMBER}")
_POINTS = re.compile(r"(?i)point")
_LETTER = re.compile(r"[A-Za-z]")

PERCENTAGE = re.compile(
    rf"(?P<op>{COMPARATOR})?\s?(?P<value>{NUMBER})\s?"
    r"(?P<unit>%(?:[- ]points?\b)?|(?i:per\s?cent(?:age)?\s+points?)\b|(?i:percentage[- ]points?)\b|(?i:per\s?cent)\b)"
)
# what stands between the start of a PERCENTAGE match and its unit
_BEFORE_UNIT = NUMBER_CHARS | COMPARATOR_CHARS
# the last character of a NUMBER (a digit or a superscript digit); one whitespace may follow it
_NUMBER_ENDS = frozenset("0123456789⁰¹²³⁴⁵⁶⁷⁸⁹")


def _percentages(text: str, ctx):
    """``PERCENTAGE.finditer(text)``, trying the pattern only in the run of number characters
    before each '%' and each 'per' (every unit starts with one of them)."""
    lowered = ctx.folded
    if lowered is None:
        return PERCENTAGE.finditer(text)
    units = occurrences(text, "%")
    units.extend(unit for unit in occurrences(lowered, "per") if _cent_follows(text, lowered, unit + 3))
    starts = set()
    for unit in units:
        before = unit - 1
        if before >= 0 and text[before].isspace():
            before -= 1
        if before >= 0 and text[before] in _NUMBER_ENDS:
            starts.update(range(run_start(text, unit, _BEFORE_UNIT), unit))
    return matches_at(PERCENTAGE, text, sorted(starts))


def _cent_follows(text: str, lowered: str, pos: int) -> bool:
    """Whether "cent" (any case) starts at ``pos`` or one whitespace after it."""
    if lowered.startswith("cent", pos):
        return True
    return pos < len(text) and text[pos].isspace() and lowered.startswith("cent", pos + 1)


# what a percentage must not be followed by: interval levels, concentrations of preparations
_NOT_A_PERCENTAGE = re.compile(
    r"\s*(?:CI|CrI|CL|UI|(?i:confidence|credible|credibility|uncertainty|prediction)\b"
    r"|(?i:cream|gel|ointment|solution|lotion|suspension|formulation|w/w|w/v|v/v|wt|DMSO|ethanol|CO2|O2|FBS|serum"
    r"|agarose|glucose|saline|dextrose|sucrose|\w*caine|hyperbaric|isobaric|chlorhexidine|povidone|eye\s?drops?"
    r"|ophthalmic|aqueous|tincture|mouthwash|spray)\b)"
)

# a concentration of a preparation: "0.1% rapamycin cream", "1% hydrocortisone ointment"
_PREPARATION_AFTER = re.compile(
    r"(?:\s+[\w\-]+){1,2}\s+(?:cream|gel|ointment|solution|lotion|suspension|foam|shampoo|eye\s?drops?|spray)s?\b",
    re.I,
)

# "creams ... usually at 0.1% to 1%": a strength given after a preparation named earlier in the sentence
_PREPARATION_WORD = re.compile(r"(?i)\b(?:cream|gel|ointment|solution|lotion|foam|shampoo|eye\s?drops?|spray|preparation|formulation)s?\b")
_STRENGTH_BEFORE = re.compile(r"(?:\b(?:at|containing|strengths?\s+of|concentrations?\s+of)|%\s*(?:to|-|–))\s*$", re.I)


# the last characters of a _STRENGTH_BEFORE match before its trailing whitespace (lower-cased)
_STRENGTH_ENDS = ("at", "ng", "of", "to", "-", "–")


def _concentration(text: str, start: int, ctx) -> bool:
    lo = max(0, start - 25)
    if not text[lo:start].rstrip().lower().endswith(_STRENGTH_ENDS):
        return False
    if not _STRENGTH_BEFORE.search(text, lo, start):
        return False
    lo = max(ctx.start_of(start), start - 150)
    return bool(_PREPARATION_WORD.search(text, lo, start))


PROPORTION_OF = re.compile(rf"(?P<x>{INTEGER})\s+(?:of|out\s+of)\s+(?:the\s+)?(?P<y>{INTEGER})(?!\s?%|\s*[-–])")
# counts grouped by spaces (thin or no-break spaces too): "1 204 of 12 577"
_SPACED_INTEGER = r"(?:(?<![\w.·,-])(?<![0-9][ \u2009\u202f\u00a0])[0-9]{1,3}(?:[ \u2009\u202f\u00a0][0-9]{3})+(?![0-9]|[.·][0-9]))"
PROPORTION_SPACED = re.compile(
    rf"(?P<x>{_SPACED_INTEGER}|{INTEGER})\s+(?:of|out\s+of)\s+(?:the\s+)?(?P<y>{_SPACED_INTEGER})(?!\s?%|\s*[-–])"
)

# number words: "Five of the nine patients", "thirty-six of 40 participants"
_WORD_NUMBER = word_number_alternation()
_WORD_COUNT = rf"(?:(?<![\w\-])(?:{_WORD_NUMBER})(?:[-‐ ](?:{_WORD_NUMBER}))?(?![\w\-]))"
PROPORTION_WORDS = re.compile(
    rf"(?P<x>{_WORD_COUNT}|{INTEGER})\s+(?:of|out\s+of)\s+(?P<the>the\s+)?(?P<y>{_WORD_COUNT}|{INTEGER})(?!\s?%|\s*[-–])"
)
# the "of" after the first count of PROPORTION_OF / _SPACED / _WORDS, found in the reversed
# lower-cased text (where the regex engine scans for the literal "fo" quickly): whitespace, then a
# count ending in a digit or a number word
_OF_REVERSED = re.compile(
    r"fo(?:\s+tuo)?\s+(?=[0-9]|(?:" + "|".join(re.escape(fold(w)[::-1]) for w in load()["number_words"]) + "))"
)
_INTEGER_CHARS = frozenset("0123456789,")
_DIGITS = frozenset("0123456789")
_SPACED_INTEGER_CHARS = frozenset("0123456789, \u2009\u202f\u00a0")


def _count_ends(ctx) -> list[int] | None:
    """Where a count before "of" / "out of" can end (None without a folded text)."""
    lowered = ctx.folded
    if lowered is None:
        return None
    return [len(lowered) - m.end() for m in _OF_REVERSED.finditer(ctx.folded_reversed)]


def _run_starts(text: str, end: int, chars: frozenset[str]) -> range:
    """Every position in the run of ``chars`` that ends at ``end``."""
    start = end
    while start > 0 and text[start - 1] in chars:
        start -= 1
    return range(start, end)


def _counts_before_of(pattern: re.Pattern, text: str, ends: list[int] | None, chars: frozenset[str]):
    """``pattern.finditer(text)`` for PROPORTION_OF / PROPORTION_SPACED: their first count is a
    run of ``chars`` ending before "of"."""
    if ends is None:
        return pattern.finditer(text)
    starts = set()
    for end in ends:
        starts.update(_run_starts(text, end, chars))
    return matches_at(pattern, text, sorted(starts))


def _proportion_words(text: str, ends: list[int] | None):
    """``PROPORTION_WORDS.finditer(text)``, trying the pattern only where a count can start that
    ends right before "of" / "out of"."""
    if ends is None:
        return PROPORTION_WORDS.finditer(text)
    starts = set()
    for end in ends:
        starts.update(_run_starts(text, end, _INTEGER_CHARS))
        start = word_start(text, end)
        if start < end:
            starts.add(start)
            if start > 0 and text[start - 1] in "-‐ ":
                starts.add(word_start(text, start - 1))  # "thirty-six", "twenty five"
    return matches_at(PROPORTION_WORDS, text, sorted(starts))
# the counted units after a proportion written without "the" ("one of two weekly doses" is no proportion)
_UNIT_NOUN_AFTER = re.compile(
    r"\s+(?:[A-Za-z][\w\-]*\s+){0,2}?(?:patients|participants|subjects|people|persons|individuals|women|men|children"
    r"|adults|infants|cases|controls|mice|rats|animals|dogs|cats|monkeys|eyes|studies|trials|respondents|volunteers"
    r"|responders|samples|biopsies|tumours|tumors|lesions)\b",
    re.I,
)
# "Five of the nine responded": the counted units left implicit, an outcome verb or a stop follows
_OUTCOME_AFTER = re.compile(
    r"\s*(?:[,;:.)\]]|\s+(?:had|have|were|was|did|showed|developed|responded|completed|reported|received|achieved"
    r"|experienced|improved|remained|relapsed|died|recovered|withdrew|needed|required)\b)",
    re.I,
)
# what a denominator counts when the "x of the y" is no proportion of study units
_NOT_UNITS_AFTER = re.compile(
    r"\s+(?:[A-Za-z][\w\-]*\s+)?(?:groups?|arms?|doses?|sites?|countries|centres|centers|times|days|weeks|months"
    r"|years|ways|types|outcomes|drugs|regimens|options|questions|items|domains|visits|sessions|strains|compounds"
    r"|authors|reviewers|investigators)\b",
    re.I,
)


# natural frequencies: "1 in 20 participants", "one in four adults", "1 in every 2,500 procedures"
PROPORTION_IN = re.compile(
    rf"(?<![\w.,·-])(?P<x>1|[Oo]ne)\s+in\s+(?:every\s+)?(?P<y>{_WORD_COUNT}|{INTEGER})(?![\w.,·/-]|\s?%)"
)
# the "1 in" / "one in" of PROPORTION_IN read in the reversed lower-cased text, where the regex
# engine scans for the literal "ni" quickly
_ONE_IN_REVERSED = re.compile(r"ni\s+(?:eno|1)")


def _proportions_in(text: str, ctx):
    """``PROPORTION_IN.finditer(text)``, trying the pattern only at each "1 in" / "one in"."""
    if ctx.folded is None:
        return PROPORTION_IN.finditer(text)
    starts = sorted(len(text) - m.end() for m in _ONE_IN_REVERSED.finditer(ctx.folded_reversed))
    return matches_at(PROPORTION_IN, text, starts)
# a unit noun (people, procedures ...) or a verb must follow, so "1 in 2019" or "grade 1 in 20 patients"
# at a position are not read
_IN_FOLLOWERS = re.compile(
    r"\s+(?:[A-Za-z][\w\-]*\s+){0,2}?(?:patients|participants|subjects|people|persons|individuals|women|men|"
    r"children|adults|infants|cases|users|smokers|procedures|tests|screens|births|pregnancies|deaths|americans|"
    r"britons|residents|workers|students|doses|prescriptions|admissions|visits|episodes|events|mice|rats|animals)\b"
    r"|\s+(?:had|have|were|was|will|would|developed|died|experienced|reported|needed|required|led|showed)\b",
    re.I,
)


_NUMBER_WORDS = {k.lower(): v for k, v in load()["number_words"].items()}


def _word_count(raw: str) -> int | None:
    """'Five' -> 5, 'thirty-six' -> 36, '12' -> 12."""
    if _SPACED_DIGITS.fullmatch(raw):
        return parse_int(_SPACES.sub("", raw))
    words = _NUMBER_WORDS
    parts = _WORD_JOINS.split(raw.lower())
    values = [words.get(part) for part in parts]
    if any(v is None for v in values):
        return None
    if len(values) == 2:
        tens, units = values
        if tens % 10 or tens < 20 or tens > 90 or not 1 <= units <= 9:
            return None
        return int(tens + units)
    return int(values[0])


PROPORTION_SLASH = re.compile(r"(?<![\w./,-])(?P<x>[0-9]{1,6})\s?/\s?(?P<y>[0-9]{1,6})(?![\w/]|[.·,][0-9])")


def _proportion_slashes(text: str):
    """``PROPORTION_SLASH.finditer(text)``, trying the pattern only at the digits before a '/'."""
    starts = set()
    for slash in occurrences(text, "/"):
        end = slash - 1 if slash > 0 and text[slash - 1].isspace() else slash
        starts.update(_run_starts(text, end, _DIGITS))
    return matches_at(PROPORTION_SLASH, text, sorted(starts))


# words before "x of y" showing it is a position, not a proportion (day 5 of 28, Table 2 of 4)
_POSITION_WORD = re.compile(
    r"(?i)\b(?:day|days|week|weeks|month|cycle|cycles|page|pages|table|figure|fig\.?|step|visit|dose|phase|grade"
    r"|tier|part|session|year|chapter|section|level|stage|round|number|no\.|item|question|score|scored|rated)\s*$"
)
_SLASH_FOLLOWERS = re.compile(
    r"\s*[(\[]\s*[<>≤≥]?\s*[0-9](?:[0-9.·]|\s·\s)*\s?%|\s+(?:patients|participants|subjects|people|persons|individuals|women|men"
    r"|children|adults|infants|cases|controls|mice|rats|animals|eyes|studies|trials|respondents|volunteers"
    r"|responders|samples)\b",
    re.I,
)
_AFTER_PERCENTAGE = re.compile(r"%\s?[(\[]\s?$")
_N_OVER_N = re.compile(r"\bn\s?/\s?N\b")


# earlier members of a list sharing one % sign: "48, 71, and 63 %", "64 and 85%", "24 versus 18 %"
_LIST_MEMBER_BEFORE = re.compile(
    rf"(?<![\w.·,/])(?P<value>{NUMBER})(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|vs\.?|versus)\s+)$"
)


# what the text before a list member's % sign ends with (trailing whitespace aside)
_LIST_JOINS = (",", "and", "or", "vs", "vs.", "versus")
# what the text before a range's % sign ends with (trailing whitespace aside)
_RANGE_SEPARATORS = ("-", "‐", "–", "—", "to")
# the lower bound of a range sharing one % sign: "20–30%", "from 20 to 30%"
_RANGE_LOWER_BEFORE = re.compile(rf"(?<![\w.·,/])(?P<value>{NUMBER})\s*(?:[-‐–—]|\bto\b)\s*$")
# a range that is a CI, an IQR or a range of a median: its bounds are not percentages of their own
_INTERVAL_NAME_BEFORE = re.compile(r"(?i)(?:\bC[rR]?I|\bIQR|interquartile\s+range|\brange|\bQ1\s?[-–,]\s?Q3)\b[\s:=,]*(?:from\s+)?$")


def _range_lower(text: str, start: int) -> dict | None:
    lo = max(0, start - 25)
    if not text[lo:start].rstrip().endswith(_RANGE_SEPARATORS):
        return None
    m = _RANGE_LOWER_BEFORE.search(text, lo, start)
    if not m:
        return None
    raw = m.group("value")
    value, upper = num(raw), None
    upper_match = _NUMBER.match(text[start:start + 25].lstrip("<>≤≥~ "))
    if upper_match:
        upper = num(upper_match.group())
    if value is None or upper is None or not 0 <= value < upper <= 100 or (value, upper) == (0, 100):
        return None  # "a 0–100% scale" is no result
    if _INTERVAL_NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None
    if _POSITION_WORD.search(text, max(0, m.start() - 12), m.start()):
        return None
    return candidate("percentage", m.start("value"), m.end("value"), value=value, operator="=", unit="%", _raw=raw)


def _shared_unit_list(text: str, start: int) -> list[dict]:
    out = []
    pos = start
    for _ in range(8):
        lo = max(0, pos - 40)
        if not text[lo:pos].rstrip().endswith(_LIST_JOINS):
            break
        m = _LIST_MEMBER_BEFORE.search(text, lo, pos)
        if not m:
            break
        value = num(m.group("value"))
        if value is None or not 0 <= value <= 100 or text[m.end("value"):m.end("value") + 1] == "%":
            break
        out.append(candidate("percentage", m.start("value"), m.end("value"), value=value, operator="=", unit="%",
                             _raw=m.group("value")))
        pos = m.start("value")
    return out


def find(text: str, ctx) -> list[dict]:
    rows: list[dict] = []
    for m in _percentages(text, ctx):
        if _NOT_A_PERCENTAGE.match(text, m.end()) or _PREPARATION_AFTER.match(text, m.end()):
            continue
        if _concentration(text, m.start(), ctx):
            continue
        op_symbol = m.group("op")
        if op_symbol and op_symbol in "~≈∼":
            op_symbol = None
        start = m.start("op") if op_symbol else m.start("value")
        operator = operator_of(op_symbol) if op_symbol else operator_of(preceding_comparator_word(text, start))
        unit = "percentage points" if _POINTS.search(m.group("unit")) else "%"
        rows.append(candidate("percentage", start, m.end(), value=num(m.group("value")), operator=operator,
                              unit=unit, _raw=m.group("value")))
        if unit == "%" and not op_symbol:
            rows.extend(_shared_unit_list(text, start))
            lower = _range_lower(text, start)
            if lower:
                rows.append(lower)
    ends = _count_ends(ctx)
    for m in _counts_before_of(PROPORTION_OF, text, ends, _INTEGER_CHARS):
        x, y = parse_int(m.group("x")), parse_int(m.group("y"))
        if x is None or y is None or y == 0 or x > y:
            continue
        if _POSITION_WORD.search(text[max(0, m.start() - 12):m.start()]):
            continue
        rows.append(candidate("proportion", m.start(), m.end(), value=float(x), denominator=y))
    for m in _counts_before_of(PROPORTION_SPACED, text, ends, _SPACED_INTEGER_CHARS):
        x, y = _word_count(m.group("x")), _word_count(m.group("y"))
        if x is None or y is None or y == 0 or x > y:
            continue
        if _POSITION_WORD.search(text[max(0, m.start() - 12):m.start()]):
            continue
        rows.append(candidate("proportion", m.start(), m.end(), value=float(x), denominator=y))
    for m in _proportion_words(text, ends):
        if not (_LETTER.search(m.group("x")) or _LETTER.search(m.group("y"))):
            continue  # numerals only: PROPORTION_OF reads them
        x, y = _word_count(m.group("x")), _word_count(m.group("y"))
        if x is None or y is None or y == 0 or x > y or (x == y == 1):
            continue
        if _POSITION_WORD.search(text[max(0, m.start() - 12):m.start()]) or _NOT_UNITS_AFTER.match(text, m.end()):
            continue
        if not (_UNIT_NOUN_AFTER.match(text, m.end()) or (m.group("the") and _OUTCOME_AFTER.match(text, m.end()))):
            continue
        rows.append(candidate("proportion", m.start(), m.end(), value=float(x), denominator=y))
    for m in _proportions_in(text, ctx):
        y = _word_count(m.group("y"))
        if y is None or y < 2 or 1900 <= y <= 2100 or not _IN_FOLLOWERS.match(text, m.end()):
            continue
        if _POSITION_WORD.search(text[max(0, m.start() - 12):m.start()]):
            continue
        rows.append(candidate("proportion", m.start(), m.end(), value=1.0, denominator=y))
    for m in _proportion_slashes(text):
        x, y = parse_int(m.group("x")), parse_int(m.group("y"))
        if x is None or y is None or y == 0 or x > y:
            continue
        s0, s1 = ctx.window(m.start())
        after_percentage = _AFTER_PERCENTAGE.search(text, max(0, m.start() - 4), m.start())
        if not (_SLASH_FOLLOWERS.match(text, m.end()) or after_percentage or _N_OVER_N.search(text[s0:s1])):
            continue
        rows.append(candidate("proportion", m.start(), m.end(), value=float(x), denominator=y))
    return rows
