"""Command line: `claims extract|evaluate|review` (also `python -m pipeline ...`)."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path


class UsageError(Exception):
    """Arguments that cannot be used; reported in one line."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claims", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="extract a folder of articles into Parquet tables")
    ext.add_argument("--raw", required=True, type=Path, help="folder of articles (recursive)")
    ext.add_argument("--out", required=True, type=Path, help="output folder for <table>.parquet")
    ext.add_argument("--n-process", type=int, default=1, help="worker processes (default 1)")
    ext.add_argument("--force", action="store_true", help="reprocess every article")
    ext.add_argument("--config", type=Path, default=None, help="pipeline config file (.cfg)")
    ext.add_argument("--engine", choices=("local", "dask"), default="local")
    ext.add_argument("--scheduler", default=None, help="Dask scheduler address (engine dask)")

    # These two own their options; everything after the command name is handed to them.
    sub.add_parser("evaluate", add_help=False, help="score against the gold files and benchmarks")
    sub.add_parser("review", add_help=False, help="write an HTML review page of an output folder")
    return parser


def _delegate(command: str, rest: list[str]) -> int:
    if command == "evaluate":
        from pipeline.evaluation.run import main as evaluate_main

        return evaluate_main(rest) or 0
    from pipeline.review import main as review_main

    return review_main(rest) or 0


def _extract(args: argparse.Namespace) -> int:
    from pipeline.api import extract

    if not args.raw.is_dir():
        raise UsageError(f"--raw {args.raw}: not a directory")
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"--out {args.out}: exists and is not a directory")
    if args.n_process < 1:
        raise UsageError("--n-process must be at least 1")
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"--config {args.config}: no such file")
    args.out.mkdir(parents=True, exist_ok=True)
    summary = extract(args.raw, args.out, n_process=args.n_process, force=args.force,
                      config_path=args.config, progress=sys.stderr.isatty(),
                      engine=args.engine, scheduler=args.scheduler)
    print(summary.format())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    warnings.filterwarnings("ignore", category=FutureWarning, module="spacy")
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("evaluate", "review"):
        return _delegate(argv[0], argv[1:])
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
    except UsageError as exc:
        print(f"claims: error: {exc}", file=sys.stderr)
        return 2
    return 2


if __name__ == "__main__":
    sys.exit(main())
