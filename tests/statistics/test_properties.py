"""Invariants: never raises, valid sorted offsets, allowed kinds, schema columns, speed."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.schema import STATISTICS
from pipeline.statistics import COLUMNS, KINDS, find_statistics

ALLOWED_KINDS = {"p_value", "confidence_interval", "effect_measure", "mean_sd", "median", "percentage",
                 "proportion", "fold_change", "heterogeneity", "test_statistic", "nnt"}

# characters the patterns care about, so random texts often come close to real statistics
ALPHABET = st.sampled_from(list("0123456789.,·−–-±%()[]=<>≤≥ PpCIORHRrtFzχ²⁻×xe/of tovsmeanSDIQR;:|\n"))
TOKENS = st.sampled_from([
    "P", "p", "=", "<", "0.05", ".002", "95%", "CI", "1.01-1.18", "RR", "HR", "OR", "±", "(", ")", "[", "]",
    "mean", "(SD)", "median", "IQR", "of", "52", "70", "/", "%", "fold", "doubled", "I²", "t(28)", "×10⁻⁶",
    "−", " ", " ", ",", ";", "vs", "|", "\n", "NNT", "r", "β", "χ2", "1,204", "0·02", "e-5", "n (%)", "P value",
])


def _check_rows(text, rows):
    previous = (-1, -1)
    for row in rows:
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert (row["start"], row["end"]) >= previous
        previous = (row["start"], row["end"])
        assert row["kind"] in ALLOWED_KINDS
        for key in ("estimate_id",):
            if row[key] is not None:
                assert 0 <= row[key] < len(rows)
        for other in row["linked_ids"] or []:
            assert 0 <= other < len(rows)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_random_characters(text):
    _check_rows(text, find_statistics(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=60).map("".join))
def test_random_tokens(text):
    _check_rows(text, find_statistics(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode(text):
    _check_rows(text, find_statistics(text))


@pytest.mark.parametrize("text", [
    "", "p=", "95% CI --", "±±", "1.2.3.4", "9" * 500, "P = " + "9" * 500, "RR " + "1" * 500 + " (95% CI 1-2)",
    "95% CI " + "1" * 400 + "-" + "2" * 400, "I² = ", "t() = ", "F(,) = 1", "χ²(1", "median (IQR", "mean (SD) 1 (",
    "| P |\n| 0.5 |", "|||||", "x" * 1000, "%" * 1000, "(" * 1000, "0." * 1000,
])
def test_garbage_inputs(text):
    _check_rows(text, find_statistics(text))


def test_non_string_input_gives_no_rows():
    assert find_statistics(None) == []  # type: ignore[arg-type]


def test_one_megabyte_of_digits_gives_no_rows():
    # one unbroken number: no statistic, and no pattern may backtrack over it quadratically
    assert find_statistics("1" * 1_000_000) == []


def test_rows_have_every_statistics_column():
    rows = find_statistics("RR 1.09 (95% CI 1.01-1.18), P=0.03, 12/40 (30.0%), t(28) = 2.2")
    assert len(rows) == 6
    schema_columns = set(STATISTICS.names) - {"article_id", "sentence_id", "text", "stat_id"}
    for row in rows:
        assert set(row) == schema_columns
    assert set(COLUMNS) | {"start", "end"} == schema_columns


def test_kinds_constant_matches_schema_description():
    assert set(KINDS) == ALLOWED_KINDS
    description = STATISTICS.field("kind").metadata[b"description"].decode()
    for kind in ALLOWED_KINDS:
        assert kind in description


def test_rows_are_sorted_and_text_slices_match():
    text = "P=0.008 and p<0.01; 95% CI 1.01-1.18; 57±23%; I² = 48%; 8-fold"
    rows = find_statistics(text)
    assert [text[r["start"]:r["end"]] for r in rows] == [
        "P=0.008", "p<0.01", "95% CI 1.01-1.18", "57±23%", "I² = 48%", "8-fold"]


def test_a_failing_family_does_not_cost_the_others(monkeypatch):
    from pipeline.statistics import folds

    def broken(text, ctx):
        raise RuntimeError("broken family")

    monkeypatch.setattr(folds, "find", broken)
    rows = find_statistics("Levels doubled (P = 0.03).")
    assert [r["kind"] for r in rows] == ["p_value"]
