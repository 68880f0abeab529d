"""A value the schema cannot hold becomes null (or its row is dropped) with a warning row."""
from __future__ import annotations

from pipeline.store import tables_from_rows


def test_out_of_range_values_are_nulled_or_dropped_with_warnings():
    huge = 10 ** 30
    rows = {
        "articles": [{"article_id": "a1", "source": "x.txt", "text": "t", "n_chars": 1,
                      "n_sentences": 1, "sha256": "0" * 64, "sample_size_total": huge}],
        "sample_sizes": [
            {"article_id": "a1", "sentence_id": 0, "start": 0, "end": 1, "text": "t",
             "sample_id": 0, "n": huge},
            {"article_id": "a1", "sentence_id": 0, "start": 0, "end": 1, "text": "t",
             "sample_id": 1, "n": 12, "n_lower": "not a number"},
        ],
    }
    tables = tables_from_rows(rows)
    assert tables["articles"].column("sample_size_total").to_pylist() == [None]
    assert tables["sample_sizes"].column("n").to_pylist() == [12]
    assert tables["sample_sizes"].column("n_lower").to_pylist() == [None]
    errors = tables["errors"].to_pylist()
    assert [e["source"] for e in errors] == ["x.txt"] * 3
    assert all(e["stage"] == "write" and e["severity"] == "warning" for e in errors)
    assert "row dropped" in errors[1]["message"] and "stored as null" in errors[0]["message"]


def test_good_rows_take_the_fast_path():
    tables = tables_from_rows({"errors": [{"source": "s", "stage": "read", "message": "m",
                                           "severity": "error"}]})
    assert tables["errors"].num_rows == 1 and tables["articles"].num_rows == 0
