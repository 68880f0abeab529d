"""Throughput, per-stage time, memory and multi-process speed-up (`make bench`).

    python -m pipeline.bench [--limit N] [--fulltext-limit M] [--scaling-limit A]
                             [--scaling-fulltexts F] [--json OUT] [--profile]

Corpora: ../shared/benchmarks/abstracts_4k.jsonl and fulltexts_400.jsonl (relative to the
repository root) when present, else a synthetic corpus generated here. One run prints:

* docs/s and MB/s of the full pipeline (nlp + rows + Parquet writing) and of the floor (blank
  English + the scispaCy tokenizer + spaCy's rule sentencizer) on the same texts, and the ratio;
* time per stage, measured by running `nlp.pipeline` component by component on each doc;
* scispaCy's abbreviation detector against the `claims_abbreviations` component;
* `extract` with 1 and 2 processes on a temporary JSONL copy of every abstract and full text
  (full texts spread among the abstracts), run alternately twice each, fastest runs compared: speed-up end to end and
  of the shard processing alone (after the one-off pipeline build), and the peak RSS of every
  process.

Figures are wall-clock; CPU seconds are shown too, since other load on the machine slows the
wall clock but not the CPU time.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO_ROOT.parent / "shared" / "benchmarks"
STAGE_NAMES = {"sentences": "sentences", "sections": "sections", "abbreviations": "abbreviations",
               "entities": "entities", "statistics": "statistics", "sample_sizes": "sample sizes",
               "claims": "claims"}
TARGETS = {"full_vs_floor": 0.5, "speedup_2": 1.8, "rss_mb": 1024}


# ----------------------------------------------------------------------------- corpora
def load_corpus(bench_dir: Path, limit: int, fulltext_limit: int) -> tuple[dict[str, list[str]], str]:
    """{"abstracts": [...], "fulltexts": [...]} and where they came from."""
    corpora: dict[str, list[str]] = {}
    for name, filename, n in (("abstracts", "abstracts_4k.jsonl", limit),
                              ("fulltexts", "fulltexts_400.jsonl", fulltext_limit)):
        path = bench_dir / filename
        if n > 0 and path.is_file():
            texts = []
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if len(texts) >= n:
                        break
                    record = json.loads(line)
                    title = record.get("title")
                    text = record.get("text") or ""
                    texts.append(f"{title}\n\n{text}" if title else text)
            corpora[name] = texts
    if corpora:
        return corpora, str(bench_dir)
    return {"abstracts": synthetic_abstracts(max(limit, 1)),
            "fulltexts": [synthetic_fulltext(i) for i in range(max(fulltext_limit, 0))]}, "synthetic"


_SENTENCES = [
    "We randomly assigned {n} adults aged {a} to {b} years to {drug} {d} mg/day or placebo.",
    "{Drug} reduced C-reactive protein (CRP) by {p}% (P=0.0{q}; 95% CI 0.{q}1-0.9{q}).",
    "The hazard ratio for death was 0.{q}{p} (95% CI 0.5{q} to 0.9{p}) over {w} weeks.",
    "Mean grip strength was {a}.{q}\u00b13.{q} kg vs 2{q}.1\u00b12.{p} kg (p = 0.{p}{q}).",
    "Interleukin-6 (IL-6) fell in {n} mice given dasatinib and quercetin (D+Q).",
    "Adverse events occurred in {p} of {n} ({q}.{p}%) participants; none were serious.",
    "These findings suggest that {drug} may improve frailty in older adults.",
]
_DRUGS = ["rapamycin", "metformin", "atorvastatin", "aspirin", "fisetin", "vitamin D", "NMN"]


def synthetic_abstracts(n: int, seed: int = 7) -> list[str]:
    """Abstract-like texts with headings, statistics, sample sizes and claims."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        drug = rng.choice(_DRUGS)
        values = dict(n=rng.randint(12, 4000), a=rng.randint(40, 70), b=rng.randint(71, 90),
                      drug=drug, Drug=drug[:1].upper() + drug[1:], d=rng.choice([1, 5, 500]),
                      p=rng.randint(1, 9), q=rng.randint(1, 9), w=rng.randint(4, 96))
        parts = [f"{values['Drug']} in older adults: trial {i}", ""]
        for label in ("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"):
            chosen = rng.sample(_SENTENCES, 2)
            parts.append(f"{label}: " + " ".join(s.format(**values) for s in chosen))
        out.append("\n".join(parts) + "\n")
    return out


def synthetic_fulltext(i: int) -> str:
    """A long article: many sections of synthetic abstract paragraphs."""
    body = synthetic_abstracts(12, seed=1000 + i)
    sections = ["Introduction", "Methods", "Results", "Discussion"]
    parts = [f"Full text {i}", ""]
    for k, text in enumerate(body):
        if k % 3 == 0:
            parts += [sections[(k // 3) % 4], ""]
        parts += [text.split("\n", 2)[2].replace("\n", " "), ""]
    return "\n".join(parts)


# ----------------------------------------------------------------------------- measuring
def _mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def bench_stages(nlp, texts: list[str], out_dir: Path) -> dict[str, Any]:
    """Run the pipeline component by component on each text; time every stage."""
    import pyarrow.parquet as pq

    from pipeline.extractors.rows import doc_to_rows
    from pipeline.ingest.models import RawArticle
    from pipeline.schema import TABLES
    from pipeline.store import tables_from_rows

    clock = time.process_time  # CPU time: other load on the machine does not inflate it
    cpu = {"tokenize": 0.0, **{name: 0.0 for name, _ in nlp.pipeline}, "writing": 0.0}
    cpu_start = clock()
    rows: dict[str, list] = {name: [] for name in TABLES}
    started = time.perf_counter()
    for i, text in enumerate(texts):
        t0 = clock()
        doc = nlp.make_doc(text)
        t1 = clock()
        cpu["tokenize"] += t1 - t0
        for name, proc in nlp.pipeline:
            doc = proc(doc)
            t2 = clock()
            cpu[name] += t2 - t1
            t1 = t2
        article_rows = doc_to_rows(doc, RawArticle(source=f"bench/{i}", text=text, format="txt"))
        for name, table_rows in article_rows.items():
            rows[name].extend(table_rows)
        cpu["writing"] += clock() - t1
    t0 = clock()
    for name, table in tables_from_rows(rows).items():
        pq.write_table(table, out_dir / f"{name}.parquet", compression="zstd")
    cpu["writing"] += clock() - t0
    seconds = time.perf_counter() - started
    return {"docs": len(texts), "mb": _mb(texts), "seconds": seconds,
            "cpu_seconds": clock() - cpu_start, "stages": cpu,
            "rows": {name: len(table_rows) for name, table_rows in rows.items()}}


def floor_nlp():
    """Blank English + the scispaCy tokenizer + spaCy's rule sentencizer."""
    import spacy
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


def bench_floor(texts: list[str]) -> dict[str, Any]:
    nlp = floor_nlp()
    cpu = time.process_time()
    started = time.perf_counter()
    sentences = 0
    for text in texts:
        sentences += sum(1 for _ in nlp(text).sents)
    return {"docs": len(texts), "mb": _mb(texts), "seconds": time.perf_counter() - started,
            "cpu_seconds": time.process_time() - cpu, "sentences": sentences}


def bench_abbreviations(nlp, texts: list[str]) -> dict[str, float]:
    """scispaCy's abbreviation detector vs claims_abbreviations, CPU seconds on the same docs."""
    from scispacy.abbreviation import AbbreviationDetector

    from pipeline.nlp.abbreviations import find_abbreviations

    detector = AbbreviationDetector(nlp, make_serializable=True)
    docs = [nlp.make_doc(t) for t in texts]
    start = time.process_time()
    reference = []
    for doc in docs:
        detector(doc)
        reference.append(doc._.abbreviations)
    t_ref = time.process_time() - start
    start = time.process_time()
    ours = [find_abbreviations(doc) for doc in docs]
    t_new = time.process_time() - start

    def key(rows):
        return sorted(tuple(sorted(r.items())) for r in rows)

    same = sum(key(a) == key(b) for a, b in zip(reference, ours))
    return {"docs": len(docs), "scispacy_cpu": t_ref, "claims_cpu": t_new, "same_docs": same,
            "abbreviations": sum(map(len, reference))}


def run_extract(raw: Path, out: Path, n_process: int, config: Path) -> dict[str, Any]:
    """`python -m pipeline extract` in a subprocess; wall time and peak RSS of every process."""
    cmd = [sys.executable, "-m", "pipeline", "extract", "--raw", str(raw), "--out", str(out),
           "--n-process", str(n_process), "--config", str(config), "--force"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    peaks, cpu = _watch_rss(proc)
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"extract with {n_process} process(es) failed: {stderr[-500:]}")
    reported = {}
    for line in stdout.splitlines():
        for part in line.split("|"):
            label, _, value = part.partition(":")
            if label.strip() in ("build seconds", "process seconds", "seconds"):
                reported[label.strip()] = float(value.strip())
    workers = sorted(peaks.values(), reverse=True)
    return {"n_process": n_process, "wall_seconds": seconds, "extract_seconds": reported.get("seconds"),
            "build_seconds": reported.get("build seconds"),
            "process_seconds": reported.get("process seconds"),
            "peak_rss_mb": workers, "cpu_seconds": sorted(cpu.values(), reverse=True),
            "summary": stdout.strip()}


def _watch_rss(proc: subprocess.Popen) -> tuple[dict[int, float], dict[int, float]]:
    """Peak RSS (MB) and CPU seconds of the process and each of its descendants while it runs."""
    peaks: dict[int, float] = {}
    cpu: dict[int, float] = {}
    try:
        import psutil
    except ImportError:
        proc.wait()
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return {proc.pid: usage.ru_maxrss / 1024}, {proc.pid: usage.ru_utime + usage.ru_stime}
    try:
        root = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        return peaks, cpu
    while proc.poll() is None:
        try:
            family = [root] + root.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        for member in family:
            try:
                rss = member.memory_info().rss / 1048576
                times = member.cpu_times()
            except psutil.Error:
                continue
            peaks[member.pid] = max(peaks.get(member.pid, 0.0), rss)
            cpu[member.pid] = times.user + times.system
        time.sleep(0.1)
    return peaks, cpu


def scaling_corpus(bench_dir: Path, source: str, corpora: dict[str, list[str]], abstracts: int,
                   fulltexts: int) -> list[str]:
    """Abstracts and full texts for the 1 vs 2 process runs, full texts spread evenly among the
    abstracts (a mixed corpus, and no run of long articles at the end of the queue)."""
    if source == "synthetic":
        pool = {"abstracts": corpora.get("abstracts", [])[:abstracts],
                "fulltexts": corpora.get("fulltexts", [])[:fulltexts]}
    else:
        pool, _ = load_corpus(bench_dir, abstracts, fulltexts)
    short, long_ = pool.get("abstracts", []), pool.get("fulltexts", [])
    if not long_:
        return list(short)
    mixed: list[str] = []
    step = len(short) / len(long_)
    for i, text in enumerate(long_):
        mixed += short[round(i * step):round((i + 1) * step)]
        mixed.append(text)
    return mixed


def bench_scaling(texts: list[str], work: Path, repeats: int = 2, shard_size: int | None = None) -> dict[str, Any]:
    """extract with 1 and 2 processes on the same JSONL copy of the texts, alternating, `repeats`
    times each; the fastest run of each is compared (other load only ever adds time). Shards
    have the configured size unless `shard_size` is given."""
    from pipeline.nlp.builder import load_config

    raw = work / "raw"
    raw.mkdir()
    with open(raw / "corpus.jsonl", "w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            handle.write(json.dumps({"id": str(i), "text": text}) + "\n")
    config = work / "bench.cfg"
    overrides = {"claims.shard_size": shard_size} if shard_size else {}
    config.write_text(load_config(overrides=overrides).to_str(), "utf-8")
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    for _ in range(max(1, repeats)):
        for n_process in (1, 2):
            runs[n_process].append(run_extract(raw, work / f"out{n_process}", n_process, config))
    one = min(runs[1], key=lambda run: run["wall_seconds"])
    two = min(runs[2], key=lambda run: run["wall_seconds"])
    # CPU-bound estimate, robust to other load: the work of one process over the busiest of two
    busiest = max(two["cpu_seconds"][:1] or [0.0])
    return {"docs": len(texts), "one": one, "two": two,
            "walls": {n: [run["wall_seconds"] for run in found] for n, found in runs.items()},
            "speedup": one["wall_seconds"] / two["wall_seconds"],
            "speedup_cpu": (sum(one["cpu_seconds"]) / busiest) if busiest else None,
            "speedup_extract": (one["extract_seconds"] / two["extract_seconds"]
                                if one["extract_seconds"] and two["extract_seconds"] else None),
            "speedup_processing": (one["process_seconds"] / two["process_seconds"]
                                   if one["process_seconds"] and two["process_seconds"] else None)}


def profile_hot_spots(nlp, texts: list[str]) -> str:
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "(pyinstrument not installed: pip install pyinstrument)"
    profiler = Profiler()
    profiler.start()
    for text in texts:
        nlp(text)
    profiler.stop()
    return profiler.output_text(unicode=False, color=False, show_all=False)


# ----------------------------------------------------------------------------- report
def _rate(docs: int, mb: float, seconds: float) -> str:
    seconds = max(seconds, 1e-9)
    return f"{docs / seconds:8.1f} docs/s {mb / seconds:7.3f} MB/s"


def report(results: dict[str, Any]) -> str:
    lines = [f"corpus: {results['source']} | load average {results['loadavg']} | "
             f"{results['cpus']} CPUs"]
    for name in ("abstracts", "fulltexts", "all"):
        full, floor = results["full"].get(name), results["floor"].get(name)
        if not full:
            continue
        ratio = full["docs"] / full["seconds"] / (floor["docs"] / floor["seconds"])
        lines.append(f"{name:9s} ({full['docs']} docs, {full['mb']:.2f} MB)")
        cpu_ratio = floor["cpu_seconds"] / max(full["cpu_seconds"], 1e-9)
        lines.append(f"  full pipeline wall {_rate(full['docs'], full['mb'], full['seconds'])} | "
                     f"per CPU-second {_rate(full['docs'], full['mb'], full['cpu_seconds'])}")
        lines.append(f"  floor         wall {_rate(floor['docs'], floor['mb'], floor['seconds'])} | "
                     f"per CPU-second {_rate(floor['docs'], floor['mb'], floor['cpu_seconds'])}")
        lines.append(f"  full / floor  {ratio:.3f} wall, {cpu_ratio:.3f} cpu "
                     f"(target >= {TARGETS['full_vs_floor']})")
    stages = results["full"]["all"]["stages"]
    total = sum(stages.values()) or 1.0
    docs = results["full"]["all"]["docs"]
    lines.append("per stage (all docs)  cpu seconds   ms/doc   share")
    for name, seconds in stages.items():
        label = STAGE_NAMES.get(name, name)
        lines.append(f"  {label:20s} {seconds:9.2f} {1000 * seconds / docs:8.2f} {seconds / total:7.1%}")
    abbr = results.get("abbreviations")
    if abbr:
        lines.append(f"abbreviations on {abbr['docs']} docs: scispaCy detector {abbr['scispacy_cpu']:.2f} s "
                     f"cpu, claims_abbreviations {abbr['claims_cpu']:.2f} s cpu "
                     f"({abbr['scispacy_cpu'] / max(abbr['claims_cpu'], 1e-9):.1f}x faster), "
                     f"same output on {abbr['same_docs']}/{abbr['docs']} docs")
    scaling = results.get("scaling")
    if scaling:
        one, two = scaling["one"], scaling["two"]
        walls = "; ".join(f"{n} process{'es' if int(n) > 1 else ''} "
                          + ", ".join(f"{w:.1f}" for w in ws) for n, ws in scaling["walls"].items())
        lines.append(f"extract runs (wall seconds, alternating): {walls}")
        lines.append(f"extract on {scaling['docs']} docs, fastest runs: 1 process {one['wall_seconds']:.1f} s, "
                     f"2 processes {two['wall_seconds']:.1f} s -> speed-up {scaling['speedup']:.2f}x "
                     f"(target >= {TARGETS['speedup_2']}); from CPU seconds "
                     f"{scaling['speedup_cpu'] or float('nan'):.2f}x")
        lines.append(f"  processing the shards (after the one-off pipeline build of "
                     f"{one['build_seconds'] or 0:.1f} s / {two['build_seconds'] or 0:.1f} s): "
                     f"{one['process_seconds'] or 0:.1f} s vs {two['process_seconds'] or 0:.1f} s -> "
                     f"speed-up {scaling['speedup_processing'] or float('nan'):.2f}x "
                     f"(target >= {TARGETS['speedup_2']})")
        peak = max(one["peak_rss_mb"][:1] + two["peak_rss_mb"][:1])
        lines.append(f"  peak RSS per process: 1 process {', '.join(f'{m:.0f}' for m in one['peak_rss_mb'][:1])} MB; "
                     f"2 processes {', '.join(f'{m:.0f}' for m in two['peak_rss_mb'][:3])} MB "
                     f"(largest {peak:.0f} MB, target <= {TARGETS['rss_mb']} MB)")
    lines.append(f"peak RSS of this process: {results['self_rss_mb']:.0f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=400, help="abstracts to use (default 400)")
    parser.add_argument("--fulltext-limit", type=int, default=30, help="full texts (default 30)")
    parser.add_argument("--scaling-limit", type=int, default=5000,
                        help="abstracts for the 1 vs 2 process extract runs (default 5000: all of "
                             "them; 0 with --scaling-fulltexts 0 skips the runs)")
    parser.add_argument("--scaling-fulltexts", type=int, default=400,
                        help="full texts for the 1 vs 2 process extract runs (default 400: all)")
    parser.add_argument("--scaling-repeats", type=int, default=2,
                        help="runs of each of the 1 and 2 process extracts, alternating; the "
                             "fastest of each is compared (default 2)")
    parser.add_argument("--scaling-shard-size", type=int, default=None,
                        help="shard size of the extract runs (default: the configured one)")
    parser.add_argument("--bench-dir", type=Path, default=BENCH_DIR)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    parser.add_argument("--profile", action="store_true", help="print pyinstrument hot spots")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")

    from pipeline.api import get_nlp

    corpora, source = load_corpus(args.bench_dir, args.limit, args.fulltext_limit)
    nlp = get_nlp(None)
    results: dict[str, Any] = {"source": source, "cpus": os.cpu_count(),
                               "loadavg": " ".join(f"{x:.1f}" for x in os.getloadavg()),
                               "pipeline": nlp.pipe_names, "full": {}, "floor": {}}
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp:
        work = Path(tmp)
        everything: list[str] = []
        for name, texts in corpora.items():
            if not texts:
                continue
            everything += texts
            (work / name).mkdir()
            results["full"][name] = bench_stages(nlp, texts, work / name)
            results["floor"][name] = bench_floor(texts)
        (work / "all").mkdir()
        merged = {"docs": 0, "mb": 0.0, "seconds": 0.0, "cpu_seconds": 0.0, "stages": {}}
        floor_all = {"docs": 0, "mb": 0.0, "seconds": 0.0, "cpu_seconds": 0.0}
        for name in corpora:
            part = results["full"].get(name)
            if not part:
                continue
            for key in ("docs", "mb", "seconds", "cpu_seconds"):
                merged[key] += part[key]
                floor_all[key] += results["floor"][name][key]
            for stage, seconds in part["stages"].items():
                merged["stages"][stage] = merged["stages"].get(stage, 0.0) + seconds
        results["full"]["all"], results["floor"]["all"] = merged, floor_all
        results["abbreviations"] = bench_abbreviations(nlp, everything)
        if args.scaling_limit > 0 or args.scaling_fulltexts > 0:
            (work / "scaling").mkdir()
            results["scaling"] = bench_scaling(
                scaling_corpus(args.bench_dir, source, corpora, args.scaling_limit,
                               args.scaling_fulltexts), work / "scaling", args.scaling_repeats,
                args.scaling_shard_size)
        if args.profile:
            results["profile"] = profile_hot_spots(nlp, everything[:200])
    results["self_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(report(results))
    if args.profile:
        print(results["profile"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
