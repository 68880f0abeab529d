"""The pipeline's gold scores must not fall below the committed baseline.

The baseline (`tests/gold/baseline.json`) is written by
`python -m pipeline.evaluation.run --write-baseline` and committed with the extractors; raise it
whenever the scores improve.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold"
BASELINE = GOLD_DIR / "baseline.json"
FLOAT_NOISE = 1e-9


def _require(module: str) -> None:
    try:
        found = importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        pytest.skip(f"{module} is not available, so the gold cannot be evaluated")


@pytest.fixture(scope="module")
def current_scores():
    if not BASELINE.exists():
        pytest.skip("tests/gold/baseline.json does not exist yet; write it with "
                    "`python -m pipeline.evaluation.run --write-baseline`")
    if not any(GOLD_DIR.glob("*.jsonl")):
        pytest.skip("no gold annotation files in tests/gold")
    _require("pipeline.evaluation.gold")
    _require("pipeline.api")
    from pipeline.evaluation.run import evaluate_gold
    from pipeline.evaluation.scorecard import tracked_scores

    return tracked_scores(evaluate_gold(GOLD_DIR, REPO))


def _baseline_entries():
    if not BASELINE.exists():
        return [pytest.param(None, None, None, None, id="no-baseline")]
    scores = json.loads(BASELINE.read_text(encoding="utf-8"))["scores"]
    return [pytest.param(t, label, metric, value, id=f"{t}-{label}-{metric}")
            for t in sorted(scores) for label in sorted(scores[t])
            for metric, value in sorted(scores[t][label].items()) if value is not None]


@pytest.mark.parametrize("table,label,metric,floor", _baseline_entries())
def test_score_not_below_baseline(current_scores, table, label, metric, floor):
    now = current_scores.get(table, {}).get(label, {}).get(metric)
    assert now is not None, (f"{table}/{label} {metric} is in the baseline but not scored any "
                             "more (gold changed? rewrite the baseline)")
    assert now >= floor - FLOAT_NOISE, (f"{table}/{label} {metric} fell from {floor:.3f} to "
                                        f"{now:.3f}")
