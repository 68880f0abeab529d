"""Load and validate ``measures.json``: effect-measure names, word folds, number words, units."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("measures.json")

MEASURE_KINDS = {"ratio", "difference", "percent", "correlation"}


class LexiconError(ValueError):
    """Raised when measures.json is malformed."""


def _require(cond: bool, message: str) -> None:
    if not cond:
        raise LexiconError(f"{DATA_FILE.name}: {message}")


def validate(data: dict) -> dict:
    """Check the structure of the lexicon; return it unchanged when valid."""
    _require(isinstance(data, dict), "top level must be an object")
    for key in ("effect_measures", "nnt", "word_folds", "number_words", "units"):
        _require(key in data, f"missing section {key!r}")
    for code, spec in data["effect_measures"].items():
        _require(isinstance(spec, dict), f"{code}: entry must be an object")
        _require(spec.get("kind") in MEASURE_KINDS, f"{code}: kind must be one of {sorted(MEASURE_KINDS)}")
        for field in ("abbreviations", "names"):
            values = spec.get(field)
            _require(isinstance(values, list) and all(isinstance(v, str) and v for v in values),
                     f"{code}: {field} must be a list of non-empty strings")
    for code, names in data["nnt"].items():
        _require(isinstance(names, list) and names and all(isinstance(v, str) and v for v in names),
                 f"nnt {code}: must be a non-empty list of strings")
    for section in ("word_folds", "number_words"):
        for word, value in data[section].items():
            _require(isinstance(word, str) and word.isalpha(), f"{section}: bad word {word!r}")
            _require(isinstance(value, (int, float)) and value > 0, f"{section}: {word} needs a positive number")
    units = data["units"]
    _require(isinstance(units, list) and all(isinstance(u, str) and u.strip() == u and u for u in units),
             "units must be a list of non-empty trimmed strings")
    return data


@lru_cache(maxsize=1)
def load() -> dict:
    """The validated lexicon (read once)."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        return validate(json.load(handle))


def measure_kind(code: str | None) -> str | None:
    """'ratio', 'difference', 'percent', 'correlation' for a measure code, else None."""
    if code is None:
        return None
    spec = load()["effect_measures"].get(code)
    return spec["kind"] if spec else None
