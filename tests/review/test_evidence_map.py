"""Evidence map data and drawing."""
from __future__ import annotations

import pandas as pd

from pipeline.review.plots import claim_points, evidence_map
from pipeline.review.tables import read_table


def test_claim_points_design_fallbacks_and_outcome_normalisation():
    claims = pd.DataFrame([
        {"article_id": "a", "outcome": "  Body   Weight", "direction": "decrease", "study_design": "rct", "hedged": True},
        {"article_id": "a", "outcome": "and lean mass", "direction": "increase", "study_design": None},
        {"article_id": "b", "outcome": "grip", "direction": None, "study_design": None, "evidence_tier": "2"},
        {"article_id": "c", "outcome": "pain", "direction": "no_effect", "study_design": None},
        {"article_id": "c", "outcome": None, "direction": "no_effect"},          # no outcome: left out
    ])
    articles = pd.DataFrame([{"article_id": "a", "study_design": "cohort"},
                             {"article_id": "b", "study_design": None},
                             {"article_id": "c", "study_design": None}])
    pts = claim_points(claims, articles)
    assert [(p["outcome"], p["direction"], p["design"], p["hedged"]) for p in pts] == [
        ("body weight", "decrease", "rct", True),
        ("lean mass", "increase", "cohort", False),     # the article's design
        ("grip", "unstated", "tier 2", False),          # the evidence tier
        ("pain", "no_effect", "unknown", False),
    ]


def test_evidence_map_files(tmp_path):
    claims = pd.DataFrame([{"article_id": str(i % 3), "outcome": f"outcome {i % 40}",
                            "direction": ("increase", "decrease", "no_effect")[i % 3],
                            "study_design": ("rct", "cohort")[i % 2], "hedged": i % 5 == 0}
                           for i in range(120)])
    written = evidence_map(claims, None, tmp_path / "m.png", tmp_path / "m.svg")
    assert written == [tmp_path / "m.png", tmp_path / "m.svg"]
    assert (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "(other outcomes)" in svg and "120 claims" in svg


def test_read_table_missing_gives_schema_columns(tmp_path):
    df = read_table(tmp_path, "claims")
    assert len(df) == 0 and {"claim_id", "direction", "statistic_ids"} <= set(df.columns)
