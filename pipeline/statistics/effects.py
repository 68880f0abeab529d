"""Effect measures (RR, OR, HR, IRR, MD, SMD, ARR, RD, RRR, beta, r, R2) and NNT/NNH.

Forms: ``RR 1.09``, ``HR = 1.7``, ``odds ratio [OR], 3.05``, ``hazard ratio for death was 0.77``,
``SMD −0.35``, ``adjusted HR 0.81``, ``aOR 2.1``, ``r = 0.42``, ``NNT 12``,
``number needed to treat of 12``, bare ``d = 0.31`` / ``g = 0.42`` near a test, a P value or an
effect-size word, ``R² = 0.34``. A bracketed interval right after the value (or an ordered one
after a comma, Lancet style) becomes a confidence-interval row linked to the estimate; an unnamed
``(0·96, 0·71–1·30; p=0·79)`` continues the nearest named measure of the paragraph.
"""
from __future__ import annotations

import bisect
import re

from . import intervals, lexicon
from .base import candidate, num, operator_of
from .fragments import COMPARATOR, NUMBER, P_NAME, UNIT, measure_name_groups, nnt_name_groups
from .lexicon import measure_kind
from .scanning import (by_last_character, fold, matches_at, occurrences, starts_by_last_character, starts_of,
                       word_start)

# small patterns of the checks below
_POINT = re.compile(r"[.·]")
_UNIT_AFTER = re.compile(rf"\s?(?:{UNIT})")
_OPENED_BEFORE = re.compile(r"[(\[]\s*$")
_CLOSED_AFTER = re.compile(r"\s*[)\];,]")
_EQUALS = re.compile(r"\s*=")

# qualifying adjectives that belong to the measure's name
_PREFIX = r"(?:(?i:adjusted|unadjusted|pooled|crude|multivariable(?:[- ]adjusted)?|multivariate|summary|overall)\s+)?"

# how a name is joined to its value
_CONNECT = (
    r"(?:\s+(?:for|in|among|with|of)\s+(?:[A-Za-z][\w'’\-]*\s+){0,5}?(?:was|were|is|of)\s+"
    r"|\s+(?:for|in|among|with|of)\s+(?:[A-Za-z][\w'’\-]*\s?){1,5}?\s*[=:,]\s*"
    r"|\s*[:=]\s*|,\s*"
    r"|\s+(?:was|were|is|of)\s+(?:(?:about|approximately|around)\s+)?"
    r"|\s*)"
)
# a value that starts a hyphenated word is not the estimate ("mean difference in VAS at 1-min")
_HYPHENATED_AFTER = re.compile(r"[-‐][A-Za-z]")
# spelled "beta" / bare "β" need an explicit "=" ("Epoetin beta: 72.9" names a drug)
_BETA_LETTER = re.compile(r"(?i)^(?:β|beta)$")

# values after a ratio that show the abbreviation meant something else (HR 72 bpm, RR 18/min)
_NOT_A_RATIO = re.compile(r"\s*(?:bpm|beats|breaths|/\s?min|mm\s?Hg|per\s+min)", re.I)

# correlation letters need an explicit "=" / ":" / "of"
_CORRELATION_CONNECT = r"(?:\s*[=:]\s*|\s+(?:was|of)\s+)"


def _first_chars() -> str:
    chars = set("aAuUpPcCmMsSoO")  # the optional prefixes (adjusted, pooled, crude, ...)
    for spec in lexicon.load()["effect_measures"].values():
        for name in spec["abbreviations"] + spec["names"]:
            chars.update({name[0].lower(), name[0].upper()})
    return "".join(sorted(re.escape(c) for c in chars))


def _build() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    names = []
    groups: dict[str, str] = {}
    correlation = None
    for i, (code, abbr, full) in enumerate(measure_name_groups()):
        group = f"m{i}"
        groups[group] = code
        abbr_part = rf"(?<![\w\-]){_PREFIX}(?:{abbr})(?![\w\-])"
        full_part = rf"(?<![\w\-]){_PREFIX}(?:{full})(?:\s*[\[(]\s*(?:{abbr})\s*[\])])?"
        alternatives = f"(?P<{group}>{full_part}|{abbr_part})"
        if code == "r":
            correlation = alternatives
            continue
        names.append(alternatives)
    value = rf"(?P<op>{COMPARATOR})?\s*(?P<value>{NUMBER})(?P<unit>\s?{UNIT})?"
    # a cheap guard first: names start a word with one of these characters
    # "OR (95% CI) 1.5 (1.1–2.0)": the interval is announced between the name and the value
    announced = r"(?:\s*[(\[]\s*(?:[0-9]{2}\s?%\s?)?C[rR]?I\s*[)\]])?"
    main = re.compile(rf"(?<![\w\-])(?=[{_first_chars()}])(?:{'|'.join(names)}){announced}{_CONNECT}{value}")
    corr = re.compile(rf"(?<![\w\-])(?=[rRρPpSsCc])(?:{correlation}){_CORRELATION_CONNECT}{value}")
    return main, corr, groups


EFFECT, CORRELATION, _GROUPS = _build()


# Every measure name holds one of these key words (lower-cased) or key abbreviations (as
# written), at most a few whitespace-separated tokens after the start of the match.
_KEY_WORDS = ("beta", "coefficient", "cohen", "differen", "hedges", "ratio", "reduction", "relative", "β")
_KEY_ABBREVIATIONS = ("HR", "MD", "OR", "RD", "RR")
# the adjectives of _PREFIX span at most this many tokens ("multivariable adjusted")
_PREFIX_TOKENS = 2


def _tokens_before_key() -> int:
    """How many tokens a match can start before the token holding its key word; raises when a
    name of the lexicon holds no key word."""
    most = 0
    for code, spec in lexicon.load()["effect_measures"].items():
        if code == "r":
            continue  # correlation letters have a pattern of their own
        for name in spec["names"] + spec["abbreviations"]:
            tokens = name.split(" ")
            keyed = [i for i, token in enumerate(tokens)
                     if any(k in fold(token) for k in _KEY_WORDS) or any(k in token for k in _KEY_ABBREVIATIONS)]
            if not keyed:
                raise ValueError(f"effect measure name without a key word: {name!r}")
            most = max(most, keyed[0])
    return most + _PREFIX_TOKENS


_TOKENS_BEFORE_KEY = _tokens_before_key()
# the adjectives of _PREFIX (their leading words)
_PREFIX_WORDS = ("adjusted", "unadjusted", "pooled", "crude", "multivariable", "multivariate", "summary", "overall")


def _leading_word(name: str) -> str:
    """The word characters a name starts with ('between-group difference' -> 'between')."""
    m = re.match(r"\w+", name)
    return m.group() if m else name[0]


def _first_words(correlation: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an EFFECT (or a CORRELATION) match starts with: the leading word of an adjective or
    a full name (lower-cased) or of an abbreviation (as written)."""
    words, abbreviations = {fold(word) for word in _PREFIX_WORDS}, set()
    for code, spec in lexicon.load()["effect_measures"].items():
        if (code == "r") == correlation:
            words.update(fold(_leading_word(name)) for name in spec["names"])
            abbreviations.update(_leading_word(name) for name in spec["abbreviations"])
    return tuple(sorted(words)), tuple(sorted(abbreviations))


_FIRST_WORDS, _FIRST_ABBREVIATIONS = _first_words(correlation=False)
# the key abbreviations grouped for finding them from their (rare, capital) last letters
_KEY_ABBREVIATION_ENDS = by_last_character(_KEY_ABBREVIATIONS)


def _tokens_back(tokens: int) -> re.Pattern:
    """Read in the reversed text from a position: the rest of its whitespace-separated token and
    up to ``tokens`` tokens before it; where the match ends, the earliest of those tokens starts."""
    return re.compile(rf"\S*(?:\s+\S+){{0,{tokens}}}")


_KEY_TOKENS_BACK = _tokens_back(_TOKENS_BEFORE_KEY)


def _token_windows(ctx, keys: list[int], back: re.Pattern) -> list[tuple[int, int]]:
    """Merged ranges from the start of the token ``back`` reaches before each ascending key
    position up to and including the key."""
    text = ctx.text
    reversed_text = ctx.folded_reversed  # folding keeps whitespace whitespace
    last = len(text) - 1
    windows: list[tuple[int, int]] = []
    for key in keys:
        lo = len(text) - back.match(reversed_text, last - key).end()
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], key + 1)
        else:
            windows.append((lo, key + 1))
    return windows


def _effect_matches(text: str, ctx):
    """``EFFECT.finditer(text)``, trying the pattern only at word starts shortly before a key word."""
    lowered = ctx.folded
    if lowered is None:
        return EFFECT.finditer(text)
    keys = starts_by_last_character(text, _KEY_ABBREVIATION_ENDS)
    for word in _KEY_WORDS:
        i = lowered.find(word)
        while i >= 0:
            keys.add(i)
            i = lowered.find(word, i + 1)
    if not keys:
        return iter(())
    windows = _token_windows(ctx, sorted(keys), _KEY_TOKENS_BACK)
    return matches_at(EFFECT, text, _name_starts(text, lowered, windows, _FIRST_WORDS, _FIRST_ABBREVIATIONS,
                                                 _NAME_START))


def _word_start_of(words: tuple[str, ...], abbreviations: tuple[str, ...]) -> re.Pattern:
    """A word start in the folded text whose letter can begin one of ``words`` (folded) or
    ``abbreviations`` (as written); folding keeps word characters word characters."""
    firsts = sorted({word[0] for word in words} | {fold(abbreviation[0]) for abbreviation in abbreviations})
    return re.compile(r"(?<![\w\-])[" + "".join(re.escape(c) for c in firsts) + "]")


def _name_starts(text: str, lowered: str, windows: list[tuple[int, int]], words: tuple[str, ...],
                 abbreviations: tuple[str, ...], word_start: re.Pattern) -> list[int]:
    """Ascending word starts inside the ascending, disjoint ``windows`` that begin with one of
    ``words`` (any case) or ``abbreviations`` (as written); ``word_start`` is
    ``_word_start_of(words, abbreviations)``."""
    starts = []
    for lo, hi in windows:
        for m in word_start.finditer(lowered, lo, hi):
            start = m.start()
            if lowered.startswith(words, start) or text.startswith(abbreviations, start):
                starts.append(start)
    return starts


_NAME_START = _word_start_of(_FIRST_WORDS, _FIRST_ABBREVIATIONS)


_CORRELATION_WORDS, _CORRELATION_ABBREVIATIONS = _first_words(correlation=True)
# the leading words of the full names ("pearson", "spearman", "correlation")
_CORRELATION_NAME_WORDS = tuple(sorted(
    {fold(_leading_word(name)) for name in lexicon.load()["effect_measures"]["r"]["names"]}))


def _connected_abbreviations() -> list[re.Pattern]:
    """A correlation letter with its link word, read in the reversed lower-cased text: one
    pattern per link so that each starts with a literal the regex engine finds quickly."""
    letters = "|".join(re.escape(fold(a)[::-1]) for a in sorted(_CORRELATION_ABBREVIATIONS, key=len, reverse=True))
    # folding keeps word characters word characters, so the letter's own start is checked too
    return [re.compile(rf"{link}(?:{letters})(?![\w\-])") for link in (r"=\s*", r":\s*", r"saw\s+", r"fo\s+")]


_CONNECTED_ABBREVIATIONS = _connected_abbreviations()
_PREFIX_TOKENS_BACK = _tokens_back(_PREFIX_TOKENS)
_CORRELATION_NAME_START = _word_start_of(_CORRELATION_WORDS, _CORRELATION_ABBREVIATIONS)


def _correlation_matches(text: str, ctx):
    """``CORRELATION.finditer(text)``, trying the pattern only at the full names and at the
    letters followed by a link ("r =", "rho:", "r was"), and at the adjectives before them."""
    lowered = ctx.folded
    if lowered is None:
        return CORRELATION.finditer(text)
    names = set(starts_of(lowered, _CORRELATION_NAME_WORDS))
    for pattern in _CONNECTED_ABBREVIATIONS:
        names.update(len(text) - m.end() for m in pattern.finditer(ctx.folded_reversed))
    if not names:
        return iter(())
    windows = _token_windows(ctx, sorted(names), _PREFIX_TOKENS_BACK)
    return matches_at(CORRELATION, text, _name_starts(text, lowered, windows, _CORRELATION_WORDS,
                                                      _CORRELATION_ABBREVIATIONS, _CORRELATION_NAME_START))


_NNT_GROUPS = {f"n{i}": code for i, (code, _) in enumerate(nnt_name_groups())}
NNT = re.compile(
    r"(?<![\w\-])(?=[NnNn])(?:" + "|".join(rf"(?P<n{i}>(?<![\w\-])(?:{alt})(?![\w\-]))" for i, (_, alt) in enumerate(nnt_name_groups()))
    + r")" + rf"(?:\s*[\[(]\s*NN[TH]\s*[\])])?{_CONNECT}(?P<op>{COMPARATOR})?\s*(?P<value>{NUMBER})"
)


def _nnt_matches(text: str, ctx):
    """``NNT.finditer(text)``: the names start with "NN" or "number" (any case)."""
    if ctx.folded is None:
        return NNT.finditer(text)
    return matches_at(NNT, text, sorted({*starts_of(text, ("NN",)), *starts_of(ctx.folded, ("number",))}))


# planning values of a power calculation, not results ("expected mean difference of 0.5", "β = 0.2")
_PLANNED_BEFORE = re.compile(
    r"(?i)(?:expected|assumed|anticipated|hypothesi[sz]ed|to\s+detect\s+(?:an?\s+)?|minimal(?:ly)?\s+(?:clinically\s+)?"
    r"important|power|α\s*=\s*[0-9.]+,?\s*(?:and\s+)?)\s*$"
)
_TYPE_TWO_ERROR = re.compile(r"(?i)(?:α|alpha|type\s+(?:II|2)|1\s*[-−]\s*$)")


def _hypothetical(text: str, m: re.Match, code: str) -> bool:
    """Threshold statements (OR > 1) and planning values of a sample-size calculation."""
    if m.group("op") and m.group("op") not in "=≈~∼" and m.group("value") in ("0", "1"):
        return True
    if _PLANNED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return True
    return code == "beta" and bool(_TYPE_TWO_ERROR.search(text, max(0, m.start() - 25), m.start()))


def _group_of(m: re.Match, groups: dict[str, str]) -> str:
    for group in groups:
        if m.group(group):
            return group
    return next(iter(groups))


def _code(m: re.Match, groups: dict[str, str]) -> str:
    for group, code in groups.items():
        if m.group(group):
            return code
    return ""


def _bare_interval(text: str, row: dict) -> dict | None:
    ci = intervals.bare_after(text, row["end"])
    comma_form = False
    if ci is None:
        ci = intervals.comma_after(text, row["end"])
        comma_form = True
    if ci is None or ci["lower"] is None or ci["upper"] is None:
        return None
    has_decimals = any(ch in (ci["_raw_lower"] + ci["_raw_upper"]) for ch in ".·")
    contains = row.get("value") is not None and ci["lower"] <= row["value"] <= ci["upper"]
    if comma_form and not (has_decimals and contains):
        return None  # "HR 0.78, 1-3 years": only an ordered interval with decimals after a comma
    if not (has_decimals or contains):
        return None
    ci["_estimate"] = row
    return ci


# further values of the same measure: "OR was 0.94 for 2 years and 0.71 for 5 years", "0.78 vs 0.90"
_CONTINUATION = re.compile(
    rf"(?:\s+(?:for|in|among|at|with)\s+[^,;()\[\]]{{1,40}}?)?"
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+vs\.?\s+|\s+versus\s+)(?P<value>{NUMBER})"
    rf"(?!\s?(?:%|{UNIT}|[-–]|to\b|fold))"
)


def _continuations(text: str, row: dict, kind: str | None) -> list[dict]:
    """Values listed after an effect measure that belong to the same measure (decimals only)."""
    out = []
    pos = row["end"]
    for _ in range(4):
        m = _CONTINUATION.match(text, pos)
        if not m or not _POINT.search(m.group("value")):
            break
        value = num(m.group("value"))
        if value is None or (kind == "ratio" and value <= 0):
            break
        out.append(candidate("effect_measure", m.start("value"), m.end("value"), value=value,
                             measure=row["measure"], operator="=", _raw=m.group("value")))
        pos = m.end()
    return out


# an estimate without a name that continues a series: "(0·96, 0·71–1·30; p=0·79)"
_TRIPLE = re.compile(
    rf"[(\[]\s*(?P<value>{NUMBER})\s*[,;]\s*(?P<lower>{NUMBER})(?:\s*(?:[-‐–—]|\bto\b)\s*)(?P<upper>{NUMBER})"
    rf"(?=\s*(?:[)\]]|[;,]\s*(?:{P_NAME})))"
)
# "(0·96 [0·71–1·30])": the interval in nested brackets
_TRIPLE_NESTED = re.compile(
    rf"[(\[]\s*(?P<value>{NUMBER})\s*[(\[]\s*(?P<lower>{NUMBER})(?:\s*(?:[-‐–—]|\bto\b|,)\s*)(?P<upper>{NUMBER})\s*[)\]]"
    rf"(?=\s*(?:[)\]]|[;,]\s*(?:{P_NAME})))"
)
# "(0·96, 95% CI 0·71–1·30)": the unnamed estimate followed by a named interval
_ESTIMATE_THEN_CI = re.compile(rf"[(\[]\s*(?P<value>{NUMBER})\s*[,;]\s*(?=(?:[0-9]{{2}}\s?%\s?)?C[rR]?I\b)")
# where those three can start: a bracket before a number (one pattern per bracket, each starting
# with a literal the regex engine finds quickly)
_BRACKET_BEFORE_NUMBER = [re.compile(rf"{bracket}\s*(?=[-−‐–0-9.·])") for bracket in (r"\(", r"\[")]
# words showing the bracket holds a median with its range or an age, not an estimate
_NOT_AN_ESTIMATE = re.compile(r"(?i)\b(?:median|IQR|interquartile|range|ranged|aged?|years?\s+old)\b")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DECIMAL = re.compile(r"[.·][0-9]")


def _inherited(text: str, rows: list[dict], ctx) -> list[dict]:
    """Unnamed bracketed estimates with their interval that continue the nearest preceding named
    effect measure of the same paragraph; the measure is inherited."""
    named = sorted((r for r in rows if r["kind"] == "effect_measure"), key=lambda r: r["end"])
    if not named:
        return []
    ends = [r["end"] for r in named]
    out: list[dict] = []

    def previous(pos: int) -> dict | None:
        # an inherited estimate carries the measure of the named one before it, so the nearest
        # named estimate decides the measure
        i = bisect.bisect_right(ends, pos) - 1
        if i < 0 or _PARAGRAPH_BREAK.search(text, named[i]["end"], pos):
            return None
        return named[i]

    brackets = sorted(m.start() for pattern in _BRACKET_BEFORE_NUMBER for m in pattern.finditer(text))
    for pattern in (_TRIPLE, _TRIPLE_NESTED, _ESTIMATE_THEN_CI):
        for m in matches_at(pattern, text, brackets):
            value = num(m.group("value"))
            if value is None or not _DECIMAL.search(m.group("value")):
                continue
            prior = previous(m.start())
            if prior is None:
                continue
            s0 = ctx.start_of(m.start())
            if _NOT_AN_ESTIMATE.search(text, max(s0, m.start() - 80), m.start()):
                continue
            kind = measure_kind(prior["measure"])
            if pattern is not _ESTIMATE_THEN_CI:
                lower, upper = num(m.group("lower")), num(m.group("upper"))
                if lower is None or upper is None or not lower <= value <= upper or lower == upper:
                    continue
                if not (_DECIMAL.search(m.group("lower")) and _DECIMAL.search(m.group("upper"))):
                    continue
            else:
                ci = intervals.NAMED_INTERVAL.match(text, m.end())
                if not ci:
                    continue
                lower, upper = num(ci.group("lower")), num(ci.group("upper"))
                if lower is None or upper is None or not lower <= value <= upper:
                    continue
            if kind == "ratio" and (value <= 0 or lower <= 0):
                continue
            row = candidate("effect_measure", m.start("value"), m.end("value"), value=value,
                            measure=prior["measure"], operator="=", _raw=m.group("value"))
            out.append(row)
            if pattern is not _ESTIMATE_THEN_CI:
                out.append(candidate(
                    "confidence_interval", m.start("lower"), m.end("upper"), lower=lower, upper=upper, level=None,
                    _raw_lower=m.group("lower"), _raw_upper=m.group("upper"), _bare=True, _estimate=row,
                ))
    return out


# Cohen's d / Hedges' g written as a bare letter: "t(118) = 2.41, p = .017, d = 0.31", "(d = 0.58)"
_BARE_SMD = re.compile(rf"(?<![\w\u0370-\u03ff'’.\-])(?P<name>[dg])\s*=\s*(?P<value>{NUMBER})")
_SMD_CONTEXT = re.compile(
    r"(?i:effect\s+sizes?|cohen|hedges|standardi[sz]ed)|(?<![\w])(?:[tFzZ]\s*(?:\([^()]{1,25}\))?\s*=|χ|[Pp]\s*[=<>≤≥])"
)


def _bare_smd_matches(text: str):
    """``_BARE_SMD.finditer(text)``, trying the pattern only at a "d" or "g" that whitespace
    alone separates from a following "=" (those are rarer than the letters)."""
    starts = []
    for sign in occurrences(text, "="):
        letter = sign - 1
        while letter >= 0 and text[letter].isspace():
            letter -= 1
        if letter >= 0 and text[letter] in "dg":
            starts.append(letter)
    return matches_at(_BARE_SMD, text, starts)


_FORMULA_BEFORE = re.compile(r"(?i)\b(?:where|let|if|when|with|assuming|assumed|expected)\s+$")
_FORMULA_AFTER = re.compile(r"\s*(?:[×x*/+^]|[-−]\s*[0-9a-z])")


def _bare_smd(text: str, ctx) -> list[dict]:
    out = []
    for m in _bare_smd_matches(text):
        raw = m.group("value")
        value = num(raw)
        if value is None or not _DECIMAL.search(raw) or abs(value) >= 5:
            continue
        if _UNIT_AFTER.match(text[m.end():m.end() + 20]) or _FORMULA_AFTER.match(text, m.end()):
            continue
        if _FORMULA_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        s0, s1 = ctx.window(m.start(), 120)
        bracketed = bool(_OPENED_BEFORE.search(text[max(0, m.start() - 3):m.start()])) and bool(
            _CLOSED_AFTER.match(text[m.end():m.end() + 3]))
        if not (bracketed or _SMD_CONTEXT.search(text, s0, m.start()) or _SMD_CONTEXT.search(text, m.end(), s1)):
            continue
        out.append(candidate("effect_measure", m.start(), m.end(), value=value, measure="SMD", operator="=", _raw=raw))
    return out


# coefficient of determination: R² = 0.34, adjusted R2 = 0.28, R-squared of 0.41
R_SQUARED = re.compile(
    r"(?<![\w\-])(?:(?i:adjusted|pseudo|marginal|conditional)[- ]?)?R\s?(?:²|2|\^2|[- ]squared)(?![\w])"
    rf"(?:\s*(?P<op>{COMPARATOR})\s*|\s*[:,]\s*|\s+(?:was|of)\s+)(?P<value>{NUMBER})(?![0-9]|\s?%|\s?{UNIT})"
)

# the "R²" a R_SQUARED match holds; an adjective may be written right before it
_R_SQUARED_CORE = re.compile(r"R\s?(?:²|2|\^2|[- ]squared)")


def _r_squared_matches(text: str):
    """``R_SQUARED.finditer(text)``, trying the pattern only at each "R²" and the word before it."""
    starts = set()
    for m in _R_SQUARED_CORE.finditer(text):
        core = m.start()
        starts.update((core, word_start(text, core), word_start(text, max(0, core - 1))))
    return matches_at(R_SQUARED, text, sorted(starts))


def find(text: str, ctx) -> list[dict]:
    rows: list[dict] = []
    for m in _r_squared_matches(text):
        value = num(m.group("value"))
        if value is None or not 0 <= value <= 1:
            continue
        rows.append(candidate("effect_measure", m.start(), m.end(), value=value, measure="R2",
                              operator=operator_of(m.group("op")), _raw=m.group("value")))
    for m in _effect_matches(text, ctx):
        code = _code(m, _GROUPS)
        kind = measure_kind(code)
        value = num(m.group("value"))
        unit = m.group("unit").strip() if m.group("unit") else None
        end = m.end()
        if kind == "ratio":
            if unit or _NOT_A_RATIO.match(text, m.end("value")):
                continue
        if _hypothetical(text, m, code) or _HYPHENATED_AFTER.match(text, m.end("value")):
            continue
        if code == "beta" and _BETA_LETTER.match(m.group(_group_of(m, _GROUPS)).strip()):
            if not _EQUALS.match(text[m.end(_group_of(m, _GROUPS)):m.start("value")]):
                continue
        if kind not in ("difference", "percent"):
            unit = None
        # the span ends at the number; a unit written after it is kept in the unit column only
        row = candidate("effect_measure", m.start(), m.end("value"), value=value, measure=code,
                        operator=operator_of(m.group("op")), unit=unit, _raw=m.group("value"))
        rows.append(row)
        ci = _bare_interval(text, row)
        if ci:
            rows.append(ci)
        rows.extend(_continuations(text, row, kind))
    for m in _correlation_matches(text, ctx):
        value = num(m.group("value"))
        if value is None or not -1 <= value <= 1 or m.group("unit"):
            continue
        row = candidate("effect_measure", m.start(), m.end("value"), value=value, measure="r",
                        operator=operator_of(m.group("op")), _raw=m.group("value"))
        rows.append(row)
        ci = _bare_interval(text, row)
        if ci:
            rows.append(ci)
    for row in _bare_smd(text, ctx):
        rows.append(row)
        ci = _bare_interval(text, row)
        if ci:
            rows.append(ci)
    rows.extend(_inherited(text, rows, ctx))
    for m in _nnt_matches(text, ctx):
        row = candidate("nnt", m.start(), m.end(), value=num(m.group("value")), measure=_code(m, _NNT_GROUPS),
                        operator=operator_of(m.group("op")), _raw=m.group("value"))
        rows.append(row)
        ci = _bare_interval(text, row)
        if ci:
            rows.append(ci)
    return rows
