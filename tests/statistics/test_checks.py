"""Consistency checks: P recomputed from CIs, rounding tolerance, impossible values."""
from __future__ import annotations

import math

import pytest

from pipeline.statistics import find_statistics
from pipeline.statistics.checks import DIFFERENCE, RATIO, p_agrees, p_from_ci, p_range_from_ci, z_for_level


def test_z_for_level():
    assert math.isclose(z_for_level(0.95), 1.959964, abs_tol=1e-5)
    assert math.isclose(z_for_level(0.90), 1.644854, abs_tol=1e-5)
    assert math.isclose(z_for_level(0.99), 2.575829, abs_tol=1e-5)
    assert z_for_level(None) == z_for_level(0.95)


def test_ratio_p_matches_hand_computation():
    # HR 0.70 (0.55-0.89): SE = (ln 0.89 - ln 0.55) / (2 * 1.96), z = |ln 0.70| / SE
    se = (math.log(0.89) - math.log(0.55)) / (2 * z_for_level(0.95))
    expected = math.erfc(abs(math.log(0.70)) / se / math.sqrt(2))
    assert math.isclose(p_from_ci(0.70, 0.55, 0.89, 0.95, RATIO), expected, rel_tol=1e-12)
    assert 0.003 < expected < 0.005


def test_difference_p_on_linear_scale():
    # MD -1.0 (-1.5 to -0.5): SE = 1.0 / 3.92, z = 3.92
    p = p_from_ci(-1.0, -1.5, -0.5, 0.95, DIFFERENCE)
    assert math.isclose(p, math.erfc(z_for_level(0.95) * 2 / math.sqrt(2)), rel_tol=1e-9)
    assert p < 0.001


def test_interval_straddling_null_gives_large_p():
    assert p_from_ci(1.0, 0.8, 1.25, 0.95, RATIO) > 0.99
    assert p_from_ci(0.0, -1.0, 1.0, 0.95, DIFFERENCE) == 1.0


def test_nonpositive_ratio_cannot_be_recomputed():
    assert p_from_ci(0.0, 0.5, 1.5, 0.95, RATIO) is None
    assert p_from_ci(1.0, -0.5, 1.5, 0.95, RATIO) is None


def test_zero_width_interval_cannot_be_recomputed():
    assert p_from_ci(1.2, 1.2, 1.2, 0.95, RATIO) is None


def test_rounding_box_contains_point_value():
    p = p_from_ci(0.70, 0.55, 0.89, 0.95, RATIO)
    lo, hi = p_range_from_ci(0.70, 0.55, 0.89, 0.95, RATIO, (0.005, 0.005, 0.005))
    assert lo <= p <= hi and lo < hi


@pytest.mark.parametrize("value,op,raw,expected", [
    (0.004, "=", "0.004", True),     # inside the box
    (0.04, "=", "0.04", False),      # far outside
    (0.05, "<", "0.05", True),
    (0.001, "<", "0.001", False),    # recomputed cannot be below 0.001
    (0.5, ">", "0.5", False),
])
def test_p_agrees(value, op, raw, expected):
    assert p_agrees(value, op, raw, 0.003, 0.006) is expected


def test_recomputed_p_is_on_p_and_ci_rows():
    rows = find_statistics("Mortality fell (HR 0.70; 95% CI 0.55-0.89; P = 0.004).")
    est, ci, p = rows
    assert ci["recomputed_p"] == p["recomputed_p"]
    assert math.isclose(p["recomputed_p"], p_from_ci(0.70, 0.55, 0.89, 0.95, RATIO))
    assert p["consistent"] is True and ci["consistent"] is True
    assert est["recomputed_p"] is None


def test_level_of_ci_is_used():
    rows = find_statistics("Mortality fell (HR 0.70; 90% CI 0.58-0.85; P = 0.001).")
    assert math.isclose(rows[2]["recomputed_p"], p_from_ci(0.70, 0.58, 0.85, 0.90, RATIO))


def test_p_less_than_is_inconsistent_only_when_clearly_above():
    ok = find_statistics("Risk fell (OR 0.50, 95% CI 0.30-0.83, P < 0.01).")
    bad = find_statistics("Risk fell (OR 0.90, 95% CI 0.70-1.16, P < 0.01).")
    assert ok[2]["consistent"] is True
    assert bad[2]["consistent"] is False and bad[2]["flags"] == "p_inconsistent"


def test_p_ns_is_not_checked_but_recomputed():
    rows = find_statistics("Risk fell (OR 0.90, 95% CI 0.70-1.16, P = NS).")
    assert rows[2]["value"] is None
    assert rows[2]["recomputed_p"] is not None
    assert rows[2]["consistent"] is None


def test_no_recomputation_without_ci():
    rows = find_statistics("Risk fell (OR 0.50, P = 0.02).")
    assert rows[1]["estimate_id"] == 0
    assert rows[1]["recomputed_p"] is None and rows[1]["consistent"] is None


def test_no_recomputation_for_non_ratio_estimates():
    rows = find_statistics("Weight fell by 2.6±3.8 kg (95% CI 1.0-4.2, P = 0.02).")
    # a CI after a mean ± SD is that of a change or difference, not of the mean
    assert rows[1]["estimate_id"] is None and rows[2]["estimate_id"] == 0
    assert rows[2]["recomputed_p"] is None and rows[1]["recomputed_p"] is None
    rows = find_statistics("Remission was 40% (95% CI 30-50%, P = 0.02).")
    assert rows[1]["estimate_id"] == 0 and rows[2]["estimate_id"] == 0
    assert rows[2]["recomputed_p"] is None


def test_percentage_tolerance_follows_decimals():
    # 52/70 = 74.2857...: 74.3% (rounded), 74% and 74.2% (truncated) agree; 74.4% and 74.1% do not
    assert find_statistics("Improved: 74.3% (52 of 70).")[0]["consistent"] is True
    assert find_statistics("Improved: 74% (52 of 70).")[0]["consistent"] is True
    assert find_statistics("Improved: 74.2% (52 of 70).")[0]["consistent"] is True
    assert find_statistics("Improved: 74.4% (52 of 70).")[0]["flags"] == "percentage_mismatch"
    assert find_statistics("Improved: 74.1% (52 of 70).")[0]["flags"] == "percentage_mismatch"
    # 15/19 = 78.95: "78%" is a truncation, "77%" is wrong
    assert find_statistics("Improved: 15/19 (78%) patients.")[1]["consistent"] is True
    assert find_statistics("Improved: 15/19 (77%) patients.")[1]["consistent"] is False


def test_percentage_over_100_is_flagged():
    rows = find_statistics("Improved: 120% (12 of 20).")
    assert rows[0]["linked_ids"] == [1]
    assert rows[0]["flags"] == "percentage_over_100" and rows[0]["consistent"] is False


def test_count_above_denominator_is_not_a_proportion():
    rows = find_statistics("Improved: 120% (12 of 10).")
    assert [r["kind"] for r in rows] == ["percentage"]


def test_impossible_values():
    assert find_statistics("(P = 1.20)")[0]["flags"] == "p_out_of_range"
    assert find_statistics("(RR 0.00)")[0]["flags"] == "ratio_nonpositive"
    assert find_statistics("(95% CI 2.0-1.0)")[0]["flags"] == "ci_reversed"
    assert find_statistics("median 14 (IQR 21-9)")[0]["flags"] == "range_reversed"
    assert find_statistics("was 5.0 ± −1.0 mg")[0]["flags"] == "negative_sd"


def test_ratio_ci_with_nonpositive_bound_is_flagged():
    rows = find_statistics("The odds were OR 1.2 (95% CI 0.0-2.5).")
    assert "ratio_nonpositive" in rows[1]["flags"]


def test_consistent_is_null_when_nothing_checked():
    rows = find_statistics("About 40% improved (P = 0.03).")
    assert all(r["consistent"] is None for r in rows)
