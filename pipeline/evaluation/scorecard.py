"""Scorecards: a markdown table for people, stable JSON for comparing runs.

A scorecard is the dict returned by `pipeline.evaluation.scoring.score_corpus` (key `tables`),
optionally with a `benchmarks` key holding whatever the benchmark scripts returned.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterable, Mapping

from pipeline.evaluation.scoring import ALL, ANY_LABEL

COLUMNS = ("table", "label", "n_gold", "n_pred",
           "P exact", "R exact", "F1 exact",
           "P overlap", "R overlap", "F1 overlap",
           "value acc", "values-exact F1")

#: metrics compared between runs (higher is better)
TRACKED = ("overlap_f1", "values_exact_f1")


def _label_order(label: str) -> tuple[int, str]:
    return ({ALL: 1, ANY_LABEL: 2}.get(label, 0), label)


def rows(scorecard: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Flatten a scorecard into one dict per (table, label), in display order."""
    out = []
    for table, labels in (scorecard.get("tables") or {}).items():
        for label in sorted(labels, key=_label_order):
            s = labels[label]
            exact = s.get("exact") or {}
            overlap = s.get("overlap") or {}
            vexact = s.get("values_exact") or {}
            out.append({
                "table": table,
                "label": label,
                "n_gold": s.get("n_gold", 0),
                "n_pred": s.get("n_pred", 0),
                "exact_precision": exact.get("precision"),
                "exact_recall": exact.get("recall"),
                "exact_f1": exact.get("f1"),
                "overlap_precision": overlap.get("precision"),
                "overlap_recall": overlap.get("recall"),
                "overlap_f1": overlap.get("f1"),
                "value_accuracy": (s.get("values") or {}).get("accuracy"),
                "values_exact_f1": vexact.get("f1"),
            })
    return out


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _md_table(header: Iterable[str], body: Iterable[Iterable[Any]]) -> str:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i < 2 else "---:" for i in range(len(header))) + "|"]
    for r in body:
        lines.append("| " + " | ".join(_fmt(v) for v in r) + " |")
    return "\n".join(lines)


#: benchmark figures shown in the markdown (the JSON keeps everything)
HEADLINE = ("f1", "precision", "recall", "accuracy", "elapsed_s")


def _flatten_numbers(obj: Any, prefix: str = "", headline_only: bool = True) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    last = prefix.rsplit(".", 1)[-1].lower()
    if isinstance(obj, Mapping):
        for k in sorted(obj, key=str):
            out.extend(_flatten_numbers(obj[k], f"{prefix}.{k}" if prefix else str(k), headline_only))
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
        if not headline_only or any(h in last for h in HEADLINE):
            out.append((prefix, obj))
    elif isinstance(obj, str) and last in ("status", "reason"):
        out.append((prefix, obj))
    return out


def to_markdown(scorecard: Mapping[str, Any], title: str = "Scorecard") -> str:
    """Render the scorecard as markdown: one table row per (table, label), then benchmarks."""
    parts = [f"## {title}", ""]
    if scorecard.get("tables"):
        parts.append(f"Gold articles: {scorecard.get('n_articles', '?')} "
                     f"(matched to predictions: {scorecard.get('n_articles_matched', '?')})")
        parts.append("")
        body = [[r["table"], r["label"], r["n_gold"], r["n_pred"],
                 r["exact_precision"], r["exact_recall"], r["exact_f1"],
                 r["overlap_precision"], r["overlap_recall"], r["overlap_f1"],
                 r["value_accuracy"], r["values_exact_f1"]] for r in rows(scorecard)]
        parts.append(_md_table(COLUMNS, body))
        parts.append("")
        parts.append(f"`{ALL}` = micro average over labels; `{ANY_LABEL}` = spans only, labels "
                     "ignored; claims are scored by overlap only.")
    for w in scorecard.get("warnings") or []:
        parts.append(f"- warning: {w}")
    bench = scorecard.get("benchmarks")
    if bench:
        parts += ["", "### Benchmarks (headline figures; all of them are in the JSON)", ""]
        body = []
        for name in sorted(bench):
            for key, value in _flatten_numbers(bench[name]):
                body.append([name, key.removeprefix("scores."), value])
        parts.append(_md_table(("benchmark", "metric", "value"), body))
    return "\n".join(parts).rstrip() + "\n"


def _clean(obj: Any) -> Any:
    """Make a scorecard JSON-safe (NaN -> null, tuples -> lists, numpy -> Python)."""
    if isinstance(obj, Mapping):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        try:
            obj = obj.item()
        except (TypeError, ValueError):
            return str(obj)
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    return str(obj)


def to_json(scorecard: Mapping[str, Any]) -> str:
    """Stable JSON (sorted keys, 2-space indent, trailing newline)."""
    return json.dumps(_clean(scorecard), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_json(scorecard: Mapping[str, Any], path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(to_json(scorecard), encoding="utf-8")
    tmp.replace(path)
    return path


def load_json(path: Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def tracked_scores(scorecard: Mapping[str, Any]) -> dict[str, dict[str, dict[str, float | None]]]:
    """{table: {label: {"overlap_f1": x, "values_exact_f1": y}}} of a scorecard.

    Values-exact is only tracked where the gold has value keys to check (otherwise it equals the
    overlap F1 and adds nothing).
    """
    out: dict[str, dict[str, dict[str, float | None]]] = {}
    for table, labels in (scorecard.get("tables") or {}).items():
        for label, s in labels.items():
            entry: dict[str, float | None] = {"overlap_f1": (s.get("overlap") or {}).get("f1")}
            if (s.get("values") or {}).get("n_compared"):
                entry["values_exact_f1"] = (s.get("values_exact") or {}).get("f1")
            out.setdefault(table, {})[label] = entry
    return out


def compare(old: Mapping[str, Any], new: Mapping[str, Any], tolerance: float = 1e-9
            ) -> list[dict[str, Any]]:
    """Regressions of `new` against `old` (both scorecards, or baselines with `scores`).

    A regression is a tracked metric (overlap F1, values-exact F1) of a (table, label) that is
    lower in `new` by more than `tolerance`, or that `old` has and `new` lacks.
    """
    old_s = old["scores"] if "scores" in old else tracked_scores(old)
    new_s = new["scores"] if "scores" in new else tracked_scores(new)
    out = []
    for table in sorted(old_s):
        for label in sorted(old_s[table]):
            for metric, before in sorted(old_s[table][label].items()):
                if before is None:
                    continue
                after = new_s.get(table, {}).get(label, {}).get(metric)
                if after is None or after < before - tolerance:
                    out.append({"table": table, "label": label, "metric": metric,
                                "old": before, "new": after})
    return out


def format_regressions(regressions: list[dict[str, Any]]) -> str:
    if not regressions:
        return "No regressions."
    lines = [f"{len(regressions)} regression(s):"]
    for r in regressions:
        new = "missing" if r["new"] is None else f"{r['new']:.3f}"
        lines.append(f"  {r['table']}/{r['label']} {r['metric']}: {r['old']:.3f} -> {new}")
    return "\n".join(lines)
