"""Links between rows: a CI to its estimate, a P value to the estimate it reports, a percentage
to its ``x of y``, and the two sides of a comparison (``45% vs 30%``, ``1.1 ± 0.3 vs 1.0 ± 0.2``)."""
from __future__ import annotations

import re

# what a CI can be the interval of
CI_ESTIMATES = {"effect_measure", "nnt", "median", "percentage", "fold_change", "heterogeneity"}
# estimates a CI may follow at a distance ("HR was 0.77 in the trial (95% CI ...)"); the others
# only when the CI follows right after them (a CI after "2.6% vs 3.3%" is that of the difference)
DISTANT_CI_ESTIMATES = {"effect_measure", "nnt"}
# what a P value can report
P_ESTIMATES = CI_ESTIMATES | {"test_statistic", "proportion", "mean_sd"}
MAX_CI_GAP = 40
MAX_PROPORTION_GAP = 60
MAX_PAIR_GAP = 40

_P_GAP = re.compile(r"^[\s(\[\];,:]*$")
_ADJACENT = re.compile(r"^\s*[(\[,;:]?\s*$")
# "37/148 (25.0%)", "(3%; 1 of 37)", "74.3% of treated patients (52 of 70)", "52 of 70 patients (74%)"
_PERCENT_THEN_PROPORTION = re.compile(r"^\s*(?:[(\[;,]|of\s+[^,;()\[\]]{0,50}?[(\[])?\s*$")
_PROPORTION_THEN_PERCENT = re.compile(r"^\s*(?:[(\[;,]|[^,;()\[\]]{0,40}?[(\[])?\s*$")
_PROPORTION_GAP_BREAK = re.compile(r"[,;]|\b(?:and|vs|versus|but|while|whereas|compared)\b", re.I)
_PAIR_GAP = re.compile(
    r"^\s*(?:(?:vs\.?|versus|compared\s+(?:with|to)|to|and)\s*|\)?\s*(?:in\s+the\s+)?[\w\s\-]{0,25}?"
    r"\b(?:vs\.?|versus|compared\s+(?:with|to))\s*(?:\(?\s*))$",
    re.I,
)


def _add_link(row: dict, other: int) -> None:
    links = row.setdefault("linked_ids", [])
    if other not in links:
        links.append(other)
        links.sort()


def link(rows: list[dict], text: str, sentences) -> None:
    """Fill estimate_id / linked_ids in place (rows sorted by start; indices are stat ids)."""
    index = {id(r): i for i, r in enumerate(rows)}
    _link_pairs(rows, text, sentences)
    _link_intervals(rows, text, sentences, index)
    _link_p_values(rows, text, sentences)
    _link_proportions(rows, text, sentences)


def _link_intervals(rows, text, sentences, index) -> None:
    for i, row in enumerate(rows):
        if row["kind"] != "confidence_interval":
            continue
        est = row.get("_estimate")
        if est is not None and id(est) in index:
            row["estimate_id"] = index[id(est)]
            continue
        for j in range(i - 1, -1, -1):
            prev = rows[j]
            if not sentences.same(prev["start"], row["start"]) or prev["kind"] == "confidence_interval":
                break
            if prev["kind"] == "p_value":
                continue
            gap = text[prev["end"]:row["start"]]
            if prev["kind"] in DISTANT_CI_ESTIMATES and len(gap) <= MAX_CI_GAP:
                row["estimate_id"] = j
            elif prev["kind"] in CI_ESTIMATES and _ADJACENT.match(gap) and not prev.get("_paired"):
                row["estimate_id"] = j
            break


def _link_p_values(rows, text, sentences) -> None:
    for i, row in enumerate(rows):
        if row["kind"] != "p_value" or row.get("_qualified"):
            continue  # P for trend / interaction / heterogeneity tests something else than the estimate
        skipped: list[tuple[int, int]] = []
        for j in range(i - 1, -1, -1):
            prev = rows[j]
            if not sentences.same(prev["start"], row["start"]):
                break
            if prev["kind"] == "confidence_interval":
                skipped.append((prev["start"], prev["end"]))
                continue
            if prev["kind"] in P_ESTIMATES:
                gap = text[prev["end"]:row["start"]]
                for s, e in skipped:
                    gap = gap.replace(text[s:e], " ")
                if _P_GAP.match(gap):
                    row["estimate_id"] = j
            break


def _link_proportions(rows, text, sentences) -> None:
    used: set[int] = set()
    for i, row in enumerate(rows):
        if row["kind"] != "proportion":
            continue
        options = []
        for j in (i - 1, i + 1):
            if not 0 <= j < len(rows) or j in used:
                continue
            other = rows[j]
            if other["kind"] != "percentage" or not sentences.same(other["start"], row["start"]):
                continue
            lo, hi = (other["end"], row["start"]) if j < i else (row["end"], other["start"])
            gap = text[lo:hi]
            if len(gap) > MAX_PROPORTION_GAP:
                continue
            pattern = _PERCENT_THEN_PROPORTION if j < i else _PROPORTION_THEN_PERCENT
            if not pattern.match(gap) or _PROPORTION_GAP_BREAK.search(gap.strip(" ([;,")):
                continue
            options.append((len(gap.strip(" ([")), 0 if j > i else 1, j))
        if options:
            j = min(options)[2]
            used.add(j)
            _add_link(row, j)
            _add_link(rows[j], i)


def _link_pairs(rows, text, sentences) -> None:
    for i in range(1, len(rows)):
        a, b = rows[i - 1], rows[i]
        if a["kind"] != b["kind"] or a["kind"] not in ("percentage", "mean_sd", "median"):
            continue
        if not sentences.same(a["start"], b["start"]):
            continue
        gap = text[a["end"]:b["start"]]
        if len(gap) > MAX_PAIR_GAP or not _PAIR_GAP.match(gap):
            continue
        _add_link(a, i)
        _add_link(b, i - 1)
        a["_paired"] = b["_paired"] = True
        # a unit written once after the second value applies to both (1.12 ± 0.30 vs 1.05 ± 0.28 m/s)
        if a["kind"] == "mean_sd" and not a.get("unit") and b.get("unit"):
            a["unit"] = b["unit"]
