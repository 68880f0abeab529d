"""Small named regex fragments the statistics patterns are composed from.

Every fragment is a plain string (no capture groups unless the name says so) so it can be
embedded anywhere. Patterns are compiled once in the family modules. Quantifiers on digit runs
are possessive (``++``) so that long runs of digits cannot cause backtracking blow-ups.
"""
from __future__ import annotations

import re

from . import lexicon

# --- numbers -----------------------------------------------------------------------------
#: a sign: hyphen-minus, unicode minus, hyphen, en dash used as minus (only right before a digit)
SIGN = r"(?:[-−‐–](?=[0-9.·]))"
#: digits, optionally grouped by thousands separators (1,204 / 12,345,678)
DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})++(?![0-9])|[0-9]++)"
#: decimal part, with a point or the Lancet middle dot (0·02)
DECIMAL = r"(?:[.·][0-9]++)"
#: unsigned mantissa: 12 / 12.5 / .002
MANTISSA = rf"(?:{DIGITS}{DECIMAL}?+|{DECIMAL})"
#: superscript digits (for 10⁻⁶)
SUPERSCRIPT_DIGITS = r"[⁰¹²³⁴⁵⁶⁷⁸⁹]"
#: power-of-ten tail: × 10⁻⁶, x 10^-6, ×10-6, e-6, E−06
EXPONENT = (
    rf"(?:\s?[×xX✕*]\s?10(?:\s?(?:\^|\*\*)\s?[-−⁻–]?\s?[0-9]{{1,3}}|[-−⁻–]{SUPERSCRIPT_DIGITS}{{1,3}}"
    rf"|⁻?{SUPERSCRIPT_DIGITS}{{1,3}}|[-−–][0-9]{{1,3}})(?![0-9])"
    rf"|[eE][-−+]?[0-9]{{1,3}}(?![0-9]))"
)
#: a bare power of ten: 10⁻⁸, 10^-8
POWER_OF_TEN = rf"(?:10(?:⁻{SUPERSCRIPT_DIGITS}{{1,3}}|\^[-−]?[0-9]{{1,3}}))"
#: a full number; never starts right after a word character, a point or another digit
NUMBER = rf"(?:(?<![\w.·]){SIGN}?+(?:{POWER_OF_TEN}|{MANTISSA}{EXPONENT}?+)(?![0-9]))"
#: every character a NUMBER can hold besides whitespace
NUMBER_CHARS = frozenset("0123456789,.·-−‐–×xX✕*^⁻⁰¹²³⁴⁵⁶⁷⁸⁹eE+")
#: an unsigned number
UNSIGNED = rf"(?:(?<![\w.·-]){MANTISSA}(?![0-9]))"
#: an integer count
INTEGER = r"(?:(?<![\w.·,-])(?:[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?![0-9]|[.·][0-9]))"

# --- comparators ---------------------------------------------------------------------------
#: comparator symbols and their ASCII spellings
COMPARATOR = r"(?:<=|>=|=<|=>|≤|≥|⩽|⩾|<|>|=|≈|~|∼)"
#: every character of a COMPARATOR
COMPARATOR_CHARS = frozenset("<>=≤≥⩽⩾≈~∼")
#: comparator words that precede a number (the words stay outside the span)
COMPARATOR_WORDS = (
    r"(?:approximately|approx\.|about|around|nearly|almost|roughly|some|over|more\s+than|greater\s+than"
    r"|higher\s+than|above|exceeding|less\s+than|lower\s+than|fewer\s+than|under|below|at\s+least"
    r"|at\s+most|up\s+to|no\s+more\s+than|as\s+much\s+as|as\s+many\s+as)"
)

# --- separators ----------------------------------------------------------------------------
#: between the two bounds of an interval: 1.01-1.18, 1.01–1.18, −1.3 to −0.4, 0.71, 0.93
RANGE_SEP = r"(?:\s*(?:[-‐–—]|\bto\b|,)\s*)"
#: between two bounds of a range that is not a CI (IQR 9-21, range 2 to 19)
IQR_SEP = r"(?:\s*(?:[-‐–—]|\bto\b|,)\s*)"
#: the ± sign and its ASCII spellings
PLUS_MINUS = r"(?:±|\+/-|\+/−|\+-|\+/–)"
#: words joining a name to its value: "was", "of", "=", ":" ...
LINK_WORD = r"(?:\s*(?:[:=]|,)\s*|\s+(?:was|were|is|of|at|reached|equal\s+to)\s+|\s*)"

# --- interval names ------------------------------------------------------------------------
#: interval level: 95%, 90 %, 99.9%
LEVEL = r"(?:(?<![\w.])(?P<level>[0-9]{2}(?:\.[0-9]+)?)\s?%\s?)"
#: the name of an interval, with an optional bracketed abbreviation
INTERVAL_NAME = (
    r"(?:(?:(?i:confidence|credible|credibility|compatibility|uncertainty)\s+(?i:intervals?|limits?|ranges?)"
    r"(?:\s*[\[(](?:CI|CrI|CL|UI)s?[\])])?)|(?:CI|CrI|CL|UI)s?(?![\w]))"
)
#: maps the interval name to whether it is a credible interval
CREDIBLE = re.compile(r"(?i)cr(?:edib|i)")

# --- p values ------------------------------------------------------------------------------
#: qualifiers of a P value: P for trend, P for interaction ...
P_QUALIFIER = (
    r"(?:(?:[A-Za-z][\w-]*\s+){0,2}?"  # up to two modifiers: "subgroup difference", "treatment-by-age interaction"
    r"(?:trend|interaction|heterogeneity|differences?|non-?inferiority|superiority|overall|effect))"
)
#: the name of a P value
P_NAME = (
    rf"(?:(?<![\w.])(?:(?:(?i:log[- ]?rank)\s+)?[Pp](?:[-‐‑\s]?(?:values?|Values?))?(?:\s+(?:for|of)\s+{P_QUALIFIER})?"
    rf"|[Pp][-_ ]?(?:trend|interaction|int|het|heterogeneity|for\s+trend))(?![\w]))"
)

# --- units ---------------------------------------------------------------------------------
_UNITS = sorted(lexicon.load()["units"], key=len, reverse=True)
#: a unit written after a value (whitelisted or a short slash unit like mg/dL)
UNIT = (
    r"(?=[A-Za-zµμ°%])(?:(?:" + "|".join(re.escape(u) for u in _UNITS) + r")(?![\w/])"
    r"|[A-Za-zµμ]{1,5}(?:/[A-Za-z0-9²³]{1,8}){1,3}(?:(?:\s[a-z][a-z\-]{1,15}){1,2}/[A-Za-z0-9²³]{1,5})?(?![\w/]))"
)
#: the longest text UNIT can match: a listed unit or the longest slash unit
UNIT_MAX_LENGTH = max(max(map(len, _UNITS)), 5 + 3 * (1 + 8) + 2 * (1 + 1 + 15) + 1 + 5)
#: the longest text UNIT can match when it holds no "/" (slash units always hold one)
UNIT_MAX_LENGTH_WITHOUT_SLASH = max(len(u) for u in _UNITS if "/" not in u)

# --- effect measures -----------------------------------------------------------------------


def _alternation(strings: list[str], ignore_case: bool) -> str:
    parts = []
    for s in sorted(set(strings), key=len, reverse=True):
        body = s if "\\" in s else re.escape(s).replace(r"\ ", r"\s+").replace("'", "['’]?")
        parts.append(f"(?i:{body})" if ignore_case else body)
    return "|".join(parts)


def measure_name_groups() -> list[tuple[str, str, str]]:
    """(code, abbreviation alternation, full-name alternation) for each effect measure."""
    out = []
    for code, spec in lexicon.load()["effect_measures"].items():
        out.append((code, _alternation(spec["abbreviations"], False), _alternation(spec["names"], True)))
    return out


def nnt_name_groups() -> list[tuple[str, str]]:
    out = []
    for code, names in lexicon.load()["nnt"].items():
        abbreviations = [n for n in names if " " not in n]
        long_names = [n for n in names if " " in n]
        alt = "|".join(x for x in (_alternation(abbreviations, False), _alternation(long_names, True)) if x)
        out.append((code, alt))
    return out


def word_number_alternation() -> str:
    return _alternation(list(lexicon.load()["number_words"]), True)


def word_fold_alternation() -> str:
    return _alternation(list(lexicon.load()["word_folds"]), True)
