"""Effect measures (RR, OR, HR, IRR, MD, SMD, ARR, RD, RRR, beta, r) and NNT/NNH.

Forms: ``RR 1.09``, ``HR = 1.7``, ``odds ratio [OR], 3.05``, ``hazard ratio for death was 0.77``,
``SMD −0.35``, ``adjusted HR 0.81``, ``aOR 2.1``, ``r = 0.42``, ``NNT 12``,
``number needed to treat of 12``. A bracketed interval right after the value becomes a
confidence-interval row linked to the estimate.
"""
from __future__ import annotations

import re

from . import intervals, lexicon
from .base import candidate, num, operator_of
from .fragments import COMPARATOR, NUMBER, UNIT, measure_name_groups, nnt_name_groups
from .lexicon import measure_kind

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

_NNT_GROUPS = {f"n{i}": code for i, (code, _) in enumerate(nnt_name_groups())}
NNT = re.compile(
    r"(?<![\w\-])(?=[NnNn])(?:" + "|".join(rf"(?P<n{i}>(?<![\w\-])(?:{alt})(?![\w\-]))" for i, (_, alt) in enumerate(nnt_name_groups()))
    + r")" + rf"(?:\s*[\[(]\s*NN[TH]\s*[\])])?{_CONNECT}(?P<op>{COMPARATOR})?\s*(?P<value>{NUMBER})"
)


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
    if ci is None or ci["lower"] is None or ci["upper"] is None:
        return None
    has_decimals = any(ch in (ci["_raw_lower"] + ci["_raw_upper"]) for ch in ".·")
    contains = row.get("value") is not None and ci["lower"] <= row["value"] <= ci["upper"]
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
        if not m or not re.search(r"[.·]", m.group("value")):
            break
        value = num(m.group("value"))
        if value is None or (kind == "ratio" and value <= 0):
            break
        out.append(candidate("effect_measure", m.start("value"), m.end("value"), value=value,
                             measure=row["measure"], operator="=", _raw=m.group("value")))
        pos = m.end()
    return out


def find(text: str, ctx) -> list[dict]:
    rows: list[dict] = []
    for m in EFFECT.finditer(text):
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
            if not re.match(r"\s*=", text[m.end(_group_of(m, _GROUPS)):m.start("value")]):
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
    for m in CORRELATION.finditer(text):
        value = num(m.group("value"))
        if value is None or not -1 <= value <= 1 or m.group("unit"):
            continue
        row = candidate("effect_measure", m.start(), m.end("value"), value=value, measure="r",
                        operator=operator_of(m.group("op")), _raw=m.group("value"))
        rows.append(row)
        ci = _bare_interval(text, row)
        if ci:
            rows.append(ci)
    for m in NNT.finditer(text):
        row = candidate("nnt", m.start(), m.end(), value=num(m.group("value")), measure=_code(m, _NNT_GROUPS),
                        operator=operator_of(m.group("op")), _raw=m.group("value"))
        rows.append(row)
        ci = _bare_interval(text, row)
        if ci:
            rows.append(ci)
    return rows
