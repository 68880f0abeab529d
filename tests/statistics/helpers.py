"""Comparison helpers for the statistics tests."""
from __future__ import annotations

import math

from pipeline.statistics import find_statistics


def rows_of(text: str) -> list[tuple[str, dict]]:
    return [(text[r["start"]:r["end"]], r) for r in find_statistics(text)]


def same_value(actual, expected) -> bool:
    if isinstance(expected, float) and isinstance(actual, (int, float)) and actual is not None:
        return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-12)
    return actual == expected


def assert_rows(text: str, expected: list[tuple[str, dict]]) -> None:
    """The spans found must be exactly the expected ones (in order) with the listed values."""
    found = rows_of(text)
    assert [span for span, _ in found] == [span for span, _ in expected], found
    for (span, row), (_, values) in zip(found, expected):
        for key, value in values.items():
            assert same_value(row.get(key), value), (span, key, row.get(key), value)
