"""Direction of effect against Evidence Inference 2.0 (PMC full-text RCTs).

Each gold span is an evidence passage with a direction label (increase / decrease / no_effect)
and intervention / comparator / outcome prompts. The claims extractor runs over each whole
document; a passage is *covered* when at least one claim overlaps it, and *correct* when the
overlapping claim whose outcome best matches the prompt's outcome (token overlap) has the gold
direction.

    python -m pipeline.evaluation.evidence_inference [--path FILE] [--limit N] [--json OUT]

The benchmark file is read at run time from ``../shared/benchmarks/evidence_inference_dev.jsonl``
relative to the repository root, or from ``$CLAIMS_BENCHMARKS_DIR``; when it is absent the
command prints a message and exits 0.
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

from pipeline.claims import find_claims_and_doses
from pipeline.claims.context import split_sentences

FILENAME = "evidence_inference_dev.jsonl"
LABELS = ("increase", "decrease", "no_effect")
REPO_ROOT = Path(__file__).resolve().parents[2]
_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = {"the", "of", "and", "in", "a", "an", "to", "for", "with", "on", "at", "by", "or", "as",
         "is", "was", "were", "be", "from", "that", "this", "group", "groups", "patients"}


def default_path() -> Path:
    env = os.environ.get("CLAIMS_BENCHMARKS_DIR")
    base = Path(env) if env else REPO_ROOT.parent / "shared" / "benchmarks"
    return base / FILENAME


def _statistics_finder():
    """pipeline.statistics.find_statistics when it exists, else None."""
    try:
        from pipeline import statistics as st  # noqa: WPS433
    except Exception:
        return None
    fn = getattr(st, "find_statistics", None)
    return fn if callable(fn) else None


def _sentence_splitter():
    """The framework's sentence splitter when it offers a plain-text one, else ours."""
    try:
        from pipeline import nlp  # noqa: WPS433
        fn = getattr(nlp, "split_sentences", None)
        if callable(fn):
            return fn
    except Exception:
        pass
    return None


def _tokens(s: str | None) -> set[str]:
    return {t for t in _TOKEN.findall((s or "").lower()) if t not in _STOP}


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(b)


def _sentences(text: str, splitter) -> list[dict]:
    spans = None
    if splitter is not None:
        try:
            got = splitter(text)
            spans = [(int(s["start"]), int(s["end"])) if isinstance(s, dict) else (int(s[0]), int(s[1]))
                     for s in got]
        except Exception:
            spans = None
    if spans is None:
        spans = split_sentences(text)
    return [{"start": a, "end": b, "section": None} for a, b in spans]


def _sections(text: str) -> list[dict]:
    """Evidence Inference texts mark headings as lines like 'ABSTRACT.RESULTS:' / 'BODY.METHODS...'."""
    out = []
    for m in re.finditer(r"(?m)^(?:TITLE|ABSTRACT|BODY)(?:\.[^\n]*)?:?\s*$", text):
        title = m.group(0).strip().rstrip(":")
        title = title.split(".", 1)[1] if "." in title else title
        out.append({"start": m.start(), "end": m.end(), "title": title})
    return out


def evaluate(path: Path, limit: int | None = None) -> dict:
    find_stats = _statistics_finder()
    splitter = _sentence_splitter()
    totals: Counter = Counter()
    covered: Counter = Counter()
    correct: Counter = Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    n_docs = n_claims = 0
    t0 = time.time()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and n_docs >= limit:
                break
            doc = json.loads(line)
            text = doc["text"]
            n_docs += 1
            stats = []
            if find_stats is not None:
                try:
                    stats = list(find_stats(text))
                except Exception:
                    stats = []
            sentences = _sentences(text, splitter)
            sections = _sections(text)
            if sections:
                k = -1
                for s in sentences:
                    while k + 1 < len(sections) and sections[k + 1]["start"] <= s["start"]:
                        k += 1
                    s["section"] = sections[k]["title"] if k >= 0 else None
            claims, _, _ = find_claims_and_doses(text, sentences, sections, [], stats, [])
            n_claims += len(claims)
            seen = set()
            for span in doc["spans"]:
                key = (span["start"], span["end"], span.get("prompt_id"), span["label"])
                if key in seen:
                    continue
                seen.add(key)
                gold = span["label"]
                totals[gold] += 1
                hits = [c for c in claims if c["start"] < span["end"] and span["start"] < c["end"]]
                if not hits:
                    confusion[gold]["(none)"] += 1
                    continue
                covered[gold] += 1
                want = _tokens(span.get("outcome"))
                with_dir = [c for c in hits if c["direction"]] or hits
                best = max(with_dir, key=lambda c: (_overlap(_tokens(c["outcome"]), want),
                                                    -abs(c["start"] - span["start"])))
                pred = best["direction"] or "(none)"
                confusion[gold][pred] += 1
                if pred == gold:
                    correct[gold] += 1
    elapsed = time.time() - t0
    result = {"documents": n_docs, "claims": n_claims, "seconds": round(elapsed, 1), "per_label": {}}
    for lab in LABELS + ("all",):
        tot = sum(totals.values()) if lab == "all" else totals[lab]
        cov = sum(covered.values()) if lab == "all" else covered[lab]
        cor = sum(correct.values()) if lab == "all" else correct[lab]
        result["per_label"][lab] = {
            "passages": tot, "covered": cov, "correct": cor,
            "coverage": round(cov / tot, 4) if tot else None,
            "accuracy": round(cor / cov, 4) if cov else None,
        }
    result["confusion"] = {g: dict(c) for g, c in confusion.items()}
    result["statistics_extractor"] = find_stats is not None
    return result


def markdown(result: dict) -> str:
    lines = [f"Evidence Inference: {result['documents']} documents, {result['claims']} claims, "
             f"{result['seconds']} s (statistics extractor: "
             f"{'yes' if result['statistics_extractor'] else 'no'})", "",
             "| label | passages | covered | coverage | direction accuracy |",
             "|---|---:|---:|---:|---:|"]
    for lab, r in result["per_label"].items():
        cov = "-" if r["coverage"] is None else f"{r['coverage']:.3f}"
        acc = "-" if r["accuracy"] is None else f"{r['accuracy']:.3f}"
        lines.append(f"| {lab} | {r['passages']} | {r['covered']} | {cov} | {acc} |")
    lines += ["", "Confusion (gold -> predicted):", "", "| gold | " + " | ".join(LABELS + ("(none)",)) + " |",
              "|---|" + "---:|" * (len(LABELS) + 1)]
    for g in LABELS:
        row = result["confusion"].get(g, {})
        lines.append(f"| {g} | " + " | ".join(str(row.get(p, 0)) for p in LABELS + ("(none)",)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluation.evidence_inference",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--path", type=Path, default=None, help=f"benchmark JSONL (default: {default_path()})")
    ap.add_argument("--limit", type=int, default=None, help="evaluate the first N documents only")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    path = args.path or default_path()
    if not path.exists():
        print(f"evidence inference benchmark not found at {path}; skipping.")
        return 0
    result = evaluate(path, args.limit)
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
