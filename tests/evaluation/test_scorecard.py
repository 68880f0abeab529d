"""Scorecard rendering (markdown, JSON) and regression comparison."""
from __future__ import annotations

import json

from pipeline.evaluation import scorecard as sc
from pipeline.evaluation.scoring import ALL, ANY_LABEL, score_table


def card():
    gold = [{"start": 0, "end": 7, "kind": "p_value", "value": 0.008, "operator": "="},
            {"start": 20, "end": 30, "kind": "percentage", "value": 40.0}]
    pred = [{"start": 0, "end": 7, "kind": "p_value", "value": 0.008, "operator": "<"},
            {"start": 40, "end": 45, "kind": "percentage", "value": 1.0}]
    claims = score_table("claims", [{"start": 0, "end": 50, "direction": "decrease"}],
                         [{"start": 3, "end": 50, "direction": "decrease"}])
    return {"n_articles": 1, "n_articles_matched": 1,
            "tables": {"statistics": score_table("statistics", gold, pred), "claims": claims},
            "warnings": []}


def test_rows_order_and_values():
    rows = sc.rows(card())
    stats = [(r["table"], r["label"]) for r in rows if r["table"] == "statistics"]
    assert stats == [("statistics", "p_value"), ("statistics", "percentage"),
                     ("statistics", ALL), ("statistics", ANY_LABEL)]
    p = next(r for r in rows if r["label"] == "p_value")
    assert p["exact_f1"] == 1.0 and p["value_accuracy"] == 0.5 and p["values_exact_f1"] == 0.0


def test_markdown_has_header_and_one_line_per_row():
    md = sc.to_markdown(card())
    lines = [l for l in md.splitlines() if l.startswith("|")]
    assert lines[0].startswith("| table | label | n_gold | n_pred | P exact")
    assert len(lines) == 2 + len(sc.rows(card()))
    claim_line = next(l for l in lines if l.startswith("| claims | decrease"))
    assert "| – | – | – |" in claim_line          # no exact scores for claims
    assert "| 1.000 |" in claim_line


def test_markdown_lists_benchmarks():
    c = card()
    c["benchmarks"] = {"pico": {"status": "ok", "scores": {"f1": 0.5}},
                       "ner_bench": {"status": "skipped", "reason": "not available"}}
    md = sc.to_markdown(c)
    assert "| pico | f1 | 0.500 |" in md
    assert "| ner_bench | status | skipped |" in md


def test_json_is_stable_and_clean(tmp_path):
    c = card()
    c["extra"] = float("nan")
    text = sc.to_json(c)
    assert text == sc.to_json(json.loads(text))           # round trip gives the same bytes
    assert json.loads(text)["extra"] is None
    keys = list(json.loads(text))
    assert keys == sorted(keys)
    path = sc.write_json(c, tmp_path / "sub" / "card.json")
    assert sc.load_json(path)["tables"]["statistics"][ALL]["n_gold"] == 2


def test_compare_lists_regressions_only():
    old = card()
    new = json.loads(sc.to_json(old))
    assert sc.compare(old, new) == []
    new["tables"]["statistics"]["p_value"]["overlap"]["f1"] = 0.5
    new["tables"]["statistics"]["percentage"]["overlap"]["f1"] = 0.9   # improvement: fine
    del new["tables"]["claims"]
    regs = sc.compare(old, new)
    assert {(r["table"], r["label"], r["metric"], r["new"]) for r in regs} == {
        ("statistics", "p_value", "overlap_f1", 0.5),
        ("claims", "decrease", "overlap_f1", None),
        ("claims", ALL, "overlap_f1", None),
        ("claims", ANY_LABEL, "overlap_f1", None),
        # labels ignored: the direction becomes a value key, so values-exact is tracked too
        ("claims", ANY_LABEL, "values_exact_f1", None),
    }
    assert "statistics/p_value overlap_f1: 1.000 -> 0.500" in sc.format_regressions(regs)
    assert sc.format_regressions([]) == "No regressions."


def test_compare_accepts_a_baseline_file_format():
    base = {"scores": {"statistics": {"p_value": {"overlap_f1": 1.0, "values_exact_f1": 0.0}}}}
    assert sc.compare(base, card()) == []
    base["scores"]["statistics"]["p_value"]["values_exact_f1"] = 0.1
    assert [r["metric"] for r in sc.compare(base, card())] == ["values_exact_f1"]


def test_tracked_scores_skip_values_exact_without_value_keys():
    t = sc.tracked_scores(card())
    assert "values_exact_f1" in t["statistics"]["p_value"]
    assert t["claims"]["decrease"] == {"overlap_f1": 1.0}
