"""Evaluation entry points: score the pipeline on the gold articles and run the benchmarks.

    python -m pipeline.evaluation.run [--gold DIR] [--benchmarks] [--json OUT]
    python -m pipeline.evaluation.run --write-baseline      # current scores -> tests/gold/baseline.json
    python -m pipeline.evaluation.run --compare old.json     # exit 1 when a score went down

(`python -m pipeline evaluate ...` takes the same options.)
"""
from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

from pipeline.evaluation import scorecard as sc
from pipeline.evaluation.scoring import score_corpus

DEFAULT_GOLD = Path("tests/gold")
DEFAULT_JSON = Path("outputs/scorecard.json")
DEFAULT_BASELINE = Path("tests/gold/baseline.json")
BENCHMARK_MODULES = ("pipeline.evaluation.pico", "pipeline.evaluation.ner_bench",
                     "pipeline.evaluation.evidence_inference")
BENCH_ENV = "CLAIMS_BENCHMARKS_DIR"


def default_bench_dir(repo_root: Path | None = None) -> Path:
    """Benchmarks live outside the repository: $CLAIMS_BENCHMARKS_DIR or ../shared/benchmarks."""
    if os.environ.get(BENCH_ENV):
        return Path(os.environ[BENCH_ENV])
    root = Path(repo_root) if repo_root else Path.cwd()
    return root.resolve().parent / "shared" / "benchmarks"


# --------------------------------------------------------------------------------------------
# Gold

def load_gold_articles(gold_dir: Path, repo_root: Path) -> list[Any]:
    from pipeline.evaluation.gold import load_gold  # imported late: optional at import time

    return list(load_gold(Path(gold_dir), Path(repo_root)))


def predict(docs: dict[str, str], config_path: Path | None = None) -> dict[str, Any]:
    from pipeline.api import extract_texts

    return extract_texts(docs, config_path=config_path)


def evaluate_gold(gold_dir: Path, repo_root: Path, config_path: Path | None = None,
                  *, details: bool = False) -> dict[str, Any]:
    """Run the pipeline on the gold articles' texts (keyed by their path) and score the rows.

    Returns the scorecard dict of `scoring.score_corpus` plus `gold_dir` and `elapsed_s`.
    """
    t0 = time.perf_counter()
    gold = load_gold_articles(gold_dir, repo_root)
    docs = {str(a.path): a.text for a in gold}
    tables = predict(docs, config_path) if docs else {}
    result = score_corpus(gold, tables, details=details)
    result["gold_dir"] = str(gold_dir)
    result["elapsed_s"] = round(time.perf_counter() - t0, 2)
    return result


# --------------------------------------------------------------------------------------------
# Benchmarks

def _argv_candidates(json_path: Path, limit: int | None) -> list[list[str]]:
    """Argument forms tried in turn: the benchmark scripts take `--json FILE` (and some
    `--limit N`) and find the corpora through $CLAIMS_BENCHMARKS_DIR."""
    forms = [["--json", str(json_path)], []]
    if limit is not None:
        forms.insert(0, ["--json", str(json_path), "--limit", str(limit)])
    return forms


def _last_json(text: str) -> Any:
    """The last JSON object printed on its own line(s), or None."""
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    try:
        return json.loads(text)
    except (json.JSONDecodeError, ValueError):
        return None


def run_benchmark(module_name: str, bench_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Import a benchmark module and call its `main`; never raises.

    The module finds its corpus in `bench_dir` (passed as $CLAIMS_BENCHMARKS_DIR) and writes its
    figures to the `--json` file it is given; a `main` returning a dict is used directly.
    """
    try:
        mod = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return {"status": "skipped", "reason": f"{module_name} not available"}
        return {"status": "error", "reason": f"import failed: {exc}"}
    except Exception as exc:  # noqa: BLE001 - a broken benchmark must not stop the others
        return {"status": "error", "reason": f"import failed: {type(exc).__name__}: {exc}"}
    fn = getattr(mod, "main", None)
    if not callable(fn):
        return {"status": "skipped", "reason": f"{module_name} has no main()"}
    try:
        takes_args = any(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)
                         for p in inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        takes_args = True
    t0 = time.perf_counter()
    old_env = os.environ.get(BENCH_ENV)
    os.environ[BENCH_ENV] = str(bench_dir)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            json_path = Path(tmp) / "result.json"
            for argv in (_argv_candidates(json_path, limit) if takes_args else [None]):
                out, err = io.StringIO(), io.StringIO()
                try:
                    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                        rv = fn() if argv is None else fn(argv)
                except SystemExit as exc:
                    if exc.code == 2 and argv:  # argparse refused these arguments: next form
                        continue
                    rv = exc.code
                except Exception as exc:  # noqa: BLE001
                    return {"status": "error", "reason": f"{type(exc).__name__}: {exc}",
                            "elapsed_s": round(time.perf_counter() - t0, 2)}
                printed = out.getvalue()
                result: dict[str, Any] = {"status": "ok",
                                          "elapsed_s": round(time.perf_counter() - t0, 2)}
                scores: Any = rv if isinstance(rv, dict) else None
                if scores is None and json_path.exists():
                    try:
                        scores = json.loads(json_path.read_text(encoding="utf-8"))
                    except (OSError, json.JSONDecodeError):
                        scores = None
                if scores is None:
                    scores = _last_json(printed)
                if isinstance(scores, dict):
                    result["scores"] = scores
                elif isinstance(rv, int) and rv != 0:
                    result.update(status="error", reason=f"exit code {rv}")
                elif "skip" in printed.lower() or "not found" in printed.lower():
                    result.update(status="skipped", reason=printed.strip().splitlines()[-1][:300])
                result["output"] = printed[-2000:]
                return result
            return {"status": "error", "reason": "main() refused every argument form"}
    finally:
        if old_env is None:
            os.environ.pop(BENCH_ENV, None)
        else:
            os.environ[BENCH_ENV] = old_env


def evaluate_benchmarks(bench_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Run every benchmark module that exists; {short name: result}. Missing ones are skipped.

    `limit` asks the scripts that support it (`--limit N`) to read only the first N documents.
    """
    bench_dir = Path(bench_dir)
    out: dict[str, Any] = {}
    for module_name in BENCHMARK_MODULES:
        short = module_name.rsplit(".", 1)[-1]
        if not bench_dir.exists():
            out[short] = {"status": "skipped", "reason": f"benchmark directory {bench_dir} not found"}
            continue
        out[short] = run_benchmark(module_name, bench_dir, limit)
    return out


# --------------------------------------------------------------------------------------------
# Baseline

def baseline_from(result: dict[str, Any]) -> dict[str, Any]:
    return {"schema_version": 1,
            "description": "Gold scores the pipeline must not fall below "
                           "(written by python -m pipeline.evaluation.run --write-baseline).",
            "scores": sc.tracked_scores(result)}


def write_baseline(result: dict[str, Any], path: Path = DEFAULT_BASELINE) -> Path:
    return sc.write_json(baseline_from(result), path)


# --------------------------------------------------------------------------------------------
# CLI

def build_parser(prog: str = "python -m pipeline evaluate") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description="Score the pipeline against the gold "
                                "annotations (and optionally the public benchmarks).")
    p.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold directory (default tests/gold)")
    p.add_argument("--no-gold", action="store_true", help="skip the gold evaluation")
    p.add_argument("--repo-root", type=Path, default=Path("."), help="root the gold article paths are relative to")
    p.add_argument("--config", type=Path, default=None, help="pipeline config file")
    p.add_argument("--benchmarks", action="store_true", help="also run the benchmark scripts")
    p.add_argument("--bench-limit", type=int, default=None, metavar="N",
                   help="benchmark scripts that support it read only the first N documents")
    p.add_argument("--bench-dir", type=Path, default=None,
                   help=f"benchmark corpora (default ${BENCH_ENV} or ../shared/benchmarks)")
    p.add_argument("--json", type=Path, default=DEFAULT_JSON, help="scorecard JSON (default outputs/scorecard.json)")
    p.add_argument("--compare", type=Path, default=None,
                   help="earlier scorecard or baseline JSON; exit 1 when a score went down")
    p.add_argument("--write-baseline", nargs="?", const=DEFAULT_BASELINE, default=None, type=Path,
                   metavar="PATH", help="write the current gold scores as the baseline "
                   "(default tests/gold/baseline.json)")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="print the first N missed / spurious / wrong-value spans")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: dict[str, Any] = {}
    if not args.no_gold:
        try:
            result = evaluate_gold(args.gold, args.repo_root, args.config, details=args.errors > 0)
        except ImportError as exc:
            print(f"error: gold evaluation unavailable ({exc})", file=sys.stderr)
            return 2
    if args.benchmarks:
        result["benchmarks"] = evaluate_benchmarks(args.bench_dir or default_bench_dir(args.repo_root),
                                                  args.bench_limit)
    details = result.pop("details", None)
    print(sc.to_markdown(result))
    if details:
        print(f"### First {args.errors} errors")
        for d in details[: args.errors]:
            extra = f" {d['values']}" if d.get("values") else ""
            print(f"- {d['type']:<14} {d['table']}/{d.get('label') or ''} {d['doc']} "
                  f"[{d['start']}:{d['end']}] {d.get('text')!r}{extra}")
    sc.write_json(result, args.json)
    print(f"scorecard written to {args.json}")
    if args.write_baseline is not None:
        if not result.get("tables"):
            print("error: no gold scores to write as baseline", file=sys.stderr)
            return 2
        path = write_baseline(result, args.write_baseline)
        print(f"baseline written to {path}")
    if args.compare is not None:
        regressions = sc.compare(sc.load_json(args.compare), result)
        print(sc.format_regressions(regressions))
        if regressions:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
