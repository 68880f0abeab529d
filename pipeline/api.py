"""What notebooks and the CLI call: extract a folder, or a dict of texts, into tables."""
from __future__ import annotations

import functools
import hashlib
import json
import os
import time
import traceback
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import __version__
from pipeline.ingest import RawArticle, ReadProblem, read_articles
from pipeline.nlp.builder import build_nlp, claims_settings, load_config
from pipeline.schema import SCHEMA_VERSION, TABLES
from pipeline.shards import Shard, plan_shards
from pipeline.store import PartStore

Rows = dict[str, list[dict[str, Any]]]
_NLP_CACHE: dict[str, Any] = {}


@dataclass
class RunSummary:
    """What one extract run did."""

    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    warnings: int = 0
    shards_total: int = 0
    shards_processed: int = 0
    seconds: float = 0.0

    def format(self) -> str:
        """Human-readable multi-line summary."""
        tables = ", ".join(f"{name} {count}" for name, count in self.rows.items())
        return (f"articles: {self.articles} | shards: {self.shards_processed} processed, "
                f"{self.shards_total - self.shards_processed} reused\n"
                f"rows: {tables}\n"
                f"errors: {self.errors} (warnings: {self.warnings}) | seconds: {self.seconds:.1f}")


def config_fingerprint(config_path: str | Path | None) -> str:
    """Hash of the pipeline version, schema version, config text and the package's code and
    rule files: stored shards are reused only when all of them are unchanged."""
    text = load_config(config_path).to_str()
    raw = f"{__version__}\0{SCHEMA_VERSION}\0{text}\0{_package_digest()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def _package_digest() -> str:
    """sha256 over the package's source, lexicon and config files (names and contents)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".jsonl", ".tsv", ".txt", ".csv", ".cfg"):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def get_nlp(config_path: str | Path | None = None):
    """The pipeline for a config, built once per process."""
    key = str(config_path)
    if key not in _NLP_CACHE:
        _NLP_CACHE[key] = build_nlp(config_path)
    return _NLP_CACHE[key]


def process_articles(articles: Iterable[RawArticle], nlp) -> Rows:
    """Run the nlp over articles; one article's failure becomes an error row."""
    from pipeline.extractors.rows import doc_to_rows

    rows: Rows = {name: [] for name in TABLES}
    for article in articles:
        try:
            doc = nlp(article.text)
            article_rows = doc_to_rows(doc, article)
        except Exception as exc:  # noqa: BLE001 - never lose the batch for one article
            where = traceback.extract_tb(exc.__traceback__)[-1]
            rows["errors"].append({"source": article.source, "stage": "nlp", "severity": "error",
                                   "message": f"{type(exc).__name__}: {exc} "
                                              f"({Path(where.filename).name}:{where.lineno})"})
            continue
        for name, table_rows in article_rows.items():
            rows[name].extend(table_rows)
    return rows


def process_shard(articles: Iterable[RawArticle], config_path: str | Path | None = None) -> Rows:
    """Rows of every table for a shard of articles (the unit of work of any engine)."""
    return process_articles(articles, get_nlp(config_path))


def _process_shard_task(args: tuple[Shard, str | None]) -> tuple[str, Rows]:
    shard, config_path = args
    return shard.key, process_shard(shard.articles, config_path)


def extract(raw_dir: str | Path, out_dir: str | Path, n_process: int = 1, force: bool = False,
            config_path: str | Path | None = None, progress: bool = False,
            engine: str = "local", scheduler: str | None = None) -> RunSummary:
    """Extract every article under raw_dir into out_dir/<table>.parquet (incremental)."""
    started = time.perf_counter()
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    settings = claims_settings(load_config(config_path))
    articles, problems = _read_all(raw_dir, float(settings["max_file_mb"]), int(settings["max_chars"]))
    shards = plan_shards(articles, int(settings["shard_size"]), config_fingerprint(config_path))
    store = PartStore(out_dir)
    if force:
        store.clear()
    todo = [shard for shard in shards if not store.has(shard.key)]
    cfg = None if config_path is None else str(config_path)
    bar = _progress_bar(len(articles), progress)
    bar.update(sum(len(s.articles) for s in shards) - sum(len(s.articles) for s in todo))
    for key, rows in _run_shards(todo, cfg, n_process, engine, scheduler):
        store.put(key, rows)
        bar.update(sum(len(s.articles) for s in todo if s.key == key))
    bar.close()
    counts = store.publish([s.key for s in shards], [p.as_row() for p in problems])
    summary = RunSummary(articles=len(articles), rows=counts, shards_total=len(shards),
                         shards_processed=len(todo))
    errors = store.read_errors()
    summary.errors = sum(1 for e in errors if e["severity"] == "error")
    summary.warnings = sum(1 for e in errors if e["severity"] == "warning")
    summary.seconds = time.perf_counter() - started
    return summary


def _read_all(raw_dir: Path, max_file_mb: float,
              max_chars: int) -> tuple[list[RawArticle], list[ReadProblem]]:
    articles, problems = [], []
    for item in read_articles(raw_dir, max_file_mb, max_chars):
        (articles if isinstance(item, RawArticle) else problems).append(item)
    return articles, problems


def _run_shards(shards: list[Shard], config_path: str | None, n_process: int, engine: str,
                scheduler: str | None) -> Iterable[tuple[str, Rows]]:
    if not shards:
        return
    if engine == "dask":
        from pipeline.engines.dask_engine import run_shards_dask

        yield from run_shards_dask(shards, config_path, scheduler, _process_shard_task,
                                   n_workers=n_process)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (use 'local' or 'dask')")
    if n_process <= 1 or len(shards) == 1:
        for shard in shards:
            yield _process_shard_task((shard, config_path))
        return
    context = get_context("spawn")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
        yield from pool.map(_process_shard_task, [(s, config_path) for s in shards])


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="article", disable=not enabled, dynamic_ncols=True)


def extract_texts(docs: dict[str, str], config_path: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Process in-memory texts (keys are sources) and return every table as a DataFrame."""
    from pipeline.writers import table_from_rows

    articles = [RawArticle(source=source, text=text, format=_format_of(source))
                for source, text in docs.items()]
    rows = process_articles(articles, get_nlp(config_path))
    return {name: table_from_rows(name, rows[name]).to_pandas() for name in TABLES}


def _format_of(source: str) -> str:
    suffix = os.path.splitext(source)[1].lower().lstrip(".")
    return {"markdown": "md", "htm": "html"}.get(suffix, suffix or "txt")


def load_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Read every table of an output directory into DataFrames."""
    out_dir = Path(out_dir)
    return {name: pd.read_parquet(out_dir / f"{name}.parquet") for name in TABLES
            if (out_dir / f"{name}.parquet").exists()}


def manifest(out_dir: str | Path) -> dict[str, Any]:
    """The manifest written by the last completed run."""
    return json.loads((Path(out_dir) / "_manifest.json").read_text("utf-8"))


__all__ = ["extract", "extract_texts", "process_shard", "process_articles", "load_tables",
           "RunSummary", "get_nlp"]
