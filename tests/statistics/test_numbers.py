"""Parsing of written numbers."""
from __future__ import annotations

import math

import pytest

from pipeline.statistics.numbers import parse_int, parse_number, rounding_halfwidth


@pytest.mark.parametrize("text,expected", [
    ("0.008", 0.008),
    (".002", 0.002),
    ("0·02", 0.02),
    ("−1.3", -1.3),
    ("–0.4", -0.4),
    ("-0.4", -0.4),
    ("1,204", 1204.0),
    ("12,345,678", 12345678.0),
    ("4.1 × 10⁻⁶", 4.1e-6),
    ("4.1×10⁻⁶", 4.1e-6),
    ("4.1 x 10^-6", 4.1e-6),
    ("2.3 x 10-8", 2.3e-8),
    ("10⁻⁸", 1e-8),
    ("4.1e-6", 4.1e-6),
    ("1.2E-05", 1.2e-5),
    ("3 × 10−9", 3e-9),
    ("42", 42.0),
])
def test_parse_number(text, expected):
    value = parse_number(text)
    assert value is not None and math.isclose(value, expected, rel_tol=1e-12)


@pytest.mark.parametrize("text", ["", "p=", "1.2.3.4", "±±", "1" * 500, "1e999", "12,34", "abc", "--1", None, "10^99999"])
def test_garbage_gives_none(text):
    assert parse_number(text) is None


def test_parse_int():
    assert parse_int("1,204") == 1204
    assert parse_int("36") == 36
    assert parse_int("3.5") is None
    assert parse_int("x") is None


@pytest.mark.parametrize("text,expected", [
    ("0.03", 0.005),
    ("0.008", 0.0005),
    ("12", 0.5),
    ("4.1e-6", 0.05e-6),
    ("4.1 × 10⁻⁶", 0.05e-6),
    ("0·02", 0.005),
])
def test_rounding_halfwidth(text, expected):
    assert math.isclose(rounding_halfwidth(text), expected, rel_tol=1e-9)


def test_rounding_halfwidth_of_garbage_is_zero():
    assert rounding_halfwidth(None) == 0.0
    assert rounding_halfwidth("1" * 1000) == 0.0
