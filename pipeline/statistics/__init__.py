"""Statistics extractor: finds reported statistics in article text.

``find_statistics(text)`` returns one dict per statistic (sorted by start; the list index is the
stat_id) with ``start``/``end`` character offsets and the STATISTICS columns of
``pipeline.schema``. See README.md in this folder for the kinds, span rules and checks.
"""
from __future__ import annotations

import bisect
import re

from . import checks, descriptives, effects, folds, intervals, linking, p_values, percentages, tables, tests_stats
from .base import KINDS, Sentences

__all__ = ["find_statistics", "KINDS", "COLUMNS"]

#: the statistic columns every row carries (besides start/end)
COLUMNS = (
    "kind", "value", "operator", "lower", "upper", "level", "measure", "sd", "denominator", "unit", "df",
    "estimate_id", "linked_ids", "ci_contains_estimate", "recomputed_p", "consistent", "flags",
)

_FAMILIES = (intervals, tests_stats, p_values, effects, descriptives, percentages, folds, tables)
_VALUED = {"p_value", "effect_measure", "mean_sd", "median", "percentage", "proportion", "fold_change",
           "heterogeneity", "test_statistic", "nnt"}


# "63 · 9 %": a middle-dot decimal broken by spaces; the part after the dot is not a number
_SPLIT_DECIMAL = re.compile(r"[0-9]\s?·\s?$")


def _resolve(candidates: list[dict]) -> list[dict]:
    """Keep non-overlapping candidates: higher-priority kinds first, then longer spans, then earlier."""
    order = sorted(candidates, key=lambda r: (r["_priority"], -(r["end"] - r["start"]), r["start"]))
    taken: list[tuple[int, int]] = []  # accepted spans, kept sorted by start (they never overlap)
    kept = []
    for row in order:
        start, end = row["start"], row["end"]
        if end <= start:
            continue
        i = bisect.bisect_left(taken, (start, end))
        if i > 0 and taken[i - 1][1] > start:
            continue
        if i < len(taken) and taken[i][0] < end:
            continue
        taken.insert(i, (start, end))
        kept.append(row)
    kept.sort(key=lambda r: (r["start"], r["end"]))
    return kept


# an output row before its values are filled in (keys in output order)
_EMPTY_ROW = dict.fromkeys(("start", "end", *COLUMNS))


def _finish(row: dict) -> dict:
    out = _EMPTY_ROW.copy()
    for key, value in row.items():
        if key in out:
            out[key] = value
    if out["operator"] is None and row["kind"] in _VALUED and out["value"] is not None:
        out["operator"] = "="
    if out["denominator"] is not None:
        out["denominator"] = int(out["denominator"])
    if out["linked_ids"] is not None:
        out["linked_ids"] = sorted(out["linked_ids"])
    return out


def find_statistics(text: str) -> list[dict]:
    """All statistics reported in ``text`` (rows sorted by start; never raises)."""
    if not isinstance(text, str) or not text:
        return []
    try:
        sentences = Sentences(text)
    except Exception:  # noqa: BLE001 - a malformed input must never stop the pipeline
        return []
    candidates: list[dict] = []
    for family in _FAMILIES:
        try:
            candidates.extend(family.find(text, sentences))
        except Exception:  # noqa: BLE001 - one failing family must not cost the others their rows
            continue
    try:
        if "·" in text:
            candidates = [c for c in candidates if not _SPLIT_DECIMAL.search(text, max(0, c["start"] - 4), c["start"])]
        rows = _resolve(candidates)
    except Exception:  # noqa: BLE001
        return []
    try:
        linking.link(rows, text, sentences)
        checks.run(rows)
    except Exception:  # noqa: BLE001 - rows stay, links and checks are dropped
        for row in rows:
            for key in ("estimate_id", "linked_ids", "ci_contains_estimate", "recomputed_p", "consistent", "flags"):
                row.pop(key, None)
    return [_finish(r) for r in rows]
