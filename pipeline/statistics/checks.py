"""Consistency checks of reported statistics.

* CI vs estimate: a CI linked to an estimate must contain it (``ci_excludes_estimate``).
* P vs CI: for a ratio measure (RR, OR, HR, IRR) with a CI and a reported P, P is recomputed from
  the CI on the log scale with the normal approximation::

      SE = (ln U − ln L) / (2·z_level),   z = |ln est| / SE,   p = 2·(1 − Φ(z)) = erfc(z/√2)

  and on the linear scale for difference measures (MD, SMD, ARR, RD, beta):
  ``SE = (U − L) / (2·z_level)``, ``z = |est| / SE``.
  Rounding tolerance: every number is only known to half a unit of its last written decimal
  (``0.03`` → ±0.005, ``4.1e-6`` → ±0.05e-6). The recomputed P is evaluated at all corners of
  the rounding box of (est, L, U), giving [p_min, p_max]. A reported ``P = x`` is inconsistent
  when [x − h, x + h] and [p_min, p_max] do not overlap; ``P < x`` / ``P ≤ x`` when p_min ≥ x;
  ``P > x`` / ``P ≥ x`` when p_max ≤ x. ``recomputed_p`` stores the value at the reported numbers.
* Percentage vs ``x of y``: consistent when the percentage is 100·x/y rounded (|pct − 100·x/y| ≤
  half a unit of its last decimal) or truncated (0 ≤ 100·x/y − pct < one unit) to its stated
  decimals; otherwise ``percentage_mismatch``; over 100 → ``percentage_over_100``.
* Impossible values: ``p_out_of_range`` (P < 0 or P > 1), ``negative_sd``, ``ci_reversed``
  (lower > upper), ``range_reversed`` (median IQR/range), ``ratio_nonpositive`` (ratio estimate
  or CI bound ≤ 0).
"""
from __future__ import annotations

import functools
import itertools
import math

from .lexicon import measure_kind
from .numbers import rounding_halfwidth

RATIO = "ratio"
DIFFERENCE = "difference"


def normal_sf2(z: float) -> float:
    """Two-sided normal tail probability 2·(1 − Φ(|z|))."""
    return math.erfc(abs(z) / math.sqrt(2.0))


def z_for_level(level: float | None) -> float:
    """The two-sided normal quantile of a confidence level (0.95 -> 1.959964)."""
    if level is None or not 0.0 < level < 1.0:
        level = 0.95
    return _z_for_level(float(level))


@functools.lru_cache(maxsize=64)
def _z_for_level(level: float) -> float:
    target = 1.0 - level
    lo, hi = 0.0, 40.0
    for _ in range(100):
        mid = (lo + hi) / 2.0
        if normal_sf2(mid) > target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def p_from_ci(estimate: float, lower: float, upper: float, level: float | None, scale: str) -> float | None:
    """P recomputed from an estimate and its CI (None when it cannot be computed)."""
    try:
        if scale == RATIO:
            if min(estimate, lower, upper) <= 0:
                return None
            estimate, lower, upper = math.log(estimate), math.log(lower), math.log(upper)
        se = (upper - lower) / (2.0 * z_for_level(level))
        if not se > 0 or not math.isfinite(se):
            return None
        return normal_sf2(estimate / se)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None


def p_range_from_ci(est: float, lower: float, upper: float, level: float | None, scale: str,
                    widths: tuple[float, float, float]) -> tuple[float, float] | None:
    """[p_min, p_max] over the rounding box of (est, lower, upper)."""
    values = []
    for de, dl, du in itertools.product(*[(-w, w) for w in widths]):
        p = p_from_ci(est + de, lower + dl, upper + du, level, scale)
        if p is not None:
            values.append(p)
    if not values:
        return None
    null = 0.0 if scale == DIFFERENCE else 1.0
    p_max = max(values)
    if est - widths[0] <= null <= est + widths[0]:
        p_max = 1.0
    return min(values), p_max


def p_agrees(value: float, operator: str, raw: str | None, p_min: float, p_max: float) -> bool:
    if operator in ("<", "<="):
        return p_min < value
    if operator in (">", ">="):
        return p_max > value
    h = rounding_halfwidth(raw) if raw else 0.0
    return not (value + h < p_min or value - h > p_max)


def _note(row: dict, ok: bool, flag: str | None = None) -> None:
    row.setdefault("_checks", []).append(ok)
    if not ok and flag:
        flags = row.setdefault("_flags", [])
        if flag not in flags:
            flags.append(flag)


def run(rows: list[dict]) -> None:
    """Fill ci_contains_estimate, recomputed_p, consistent and flags in place."""
    for row in rows:
        kind = row["kind"]
        if kind == "p_value" and row.get("value") is not None and not 0.0 <= row["value"] <= 1.0:
            _note(row, False, "p_out_of_range")
        elif kind == "mean_sd" and row.get("sd") is not None and row["sd"] < 0:
            _note(row, False, "negative_sd")
        elif kind == "effect_measure" and measure_kind(row.get("measure")) == RATIO:
            if row.get("value") is not None and row["value"] <= 0:
                _note(row, False, "ratio_nonpositive")
        elif kind == "median" and None not in (row.get("lower"), row.get("upper")) and row["lower"] > row["upper"]:
            _note(row, False, "range_reversed")
        elif kind == "confidence_interval":
            _check_interval(rows, row)
        elif kind == "percentage":
            _check_percentage(rows, row)
    interval_of = {}
    for row in rows:
        if row["kind"] == "confidence_interval" and row.get("estimate_id") is not None:
            interval_of.setdefault(row["estimate_id"], row)
    for row in rows:
        if row["kind"] == "p_value" and row.get("estimate_id") is not None:
            _check_p(rows, row, interval_of.get(row["estimate_id"]))
    for row in rows:
        checks = row.pop("_checks", [])
        flags = row.pop("_flags", [])
        row["consistent"] = all(checks) if checks else None
        row["flags"] = ";".join(flags) if flags else None


def _check_interval(rows: list[dict], row: dict) -> None:
    lower, upper = row.get("lower"), row.get("upper")
    if lower is None or upper is None:
        return
    if lower > upper:
        _note(row, False, "ci_reversed")
        return
    est_id = row.get("estimate_id")
    if est_id is None:
        return
    est = rows[est_id]
    if measure_kind(est.get("measure")) == RATIO and lower <= 0:
        _note(row, False, "ratio_nonpositive")
    value = est.get("value")
    if value is None or est.get("operator", "=") != "=":
        return
    contains = lower <= value <= upper
    row["ci_contains_estimate"] = contains
    _note(row, contains, "ci_excludes_estimate")


def _check_percentage(rows: list[dict], row: dict) -> None:
    value = row.get("value")
    if value is None or row.get("unit") != "%" or row.get("operator", "=") != "=":
        return
    for j in row.get("linked_ids") or []:
        other = rows[j]
        if other["kind"] != "proportion" or not other.get("denominator"):
            continue
        expected = 100.0 * other["value"] / other["denominator"]
        if value > 100.0:
            _note(row, False, "percentage_over_100")
            _note(other, False, "percentage_over_100")
            continue
        half = rounding_halfwidth(row.get("_raw"))
        # rounded to the stated decimals, or truncated to them (74.28... written as 74.2)
        ok = abs(value - expected) <= half + 1e-9 or 0 <= expected - value < 2 * half + 1e-9
        _note(row, ok, "percentage_mismatch")
        _note(other, ok, "percentage_mismatch")


def _check_p(rows: list[dict], row: dict, ci: dict | None) -> None:
    est_id = row["estimate_id"]
    est = rows[est_id]
    scale = measure_kind(est.get("measure"))
    if est["kind"] != "effect_measure" or scale not in (RATIO, DIFFERENCE) or est.get("value") is None:
        return
    if ci is None or ci.get("lower") is None or ci.get("upper") is None or ci["lower"] > ci["upper"]:
        return
    recomputed = p_from_ci(est["value"], ci["lower"], ci["upper"], ci.get("level"), scale)
    if recomputed is None:
        return
    row["recomputed_p"] = recomputed
    ci["recomputed_p"] = recomputed
    value = row.get("value")
    if value is None or not 0.0 <= value <= 1.0:
        return
    widths = (rounding_halfwidth(est.get("_raw")), rounding_halfwidth(ci.get("_raw_lower")),
              rounding_halfwidth(ci.get("_raw_upper")))
    bounds = p_range_from_ci(est["value"], ci["lower"], ci["upper"], ci.get("level"), scale, widths)
    if bounds is None:
        return
    ok = p_agrees(value, row.get("operator", "="), row.get("_raw"), *bounds)
    _note(row, ok, "p_inconsistent")
    _note(ci, ok, "p_inconsistent")
