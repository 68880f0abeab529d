"""Lexicon files load, validate, and reject malformed entries."""
from __future__ import annotations

import json

import pytest

from pipeline.claims import lexicons as lx


def test_all_lexicons_load():
    lex = lx.lexicons()
    assert len(lex.cues) > 20
    assert {c.direction for c in lex.cues} == set(lx.DIRECTIONS)
    assert any(cue == "may" for _, cue in lex.hedges)
    assert {d for _, d in lex.designs} <= set(lx.DESIGNS)
    assert {p for _, p in lex.polarity} == set(lx.POLARITIES) == {"good", "bad", "neutral"}
    assert "mg" in lex.dose_units.values()
    assert "mg/dl" in lex.measurement_units
    assert {r for _, r in lex.routes} >= {"oral", "topical", "intravenous"}


@pytest.mark.parametrize("loader,name,bad", [
    (lx.load_direction_cues, "direction_cues.json",
     {"entries": [{"pattern": "reduced", "direction": "down", "kind": "verb"}]}),
    (lx.load_direction_cues, "direction_cues.json",
     {"entries": [{"pattern": "reduc(ed", "direction": "decrease", "kind": "verb"}]}),
    (lx.load_hedges, "hedge_cues.json", {"entries": [{"pattern": "may"}]}),
    (lx.load_designs, "study_designs.json",
     {"designs": ["rct"], "entries": [{"pattern": "cohort", "design": "cohort"}]}),
    (lx.load_polarity, "outcome_polarity.json", {"entries": [{"pattern": "pain", "polarity": "awful"}]}),
    (lx.load_comparators, "comparators.json", {"entries": []}),
])
def test_malformed_lexicon_is_rejected(monkeypatch, tmp_path, loader, name, bad):
    (tmp_path / name).write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.setattr(lx, "DATA_DIR", tmp_path)
    with pytest.raises(lx.LexiconError, match=name):
        loader()


def test_tier_of_heading():
    from pipeline.claims.context import tier_of_heading
    assert tier_of_heading("Longevity (Tier 3 — Probable Efficacy)") == "Tier 3"
    assert tier_of_heading("Joint Health (Tier 2)") == "Tier 2"
    assert tier_of_heading("Results") is None


@pytest.mark.parametrize("heading, tier", [
    ("Level 2 — Moderate evidence", "Level 2"),
    ("Skin (Level B)", "Level B"),
    ("Cognition [Grade C: limited]", "Grade C"),
    ("Tier 1", "Tier 1"),
    ("Grade 3-4 adverse events", None),
    ("Evidence: Level 1", None),
    ("Class II antiarrhythmics", None),
    ("Level of evidence", None),
])
def test_levels_grades_and_classes_need_a_qualifier_or_brackets(heading, tier):
    from pipeline.claims.context import tier_of_heading
    assert tier_of_heading(heading) == tier
