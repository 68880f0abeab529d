"""Score the sample-size extractor against the PICO corpus (breast-cancer RCT abstracts).

Usage: python -m pipeline.evaluation.pico [--path FILE] [--json OUT] [--errors N]

The corpus file is read at run time from ``../shared/benchmarks/pico_dev.jsonl`` relative to the
repository root, from ``$CLAIMS_BENCHMARKS_DIR/pico_dev.jsonl``, or from ``--path``; when it is
absent the script prints a message and exits with code 0.

Mapping of predicted rows to the corpus labels
- ``total-participants``: rows whose role states the number of participants of the study:
  ``enrolled``, ``randomized``, ``completed`` or ``analyzed``, with organism human or unknown
  (``TOTAL_ROLES``; the corpus labels the enrolled, randomised, analysed and completed counts of
  an abstract as totals). An ``analyzed`` row written as the denominator of a proportion
  (``12 of 80``, ``9/40``) is the group an outcome was measured in, not a total. Rows without a
  role (screened, planned or unqualified counts), per-group counts (``109 per group``, ``916 women in
  each group``, ``(n = 65 each)``: the size of every arm) and rows with roles lost_to_follow_up, excluded, subgroup,
  studies or an arm are never totals. For value recall the article summary
  ``sample_size_total`` counts as a total prediction too.
- ``intervention-participants``: rows with role ``intervention_arm``;
  ``control-participants``: rows with role ``control_arm``. ``arms (either)`` scores arm rows
  against the union of both labels, ignoring which arm.

Figures
- span P/R/F1, exact (same start and end after trimming spaces of the gold span) and overlap
  (at least one shared character), micro-averaged over all documents.
- value-exact recall: share of gold spans (whose text parses to a count) for which the same
  document has a predicted row of the mapped class with the same n; for totals, the article
  summary ``sample_size_total`` counts too.
- value precision: share of distinct (document, n) pairs of predicted rows of the class that
  equal the value of some gold span of that class in the document, over documents that have at
  least one gold span of the class (documents the corpus did not annotate for the class are
  left out, since the corpus labels are incomplete there).
- summary accuracy: over documents with at least one parseable ``total-participants`` value,
  share where ``sample_size_total`` equals one of them (a document may name several totals,
  e.g. enrolled and analysed; any of them counts as correct). ``summary precision`` is the same
  over documents where the summary is not null; ``summary coverage`` the share of those
  documents with a non-null summary.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.sample_sizes import find_sample_sizes, summarize_sample_sizes
from pipeline.sample_sizes.numbers import parse_count

TOTAL_ROLES = {"enrolled", "randomized", "analyzed", "completed"}
# "29 of 109 patients", "9/40": the denominator of an outcome proportion is the group an outcome was
# measured in, not the study's total.
DENOMINATOR_BEFORE_RE = re.compile(
    r"(?:\d|\b[a-z]+)\s*(?:[(\[][^()\[\]]{0,30}[)\]]\s*)?(?:of|out\s+of)\s+(?:the\s+|all\s+|these\s+|those\s+)?$"
    r"|\d\s*/\s*$", re.IGNORECASE)
# "(109 per group)", "916 women in each group": the size of every arm, not the study's total
PER_GROUP_AFTER_RE = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,2}?(?:per|in\s+each|each|for\s+each|in\s+both|in\s+every)\s+(?:treatment\s+|study\s+)?"
    r"(?:group|arm|condition|cohort)|\s*(?:[A-Za-z-]+\s+)?each\s*[),;]", re.IGNORECASE)
CLASSES = {
    "total": {"total-participants"},
    "intervention": {"intervention-participants"},
    "control": {"control-participants"},
    "arms (either)": {"intervention-participants", "control-participants"},
}
REPO_ROOT = Path(__file__).resolve().parents[2]
FILE_NAME = "pico_dev.jsonl"


def default_path() -> Path:
    env = os.environ.get("CLAIMS_BENCHMARKS_DIR")
    if env:
        return Path(env) / FILE_NAME
    return REPO_ROOT.parent / "shared" / "benchmarks" / FILE_NAME


def is_denominator(row: dict, text: str) -> bool:
    return bool(DENOMINATOR_BEFORE_RE.search(text[max(0, row["start"] - 40):row["start"]]))


def is_per_group(row: dict, text: str) -> bool:
    return bool(PER_GROUP_AFTER_RE.match(text[row["end"]:row["end"] + 40]))


def row_class(row: dict, text: str = "") -> set[str]:
    role = row.get("role")
    out = set()
    if role in TOTAL_ROLES and row.get("organism") in ("human", None) and not (
            role == "analyzed" and is_denominator(row, text)) and not is_per_group(row, text):
        out.add("total")
    if role == "intervention_arm":
        out.update({"intervention", "arms (either)"})
    if role == "control_arm":
        out.update({"control", "arms (either)"})
    return out


def gold_value(text: str) -> int | None:
    m = re.match(r"\s*(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2008\u2009\u202f]\d{3})+(?!\d)|\d+|[A-Za-z][A-Za-z\- ]*?)(?=\s*(?:\(|$|[^\w\- ]))",
                 text.strip() + " .")
    if not m:
        return None
    return parse_count(m.group(1))


def trim(start: int, end: int, text: str) -> tuple[int, int]:
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    tail = len(seg) - len(seg.rstrip())
    return start + lead, end - tail


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(docs: list[dict], errors: int = 0) -> dict:
    counts = {c: Counter() for c in CLASSES}
    summary = Counter()
    err_rows: list[str] = []
    for doc in docs:
        text = doc["text"]
        rows = find_sample_sizes(text)
        summ = summarize_sample_sizes(rows, text)
        for cname, labels in CLASSES.items():
            gold = [trim(s["start"], s["end"], text) for s in doc["spans"] if s["label"] in labels]
            gold_vals = [gold_value(text[a:b]) for a, b in gold]
            pred = [r for r in rows if cname in row_class(r, text)]
            pspans = [(r["start"], r["end"]) for r in pred]
            c = counts[cname]
            c["gold"] += len(gold)
            c["pred"] += len(pred)
            c["tp_exact_p"] += sum(1 for p in pspans if p in gold)
            c["tp_exact_g"] += sum(1 for g in gold if g in pspans)
            c["tp_overlap_p"] += sum(1 for p in pspans if any(p[0] < g[1] and g[0] < p[1] for g in gold))
            c["tp_overlap_g"] += sum(1 for g in gold if any(p[0] < g[1] and g[0] < p[1] for p in pspans))
            pvals = {r["n"] for r in pred}
            if cname == "total" and summ["sample_size_total"] is not None:
                pvals_recall = pvals | {summ["sample_size_total"]}
            else:
                pvals_recall = pvals
            for (a, b), v in zip(gold, gold_vals):
                if v is None:
                    continue
                c["gold_val"] += 1
                if v in pvals_recall:
                    c["val_hit"] += 1
                elif cname == "total" and len(err_rows) < errors:
                    err_rows.append(f"MISS {doc['id']} {text[a:b]!r}: ...{text[max(0, a - 90):a]}[[{text[a:b]}]]"
                                    f"{text[b:b + 60]}... pred={sorted(pvals)}")
            gvals = {v for v in gold_vals if v is not None}
            if gvals:
                c["pred_val"] += len(pvals)
                c["pred_val_hit"] += len(pvals & gvals)
                if cname == "total" and len(err_rows) < errors:
                    for r in pred:
                        if r["n"] not in gvals:
                            a, b = r["start"], r["end"]
                            err_rows.append(f"FP {doc['id']} role={r['role']} pop={r['population']!r}: "
                                            f"...{text[max(0, a - 90):a]}[[{text[a:b]}]]{text[b:b + 60]}... "
                                            f"gold={sorted(gvals)}")
        gvals = {gold_value(s["text"]) for s in doc["spans"] if s["label"] == "total-participants"}
        gvals.discard(None)
        if gvals:
            summary["docs"] += 1
            if summ["sample_size_total"] is not None:
                summary["nonnull"] += 1
                if summ["sample_size_total"] in gvals:
                    summary["correct"] += 1
    result: dict = {"documents": len(docs), "classes": {}, "summary": {}}
    for cname, c in counts.items():
        pe, re_, fe = prf(c["tp_exact_p"], c["pred"], c["tp_exact_g"], c["gold"])
        po, ro, fo = prf(c["tp_overlap_p"], c["pred"], c["tp_overlap_g"], c["gold"])
        result["classes"][cname] = {
            "gold": c["gold"], "pred": c["pred"],
            "exact_p": pe, "exact_r": re_, "exact_f1": fe,
            "overlap_p": po, "overlap_r": ro, "overlap_f1": fo,
            "value_recall": c["val_hit"] / c["gold_val"] if c["gold_val"] else 0.0,
            "value_precision": c["pred_val_hit"] / c["pred_val"] if c["pred_val"] else 0.0,
        }
    d = summary["docs"]
    result["summary"] = {
        "docs_with_total": d,
        "accuracy": summary["correct"] / d if d else 0.0,
        "precision": summary["correct"] / summary["nonnull"] if summary["nonnull"] else 0.0,
        "coverage": summary["nonnull"] / d if d else 0.0,
    }
    result["errors"] = err_rows
    return result


def markdown(result: dict) -> str:
    lines = [
        f"PICO sample sizes, {result['documents']} documents",
        "",
        "| class | gold | pred | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 "
        "| value R | value P |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for cname, c in result["classes"].items():
        lines.append(
            f"| {cname} | {c['gold']} | {c['pred']} | {c['exact_p']:.3f} | {c['exact_r']:.3f} | "
            f"{c['exact_f1']:.3f} | {c['overlap_p']:.3f} | {c['overlap_r']:.3f} | {c['overlap_f1']:.3f} | "
            f"{c['value_recall']:.3f} | {c['value_precision']:.3f} |"
        )
    s = result["summary"]
    lines += [
        "",
        "| sample_size_total | value |",
        "|---|---|",
        f"| documents with a total | {s['docs_with_total']} |",
        f"| accuracy | {s['accuracy']:.3f} |",
        f"| precision (non-null) | {s['precision']:.3f} |",
        f"| coverage (non-null) | {s['coverage']:.3f} |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", help="PICO JSONL file (default: ../shared/benchmarks/pico_dev.jsonl)")
    ap.add_argument("--json", dest="json_out", help="write the figures to this JSON file")
    ap.add_argument("--errors", type=int, default=0, help="print up to N error examples for totals")
    args = ap.parse_args(argv)
    path = Path(args.path) if args.path else default_path()
    if not path.is_file():
        print(f"PICO benchmark not found at {path}; skipping.")
        return 0
    t0 = time.perf_counter()
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    result = evaluate(docs, errors=args.errors)
    result["seconds"] = round(time.perf_counter() - t0, 2)
    print(markdown(result))
    print(f"\n({result['seconds']} s)")
    for e in result["errors"]:
        print(e)
    if args.json_out:
        out = {k: v for k, v in result.items() if k != "errors"}
        Path(args.json_out).write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
