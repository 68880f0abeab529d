"""Span matching and value scoring on hand-built examples."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.evaluation.scoring import (
    ALL,
    ANY_LABEL,
    match_spans,
    numbers_equal,
    realign_records,
    score_corpus,
    score_table,
    token_f1,
    values_equal,
)


def span(start, end, **kw):
    return {"start": start, "end": end, **kw}


# ---------------------------------------------------------------------------- matching

def test_exact_requires_identical_offsets():
    gold = [span(0, 7)]
    assert match_spans(gold, [span(0, 7)], "exact") == [(0, 0)]
    assert match_spans(gold, [span(0, 6)], "exact") == []
    assert match_spans(gold, [span(1, 7)], "exact") == []


def test_overlap_needs_one_shared_character():
    gold = [span(10, 20)]
    assert match_spans(gold, [span(19, 25)], "overlap") == [(0, 0)]
    assert match_spans(gold, [span(20, 25)], "overlap") == []  # touching is not overlapping
    assert match_spans(gold, [span(0, 10)], "overlap") == []


def test_overlap_matching_is_one_to_one_by_largest_overlap():
    # one long prediction covers two gold spans: it may match only one of them, the larger overlap
    gold = [span(0, 5), span(6, 20)]
    pred = [span(0, 20)]
    assert match_spans(gold, pred, "overlap") == [(1, 0)]
    # two predictions inside one gold span: only one is matched
    gold = [span(0, 20)]
    pred = [span(0, 3), span(5, 15)]
    assert match_spans(gold, pred, "overlap") == [(0, 1)]


def test_greedy_assignment_keeps_both_pairs_when_possible():
    gold = [span(0, 10), span(10, 20)]
    pred = [span(2, 12), span(12, 20)]
    # pred0 overlaps gold0 by 8 and gold1 by 2; pred1 overlaps gold1 by 8
    assert match_spans(gold, pred, "overlap") == [(0, 0), (1, 1)]


def test_duplicate_predictions_count_once():
    gold = [span(0, 7, kind="p_value")]
    pred = [span(0, 7, kind="p_value"), span(0, 7, kind="p_value")]
    s = score_table("statistics", gold, pred)["p_value"]
    assert s["exact"]["tp"] == 1
    assert s["exact"]["precision"] == 0.5
    assert s["exact"]["recall"] == 1.0


def test_unknown_mode_rejected():
    with pytest.raises(ValueError):
        match_spans([], [], "fuzzy")


# ---------------------------------------------------------------------------- per-label scores

def test_exact_vs_overlap_scores_and_label_rows():
    gold = [span(0, 7, kind="p_value", value=0.008, operator="="),
            span(20, 36, kind="confidence_interval", lower=1.01, upper=1.18, level=0.95)]
    pred = [span(0, 7, kind="p_value", value=0.008, operator="="),          # exact
            span(24, 36, kind="confidence_interval", lower=1.01, upper=1.18, level=0.95),  # overlap
            span(50, 53, kind="percentage", value=40.0)]                    # spurious
    res = score_table("statistics", gold, pred)
    assert set(res) == {"p_value", "confidence_interval", "percentage", ALL, ANY_LABEL}
    assert res["p_value"]["exact"]["f1"] == 1.0
    assert res["confidence_interval"]["exact"]["f1"] == 0.0
    assert res["confidence_interval"]["overlap"]["f1"] == 1.0
    assert res["percentage"]["n_gold"] == 0 and res["percentage"]["n_pred"] == 1
    assert res["percentage"]["overlap"]["precision"] == 0.0
    a = res[ALL]
    assert (a["n_gold"], a["n_pred"]) == (2, 3)
    assert a["exact"]["precision"] == pytest.approx(1 / 3, abs=1e-6)
    assert a["exact"]["recall"] == 0.5
    assert a["overlap"]["precision"] == pytest.approx(2 / 3, abs=1e-6)
    assert a["overlap"]["recall"] == 1.0
    assert a["overlap"]["f1"] == pytest.approx(0.8, abs=1e-6)


def test_label_mismatch_is_no_match_but_counts_for_any_label():
    gold = [span(0, 5, label="DISEASE")]
    pred = [span(0, 5, label="CHEMICAL")]
    res = score_table("entities", gold, pred)
    assert res[ALL]["overlap"]["tp"] == 0
    assert res["DISEASE"]["overlap"]["recall"] == 0.0
    assert res["CHEMICAL"]["overlap"]["precision"] == 0.0
    any_ = res[ANY_LABEL]
    assert any_["exact"]["f1"] == 1.0
    # the label is then scored as a value
    assert any_["values"]["by_key"]["label"] == {"n_compared": 1, "n_correct": 0, "accuracy": 0.0}


def test_spans_of_different_documents_never_match():
    gold = [span(0, 5, doc="a.md", label="DISEASE")]
    pred = [span(0, 5, doc="b.md", label="DISEASE")]
    res = score_table("entities", gold, pred)
    assert res[ALL]["overlap"]["tp"] == 0


def test_claims_are_scored_by_overlap_only():
    gold = [span(0, 60, direction="decrease", outcome="body weight")]
    pred = [span(10, 58, direction="decrease", outcome="weight")]
    res = score_table("claims", gold, pred)
    assert res["decrease"]["exact"] is None
    assert res["decrease"]["overlap"]["f1"] == 1.0
    assert res["decrease"]["values"]["by_key"]["outcome"]["n_correct"] == 1  # token F1 = 0.67


def test_doses_are_not_split_by_label():
    res = score_table("doses", [span(0, 8, unit="mg")], [span(0, 8, unit="mg/day")])
    assert set(res) == {"all", ALL, ANY_LABEL}
    assert res["all"]["exact"]["f1"] == 1.0
    assert res["all"]["values"]["accuracy"] == 0.0


def test_gold_without_label_key_matches_any_label():
    gold = [span(0, 2, n=36)]  # role not annotated
    pred = [span(0, 2, n=36, role="randomized")]
    res = score_table("sample_sizes", gold, pred)
    assert res[ALL]["overlap"]["f1"] == 1.0
    assert res["randomized"]["n_gold"] == 1


def test_null_role_is_a_label():
    gold = [span(0, 2, n=8, role=None)]
    assert score_table("sample_sizes", gold, [span(0, 2, n=8, role=None)])["null"]["exact"]["f1"] == 1.0
    assert score_table("sample_sizes", gold, [span(0, 2, n=8, role="enrolled")])[ALL]["exact"]["f1"] == 0.0


def test_empty_inputs():
    res = score_table("entities", [], [])
    assert res[ALL]["n_gold"] == 0
    assert res[ALL]["overlap"]["f1"] == 1.0  # nothing to find, nothing found
    res = score_table("entities", [span(0, 3, label="DISEASE")], [])
    assert res[ALL]["overlap"]["recall"] == 0.0 and res[ALL]["overlap"]["f1"] == 0.0


# ---------------------------------------------------------------------------- values

@pytest.mark.parametrize("gold,pred,equal", [
    (0.008, 0.0080, True),
    (0.008, 0.00800001, True),     # relative tolerance
    (0.008, 0.0081, True),         # equal to the 3 decimals the gold states
    (0.008, 0.009, False),
    (1.18, 1.1800000001, True),
    (0.95, 95.0, False),           # CI level is a fraction
    (36, 36.0, True),
    (36, 36.4, False),             # integers need a close match, no rounding
    (74.3, 74.3, True),
    (-1.3, -1.3, True),
    (-1.3, 1.3, False),
])
def test_numbers_equal(gold, pred, equal):
    assert numbers_equal(gold, pred) is equal


@pytest.mark.parametrize("key,gold,pred,equal", [
    ("value", 0.008, 0.0080, True),
    ("value", 0.008, "0.008", True),      # numeric strings are parsed
    ("value", None, None, True),           # p = NS: value must be null
    ("value", None, float("nan"), True),
    ("value", None, 0.05, False),
    ("value", 0.05, None, False),
    ("operator", "<", "<", True),
    ("operator", "<", "<=", False),
    ("role", "randomized", "Randomized", False),  # role is exact
    ("direction", "no_effect", "no_effect", True),
    ("n", 36, 36, True),
    ("n", 36, 37, False),
    ("measure", "HR", "hr", True),          # other strings: case-insensitive
    ("unit", "mg/dL", " mg/dl ", True),
    ("unit", "%", "percentage points", False),
    ("hedged", True, True, True),
    ("hedged", True, False, False),
    ("hedged", False, None, False),
    ("outcome", "body weight", "weight", True),               # token F1 0.67
    ("outcome", "all-cause mortality", "mortality", True),    # 0.67
    ("outcome", "progression-free survival in older adults", "survival", False),  # 0.29
    ("intervention", "rapamycin", "Rapamycin", True),
    ("population", "older adults", "mice", False),
    ("linked_ids", [2, 1], [1, 2], True),
])
def test_values_equal(key, gold, pred, equal):
    assert values_equal(key, gold, pred) is equal


def test_token_f1():
    assert token_f1("body weight", "body weight") == 1.0
    assert token_f1("body weight", "weight") == pytest.approx(2 / 3)
    assert token_f1("a", "b") == 0.0
    assert token_f1("", "") == 1.0


def test_value_accuracy_and_values_exact():
    gold = [span(0, 7, kind="p_value", value=0.008, operator="="),
            span(10, 17, kind="p_value", value=0.03, operator="<")]
    pred = [span(0, 7, kind="p_value", value=0.008, operator="="),
            span(10, 17, kind="p_value", value=0.03, operator="=")]   # wrong operator
    details: list = []
    res = score_table("statistics", gold, pred, details=details)["p_value"]
    assert res["overlap"]["f1"] == 1.0
    assert res["values"]["n_compared"] == 4 and res["values"]["n_correct"] == 3
    assert res["values"]["accuracy"] == 0.75
    assert res["values"]["by_key"]["operator"]["accuracy"] == 0.5
    assert res["values_exact"]["precision"] == 0.5 and res["values_exact"]["recall"] == 0.5
    assert details == [{"type": "value_mismatch", "doc": None, "table": "statistics",
                        "label": "p_value", "start": 10,
                        "end": 17, "text": None, "pred_text": None,
                        "values": {"operator": {"gold": "<", "pred": "="}}}]


def test_absent_gold_keys_are_not_scored():
    gold = [span(0, 7, kind="p_value")]
    pred = [span(0, 7, kind="p_value", value=0.5, operator=">")]
    res = score_table("statistics", gold, pred)["p_value"]
    assert res["values"]["n_compared"] == 0 and res["values"]["accuracy"] is None
    assert res["values_exact"]["f1"] == 1.0


def test_details_list_missed_and_spurious():
    details: list = []
    score_table("entities", [span(0, 3, label="DISEASE", text="HCC")],
                [span(5, 9, label="DISEASE", text="mTOR")], details=details)
    assert [(d["type"], d["text"]) for d in details] == [("missed", "HCC"), ("spurious", "mTOR")]


# ---------------------------------------------------------------------------- corpus

TEXT = "Rapamycin lowered weight (P=0.008) in 36 mice."


def gold_article(path="raw/a.md", text=TEXT):
    return SimpleNamespace(path=path, text=text, records=[
        {"table": "statistics", "start": 26, "end": 33, "text": "P=0.008", "kind": "p_value",
         "value": 0.008, "operator": "="},
        {"table": "sample_sizes", "start": 38, "end": 40, "text": "36", "n": 36, "role": None},
        {"table": "entities", "start": 0, "end": 9, "text": "Rapamycin", "label": "CHEMICAL"},
    ])


def predicted(source="raw/a.md", text=TEXT, shift=0):
    return {
        "articles": pd.DataFrame([{"article_id": "abc", "source": source, "text": text}]),
        "statistics": pd.DataFrame([
            {"article_id": "abc", "start": 26 + shift, "end": 33 + shift, "text": "P=0.008",
             "kind": "p_value", "value": 0.008, "operator": "="},
            {"article_id": "zzz", "start": 26, "end": 33, "text": "P=0.008", "kind": "p_value",
             "value": 0.008, "operator": "="},   # another article: ignored
        ]),
        "sample_sizes": pd.DataFrame([
            {"article_id": "abc", "start": 38 + shift, "end": 40 + shift, "text": "36", "n": 36,
             "role": None}]),
        "entities": pd.DataFrame([
            {"article_id": "abc", "start": 0 + shift, "end": 9 + shift, "text": "Rapamycin",
             "label": "CHEMICAL"},
            {"article_id": "abc", "start": 41 + shift, "end": 45 + shift, "text": "mice",
             "label": "ORGANISM"}]),
        "claims": pd.DataFrame(columns=["article_id", "start", "end", "text", "direction"]),
    }


def test_score_corpus_maps_articles_by_source():
    res = score_corpus([gold_article()], predicted())
    assert res["n_articles_matched"] == 1
    assert set(res["tables"]) == {"statistics", "sample_sizes", "entities"}  # claims: no gold
    assert res["tables"]["statistics"][ALL]["exact"]["f1"] == 1.0
    assert res["tables"]["statistics"][ALL]["n_pred"] == 1
    assert res["tables"]["sample_sizes"]["null"]["values_exact"]["f1"] == 1.0
    ents = res["tables"]["entities"]
    assert ents["CHEMICAL"]["exact"]["f1"] == 1.0
    assert ents["ORGANISM"]["overlap"]["precision"] == 0.0
    assert res["warnings"] == []


def test_score_corpus_matches_source_relative_to_raw_dir():
    res = score_corpus([gold_article()], predicted(source="a.md"))
    assert res["n_articles_matched"] == 1


def test_score_corpus_realigns_when_the_article_text_differs():
    prefix = "# Title\n\n"
    res = score_corpus([gold_article()], predicted(text=prefix + TEXT, shift=len(prefix)))
    assert res["tables"]["statistics"][ALL]["exact"]["f1"] == 1.0
    assert res["tables"]["entities"]["CHEMICAL"]["exact"]["f1"] == 1.0


def test_score_corpus_unmatched_article_counts_as_missed():
    res = score_corpus([gold_article(path="raw/other.md", text="different")], predicted())
    assert res["n_articles_matched"] == 0
    assert res["tables"]["statistics"][ALL]["overlap"]["recall"] == 0.0
    assert res["tables"]["statistics"][ALL]["n_pred"] == 0
    assert res["warnings"]


def test_realign_records_uses_the_same_occurrence():
    gold_text = "P=0.01 and P=0.01"
    rec = [{"table": "statistics", "start": 11, "end": 17, "text": "P=0.01"}]
    moved, lost = realign_records(rec, gold_text, "Intro. " + gold_text)
    assert lost == [] and (moved[0]["start"], moved[0]["end"]) == (18, 24)
    moved, lost = realign_records(rec, gold_text, "P=0.02")
    assert moved == [] and len(lost) == 1


def test_only_table_columns_are_value_keys():
    # `line`, `occurrence` and keys that are not columns of the table are bookkeeping
    gold = [span(0, 7, kind="p_value", value=0.008, occurrence=1, line=12, reviewer="xy")]
    pred = [span(0, 7, kind="p_value", value=0.008)]
    res = score_table("statistics", gold, pred)["p_value"]
    assert res["values"]["by_key"] == {"value": {"n_compared": 1, "n_correct": 1, "accuracy": 1.0}}
    assert res["values_exact"]["f1"] == 1.0
