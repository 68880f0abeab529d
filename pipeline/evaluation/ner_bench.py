"""Entity-recognition benchmark on public corpora (BC5CDR, NCBI-disease).

    python -m pipeline.evaluation.ner_bench [--path DIR] [--json OUT] [--limit N]

Reads `bc5cdr_dev.jsonl` (CHEMICAL, DISEASE) and `ncbi_disease_dev.jsonl` (DISEASE) from
DIR (default: env CLAIMS_BENCHMARKS_DIR, else ../shared/benchmarks beside the repository)
at run time, runs the default nlp + the entity recogniser, and prints precision / recall /
F1 per label with exact and overlap matching, plus cost figures. Exits 0 with a message
when the files are absent.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPORA = (("bc5cdr", "bc5cdr_dev.jsonl", ("CHEMICAL", "DISEASE")),
           ("ncbi_disease", "ncbi_disease_dev.jsonl", ("DISEASE",)))


def default_dir() -> Path:
    env = os.environ.get("CLAIMS_BENCHMARKS_DIR")
    return Path(env) if env else REPO.parent / "shared" / "benchmarks"


def build_nlp():
    """The project's nlp when available, else the equivalent blank-based pipeline."""
    try:
        from pipeline.nlp.builder import build_nlp as _build
    except ImportError:
        _build = None
    if _build is not None:
        nlp = _build()
        if "abbreviations" in nlp.pipe_names:
            # keep the stages the recogniser runs after; it is called directly here
            keep = nlp.pipe_names[: nlp.pipe_names.index("abbreviations") + 1]
            for name in list(nlp.pipe_names):
                if name not in keep:
                    nlp.remove_pipe(name)
            return nlp
    import spacy
    import scispacy.abbreviation  # noqa: F401  (registers abbreviation_detector)
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviation_detector", config={"make_serializable": True})
    return nlp


def score(gold: list[tuple], pred: list[tuple], labels) -> dict:
    """P/R/F1 per label; exact = same (start, end, label); overlap = same label and any
    character overlap (each gold and predicted span counted at most once)."""
    out = {}
    for label in labels:
        g = [x for x in gold if x[3] == label]
        p = [x for x in pred if x[3] == label]
        res = {}
        # exact
        gs = {(d, s, e) for d, s, e, _ in g}
        ps = {(d, s, e) for d, s, e, _ in p}
        tp = len(gs & ps)
        res["exact"] = _prf(tp, len(ps), len(gs), tp)
        # overlap: predicted spans overlapping a gold span / gold spans overlapped
        by_doc: dict = {}
        for d, s, e, _ in g:
            by_doc.setdefault(d, []).append((s, e))
        tp_p = sum(1 for d, s, e, _ in p if any(s < ge and gs_ < e for gs_, ge in by_doc.get(d, ())))
        pby: dict = {}
        for d, s, e, _ in p:
            pby.setdefault(d, []).append((s, e))
        tp_g = sum(1 for d, s, e, _ in g if any(s < pe and ps_ < e for ps_, pe in pby.get(d, ())))
        res["overlap"] = _prf(tp_p, len(p), len(g), tp_g)
        out[label] = res
    return out


def _prf(tp_pred: int, n_pred: int, n_gold: int, tp_gold: int) -> dict:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "n_gold": n_gold, "n_pred": n_pred}


def rss_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(path: Path, limit: int | None = None, errors: str | None = None) -> dict | None:
    files = [(n, path / f, labels) for n, f, labels in CORPORA if (path / f).exists()]
    if not files:
        return None
    from pipeline.entities import EntityRecognizer
    from pipeline.entities.lexicon import cache_path

    rss0 = rss_mb()
    nlp = build_nlp()
    rss1 = rss_mb()
    t0 = time.perf_counter()
    rec = EntityRecognizer()
    init_s = time.perf_counter() - t0
    rec_mb = rss_mb() - rss1
    info = dict(rec.load_info)
    if not info["built"]:
        # measure a build too (into memory only)
        from pipeline.entities.lexicon import compile_lexicon
        info["build_seconds"] = compile_lexicon().build_seconds
    else:
        t0 = time.perf_counter()
        import pickle
        with open(cache_path(), "rb") as fh:
            pickle.load(fh)
        info["load_seconds"] = time.perf_counter() - t0
    result = {"corpora": {}, "cost": {}}
    ent_time = 0.0
    n_docs = 0
    err_fh = open(errors, "w") if errors else None
    for name, f, labels in files:
        docs = [json.loads(line) for line in open(f, encoding="utf-8") if line.strip()]
        if limit:
            docs = docs[:limit]
        gold, pred = [], []
        for d in docs:
            doc = nlp(d["text"])
            t0 = time.perf_counter()
            ents = rec(doc)
            ent_time += time.perf_counter() - t0
            n_docs += 1
            g = [(d["id"], s["start"], s["end"], s["label"]) for s in d["spans"] if s["label"] in labels]
            p = [(d["id"], e["start"], e["end"], e["label"]) for e in ents if e["label"] in labels]
            gold += g
            pred += p
            if err_fh:
                gs, ps = set(g), set(p)
                for x in sorted(gs - ps):
                    err_fh.write(f"{name}\tFN\t{x[3]}\t{d['text'][x[1]:x[2]]}\n")
                for x in sorted(ps - gs):
                    src = next((e["source"] for e in ents if e["start"] == x[1] and e["end"] == x[2]), "")
                    err_fh.write(f"{name}\tFP\t{x[3]}\t{d['text'][x[1]:x[2]]}\t{src}\n")
        result["corpora"][name] = {"docs": len(docs), "scores": score(gold, pred, labels)}
    result["cost"] = {
        "lexicon_build_s": round(info["build_seconds"], 2),
        "lexicon_load_s": round(info["load_seconds"], 2),
        "recognizer_init_s": round(init_s, 2),
        "lexicon_entries": len(rec.entries),
        "recognizer_rss_mb": round(rec_mb, 1),
        "process_rss_mb": round(rss_mb(), 1),
        "rss_since_start_mb": round(rss_mb() - rss0, 1),
        "entity_docs_per_s": round(n_docs / ent_time, 1) if ent_time else None,
    }
    return result


def table(result: dict) -> str:
    lines = ["| corpus | label | match | P | R | F1 | gold | pred |",
             "|---|---|---|---|---|---|---|---|"]
    for name, c in result["corpora"].items():
        for label, res in c["scores"].items():
            for mode in ("exact", "overlap"):
                r = res[mode]
                lines.append(f"| {name} | {label} | {mode} | {r['precision']:.3f} | "
                             f"{r['recall']:.3f} | {r['f1']:.3f} | {r['n_gold']} | {r['n_pred']} |")
    cost = result["cost"]
    lines += ["", "| cost | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in cost.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--path", type=Path, default=None, help="benchmark directory")
    ap.add_argument("--json", type=Path, default=None, help="write the results as JSON here")
    ap.add_argument("--limit", type=int, default=None, help="first N documents per corpus")
    ap.add_argument("--errors", default=None, help="write false positives/negatives (TSV)")
    args = ap.parse_args(argv)
    path = args.path or default_dir()
    result = run(path, args.limit, args.errors)
    if result is None:
        print(f"ner_bench: no benchmark files in {path}; skipped")
        return 0
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
