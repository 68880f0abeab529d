"""build_review(): read the Parquet tables of an output directory, write review.html and the
evidence map (evidence_map.png / .svg) next to them."""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path
from typing import Any, Sequence

from pipeline.review.page import build_views, render_page
from pipeline.review.plots import evidence_map
from pipeline.review.tables import read_tables

DEFAULT_OUT = Path("outputs")
DEFAULT_GOLD = Path("tests/gold")


def load_gold_for_review(gold_dir: Path, repo_root: Path | None = None) -> list[Any]:
    """Gold articles of `gold_dir` (paths relative to `repo_root`, by default the directory two
    levels above a `tests/gold` directory, else the current directory)."""
    from pipeline.evaluation.gold import load_gold

    gold_dir = Path(gold_dir)
    if repo_root is None:
        resolved = gold_dir.resolve()
        repo_root = resolved.parents[1] if resolved.parts[-2:] == ("tests", "gold") else Path.cwd()
    return list(load_gold(gold_dir, Path(repo_root)))


def build_review(out_dir: Path, gold_dir: Path | None = None, *, gold: Sequence[Any] | None = None,
                 repo_root: Path | None = None, max_articles: int | None = None,
                 plots: bool = True) -> Path:
    """Write `out_dir/review.html` (and `evidence_map.png` / `.svg`); return the HTML path.

    `gold_dir` (or already loaded `gold` articles with `path`, `text`, `records`) marks missed
    and spurious spans of the articles that have gold annotations (matched on
    `articles.source` == gold path, or identical text). `max_articles` limits the page size
    (articles with gold come first).
    """
    out_dir = Path(out_dir)
    tables = read_tables(out_dir)
    if gold is None and gold_dir is not None:
        gold = load_gold_for_review(gold_dir, repo_root)
    views, total = build_views(tables, gold, max_articles)
    extra = ""
    if plots:
        written = evidence_map(tables["claims"], tables["articles"], out_dir / "evidence_map.png",
                               out_dir / "evidence_map.svg")
        extra = (f'<details><summary>Evidence map</summary><p><a href="{html.escape(written[0].name)}">'
                 f'<img src="{html.escape(written[0].name)}" alt="evidence map" style="max-width:100%">'
                 "</a></p></details>")
    page = out_dir / "review.html"
    tmp = page.with_suffix(".html.tmp")
    tmp.write_text(render_page(views, total, extra_html=extra), encoding="utf-8")
    tmp.replace(page)
    return page


def build_parser(prog: str = "python -m pipeline review") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description="Write an HTML review page of the extracted "
                                "spans and an evidence map from the Parquet tables.")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory holding the tables")
    p.add_argument("--gold", type=Path, default=None,
                   help="gold directory: mark missed and spurious spans (e.g. tests/gold)")
    p.add_argument("--repo-root", type=Path, default=None, help="root the gold article paths are relative to")
    p.add_argument("--max-articles", type=int, default=500, help="articles on the page (default 500; 0 = all)")
    p.add_argument("--no-plots", action="store_true", help="skip the evidence map")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.out.exists():
        print(f"error: {args.out} does not exist (run the extraction first)", file=sys.stderr)
        return 2
    try:
        page = build_review(args.out, args.gold, repo_root=args.repo_root,
                            max_articles=args.max_articles or None, plots=not args.no_plots)
    except ImportError as exc:
        print(f"error: gold annotations cannot be loaded ({exc})", file=sys.stderr)
        return 2
    print(f"review page: {page}")
    if not args.no_plots:
        print(f"evidence map: {args.out / 'evidence_map.png'} (and .svg)")
    return 0
