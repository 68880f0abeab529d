"""Load and validate the lexicons (JSON files in ``pipeline/claims/data``).

Every file is checked on load: required keys, allowed labels and compilable regular
expressions. A broken lexicon raises ``LexiconError`` naming the file and the entry, so a typo
is caught by the test suite rather than silently matching nothing.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

DIRECTIONS = ("increase", "decrease", "no_effect")
VALENCES = ("beneficial", "harmful", "neutral", "unknown")
CUE_KINDS = ("verb", "noun", "adj", "phrase")
POLARITIES = ("good", "bad", "neutral")
DESIGNS = ("rct", "meta_analysis", "systematic_review", "observational", "cohort", "case_control",
           "case_series", "case_report", "open_label", "pilot", "animal", "in_vitro", "review")
PERS = ("day", "week", "month", "dose", None)


class LexiconError(ValueError):
    """A lexicon file is malformed."""


def _load(name: str) -> dict:
    path = DATA_DIR / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:  # pragma: no cover - packaging error
        raise LexiconError(f"{name}: cannot read ({exc})") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: top level must be an object")
    return data


def _compile(name: str, i: int, pattern: object, word: bool = True) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise LexiconError(f"{name}: entry {i}: 'pattern' must be a non-empty string")
    try:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])" if word else pattern, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"{name}: entry {i}: bad pattern {pattern!r}: {exc}") from exc


def _entries(name: str, data: dict, key: str = "entries") -> list[dict]:
    entries = data.get(key)
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{name}: '{key}' must be a non-empty list")
    for i, e in enumerate(entries):
        if not isinstance(e, dict):
            raise LexiconError(f"{name}: entry {i} must be an object")
    return entries


def _check(name: str, i: int, value: object, allowed: tuple, key: str) -> None:
    if value not in allowed:
        raise LexiconError(f"{name}: entry {i}: {key}={value!r} not in {allowed}")


@dataclass(frozen=True)
class Cue:
    regex: re.Pattern
    direction: str
    kind: str
    valence: str | None
    negated: bool
    negatable: bool
    outcome_in_cue: str | None = None   # the cue names its outcome: "weight loss" -> "weight"


@dataclass(frozen=True)
class Lexicons:
    cues: tuple[Cue, ...]
    cue_regex: re.Pattern          # one alternation of every cue, group name c<i>
    hedges: tuple[tuple[re.Pattern, str], ...]
    comparators: tuple[tuple[re.Pattern, str | None], ...]
    designs: tuple[tuple[re.Pattern, str], ...]
    polarity: tuple[tuple[re.Pattern, str], ...]
    dose_units: dict[str, str]
    measurement_units: tuple[str, ...]
    measurement_context: re.Pattern
    routes: tuple[tuple[re.Pattern, str], ...]
    frequencies: tuple[tuple[re.Pattern, str | None], ...]
    organisms: tuple[tuple[re.Pattern, str], ...]
    population_heads: tuple[str, ...]


def load_direction_cues() -> tuple[tuple[Cue, ...], re.Pattern]:
    name = "direction_cues.json"
    cues = []
    parts = []
    for i, e in enumerate(_entries(name, _load(name))):
        _check(name, i, e.get("direction"), DIRECTIONS, "direction")
        _check(name, i, e.get("kind"), CUE_KINDS, "kind")
        if "valence" in e:
            _check(name, i, e["valence"], VALENCES, "valence")
        for flag in ("negated", "negatable"):
            if flag in e and not isinstance(e[flag], bool):
                raise LexiconError(f"{name}: entry {i}: '{flag}' must be true/false")
        regex = _compile(name, i, e.get("pattern"))
        if "outcome_in_cue" in e and not isinstance(e["outcome_in_cue"], str):
            raise LexiconError(f"{name}: entry {i}: 'outcome_in_cue' must be a string")
        cues.append(Cue(regex, e["direction"], e["kind"], e.get("valence"),
                        e.get("negated", False), e.get("negatable", False),
                        e.get("outcome_in_cue")))
        parts.append(f"(?P<c{i}>{e['pattern']})")
    combined = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    return tuple(cues), combined


def load_hedges() -> tuple[tuple[re.Pattern, str], ...]:
    name = "hedge_cues.json"
    out = []
    for i, e in enumerate(_entries(name, _load(name))):
        if not isinstance(e.get("cue"), str):
            raise LexiconError(f"{name}: entry {i}: 'cue' must be a string")
        out.append((_compile(name, i, e.get("pattern")), e["cue"]))
    return tuple(out)


def load_comparators() -> tuple[tuple[re.Pattern, str | None], ...]:
    name = "comparators.json"
    out = []
    for i, e in enumerate(_entries(name, _load(name))):
        if "name" not in e or not (e["name"] is None or isinstance(e["name"], str)):
            raise LexiconError(f"{name}: entry {i}: 'name' must be a string or null")
        out.append((_compile(name, i, e.get("pattern")), e["name"]))
    return tuple(out)


def load_designs() -> tuple[tuple[re.Pattern, str], ...]:
    name = "study_designs.json"
    data = _load(name)
    declared = tuple(data.get("designs") or ())
    if set(declared) - set(DESIGNS):
        raise LexiconError(f"{name}: unknown designs {sorted(set(declared) - set(DESIGNS))}")
    out = []
    for i, e in enumerate(_entries(name, data)):
        _check(name, i, e.get("design"), declared, "design")
        out.append((_compile(name, i, e.get("pattern")), e["design"]))
    return tuple(out)


def load_polarity() -> tuple[tuple[re.Pattern, str], ...]:
    name = "outcome_polarity.json"
    out = []
    for i, e in enumerate(_entries(name, _load(name))):
        _check(name, i, e.get("polarity"), POLARITIES, "polarity")
        out.append((_compile(name, i, e.get("pattern"), word=False), e["polarity"]))
    return tuple(out)


def load_dose_terms() -> dict:
    name = "dose_terms.json"
    data = _load(name)
    units = data.get("units")
    if not isinstance(units, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                              for k, v in units.items()):
        raise LexiconError(f"{name}: 'units' must map strings to strings")
    for key in ("measurement_units", "measurement_context"):
        if not isinstance(data.get(key), list) or not all(isinstance(x, str) for x in data[key]):
            raise LexiconError(f"{name}: '{key}' must be a list of strings")
    routes = []
    for i, e in enumerate(_entries(name, data, "routes")):
        if not isinstance(e.get("route"), str):
            raise LexiconError(f"{name}: routes[{i}]: 'route' must be a string")
        routes.append((_compile(name, i, e.get("pattern")), e["route"]))
    freqs = []
    for i, e in enumerate(_entries(name, data, "frequencies")):
        _check(name, i, e.get("per"), PERS, "per")
        freqs.append((_compile(name, i, e.get("pattern")), e["per"]))
    try:
        context = re.compile(r"\b(?:" + "|".join(data["measurement_context"]) + r")\b", re.I)
    except re.error as exc:
        raise LexiconError(f"{name}: measurement_context: {exc}") from exc
    return {"units": units, "measurement_units": tuple(u.lower() for u in data["measurement_units"]),
            "measurement_context": context, "routes": tuple(routes), "frequencies": tuple(freqs)}


def load_organisms() -> tuple[tuple[tuple[re.Pattern, str], ...], tuple[str, ...]]:
    name = "organisms.json"
    data = _load(name)
    out = []
    for i, e in enumerate(_entries(name, data, "organisms")):
        if not isinstance(e.get("organism"), str):
            raise LexiconError(f"{name}: organisms[{i}]: 'organism' must be a string")
        out.append((_compile(name, i, e.get("pattern")), e["organism"]))
    heads = data.get("population_heads")
    if not isinstance(heads, list) or not all(isinstance(h, str) for h in heads):
        raise LexiconError(f"{name}: 'population_heads' must be a list of strings")
    return tuple(out), tuple(heads)


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """All lexicons, loaded and validated once per process."""
    cues, cue_regex = load_direction_cues()
    dose = load_dose_terms()
    organisms, heads = load_organisms()
    return Lexicons(
        cues=cues, cue_regex=cue_regex, hedges=load_hedges(), comparators=load_comparators(),
        designs=load_designs(), polarity=load_polarity(), dose_units=dose["units"],
        measurement_units=dose["measurement_units"],
        measurement_context=dose["measurement_context"], routes=dose["routes"],
        frequencies=dose["frequencies"], organisms=organisms, population_heads=heads,
    )
