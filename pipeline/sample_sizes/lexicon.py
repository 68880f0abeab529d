"""Load and validate the word lists of the sample-size extractor (lexicon.json)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("lexicon.json")

ROLES = (
    "enrolled", "randomized", "completed", "analyzed", "lost_to_follow_up", "excluded",
    "studies", "intervention_arm", "control_arm", "subgroup",
)
_LIST_KEYS = (
    "study_nouns", "human_default_nouns", "outcome_event_nouns", "outcome_verbs", "control_words",
    "arm_words", "blocking_preceders", "units", "no_organism_nouns",
)
_ORGANISM_RE = re.compile(r"[a-z][a-z ]*[a-z]")


class LexiconError(ValueError):
    """lexicon.json is missing a key or holds a value of the wrong form."""


@dataclass(frozen=True)
class Lexicon:
    participant_nouns: dict[str, str | None]
    organism_words: dict[str, str]
    role_cues: dict[str, tuple[str, ...]]
    role_cues_before: dict[str, tuple[str, ...]]
    study_nouns: frozenset[str]
    human_default_nouns: frozenset[str]
    outcome_event_nouns: frozenset[str]
    outcome_verbs: frozenset[str]
    control_words: tuple[str, ...]
    arm_words: frozenset[str]
    blocking_preceders: frozenset[str]
    units: frozenset[str]
    no_organism_nouns: frozenset[str]


def _check_word(key: str, word: object) -> str:
    if not isinstance(word, str) or not word.strip():
        raise LexiconError(f"{key}: entries must be non-empty strings, got {word!r}")
    if word != word.lower():
        raise LexiconError(f"{key}: entries must be lower case, got {word!r}")
    return word


def _check_cues(key: str, cues: object, allow_empty: bool = False) -> None:
    if not isinstance(cues, dict) or (not cues and not allow_empty):
        raise LexiconError(f"{key} must be a non-empty object")
    for role, patterns in cues.items():
        if role not in ROLES:
            raise LexiconError(f"{key}: unknown role {role!r}")
        if not isinstance(patterns, list) or not patterns:
            raise LexiconError(f"{key}[{role!r}] must be a non-empty list")
        for p in patterns:
            _check_word(f"{key}[{role}]", p)
            try:
                re.compile(p)
            except re.error as exc:
                raise LexiconError(f"{key}[{role!r}]: bad pattern {p!r}: {exc}") from exc


def validate(data: dict) -> Lexicon:
    """Check the structure of the parsed JSON and build a Lexicon; raise LexiconError if bad."""
    if not isinstance(data, dict):
        raise LexiconError("lexicon must be a JSON object")
    missing = [k for k in ("participant_nouns", "organism_words", "role_cues", *_LIST_KEYS) if k not in data]
    if missing:
        raise LexiconError(f"missing keys: {missing}")
    nouns = data["participant_nouns"]
    if not isinstance(nouns, dict) or not nouns:
        raise LexiconError("participant_nouns must be a non-empty object")
    for word, org in nouns.items():
        _check_word("participant_nouns", word)
        if org is not None and not (isinstance(org, str) and _ORGANISM_RE.fullmatch(org)):
            raise LexiconError(f"participant_nouns[{word!r}]: organism must be lower-case words or null")
    orgs = data["organism_words"]
    if not isinstance(orgs, dict):
        raise LexiconError("organism_words must be an object")
    for word, org in orgs.items():
        _check_word("organism_words", word)
        if not (isinstance(org, str) and _ORGANISM_RE.fullmatch(org)):
            raise LexiconError(f"organism_words[{word!r}]: organism must be lower-case words")
    cues = data["role_cues"]
    _check_cues("role_cues", cues)
    cues_before = data.get("role_cues_before", {})
    _check_cues("role_cues_before", cues_before, allow_empty=True)
    lists = {}
    for key in _LIST_KEYS:
        value = data[key]
        if not isinstance(value, list) or not value:
            raise LexiconError(f"{key} must be a non-empty list")
        lists[key] = [_check_word(key, w) for w in value]
    clash = set(nouns) & set(lists["outcome_event_nouns"])
    if clash:
        raise LexiconError(f"words both participant and outcome-event nouns: {sorted(clash)}")
    clash = set(nouns) & set(lists["study_nouns"])
    if clash:
        raise LexiconError(f"words both participant and study nouns: {sorted(clash)}")
    return Lexicon(
        participant_nouns=dict(nouns),
        organism_words=dict(orgs),
        role_cues={r: tuple(p) for r, p in cues.items()},
        role_cues_before={r: tuple(p) for r, p in cues_before.items()},
        study_nouns=frozenset(lists["study_nouns"]),
        human_default_nouns=frozenset(lists["human_default_nouns"]),
        outcome_event_nouns=frozenset(lists["outcome_event_nouns"]),
        outcome_verbs=frozenset(lists["outcome_verbs"]),
        control_words=tuple(lists["control_words"]),
        arm_words=frozenset(lists["arm_words"]),
        blocking_preceders=frozenset(lists["blocking_preceders"]),
        units=frozenset(lists["units"]),
        no_organism_nouns=frozenset(lists["no_organism_nouns"]),
    )


@lru_cache(maxsize=1)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read and validate lexicon.json (cached)."""
    p = Path(path) if path else LEXICON_PATH
    with open(p, encoding="utf-8") as fh:
        return validate(json.load(fh))
