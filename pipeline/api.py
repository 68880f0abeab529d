"""What notebooks and the CLI call: extract a folder, or a dict of texts, into tables."""
from __future__ import annotations

import atexit
import functools
import gc
import hashlib
import itertools
import json
import os
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import __version__
from pipeline.ingest import RawArticle, ReadProblem, read_articles
from pipeline.nlp.builder import build_nlp, claims_settings, load_config
from pipeline.schema import SCHEMA_VERSION, TABLES
from pipeline.shards import Shard, iter_shards
from pipeline.store import PartStore

Rows = dict[str, list[dict[str, Any]]]
_NLP_CACHE: dict[str, Any] = {}
_FROZEN_AT_EXIT: list[bool] = []
# Distinct strings a process's vocabulary may hold before its pipeline is rebuilt (about 250 MB
# of strings, lexemes and tokenizer cache on PubMed abstracts; a rebuild costs about a second).
MAX_VOCAB_STRINGS = 500_000
# Shards read ahead per worker process: keeps workers busy, bounds the driver's memory.
IN_FLIGHT_PER_WORKER = 2


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
    build_seconds: float = 0.0  # building the nlp pipeline in this process (0 when not needed)
    process_seconds: float = 0.0  # processing and storing the shards, from the first to the last

    def format(self) -> str:
        """Human-readable multi-line summary."""
        tables = ", ".join(f"{name} {count}" for name, count in self.rows.items())
        return (f"articles: {self.articles} | shards: {self.shards_processed} processed, "
                f"{self.shards_total - self.shards_processed} reused\n"
                f"rows: {tables}\n"
                f"errors: {self.errors} (warnings: {self.warnings}) | build seconds: "
                f"{self.build_seconds:.1f} | process seconds: {self.process_seconds:.1f} | "
                f"seconds: {self.seconds:.1f}")


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
    """The pipeline for a config, built once per process (and again after `forget_nlp`)."""
    key = str(config_path)
    if key not in _NLP_CACHE:
        _NLP_CACHE[key] = build_nlp(config_path)
        # The pipeline's lexicons and compiled rules live as long as the process: moved out of
        # the collector's generations, they are not rescanned by every later collection (and
        # forked workers do not copy their pages by touching them). Unfrozen at exit, so that
        # everything is still finalised normally at shutdown.
        gc.freeze()
        if not _FROZEN_AT_EXIT:
            atexit.register(gc.unfreeze)
            _FROZEN_AT_EXIT.append(True)
    return _NLP_CACHE[key]


def forget_nlp(config_path: str | Path | None = None) -> None:
    """Drop the built pipeline of a config and free its memory; the next `get_nlp` rebuilds it."""
    if _NLP_CACHE.pop(str(config_path), None) is not None:
        gc.unfreeze()  # let the collector reach the old pipeline's reference cycles
        gc.collect()


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
    """Rows of every table for a shard of articles (the unit of work of any engine).

    spaCy's vocabulary keeps every new string it meets (and the tokenizer caches every new
    word), so a long-lived worker's memory grows with the corpus: a few GB over millions of
    abstracts. A process whose vocabulary has passed MAX_VOCAB_STRINGS rebuilds its pipeline
    before the next shard; rows do not depend on the vocabulary's history."""
    nlp = get_nlp(config_path)
    rows = process_articles(articles, nlp)
    if len(nlp.vocab.strings) > MAX_VOCAB_STRINGS:
        forget_nlp(config_path)
    return rows


def _process_shard_task(args: tuple[Shard, str | None]) -> tuple[str, Rows]:
    shard, config_path = args
    return shard.key, process_shard(shard.articles, config_path)


def _store_shard_task(args: tuple[Shard, str | None, str]) -> tuple[str, int]:
    """Process one shard and store its part from the worker itself (no rows sent back)."""
    shard, config_path, out_dir = args
    PartStore(Path(out_dir)).put(shard.key, process_shard(shard.articles, config_path))
    return shard.key, len(shard.articles)


def extract(raw_dir: str | Path, out_dir: str | Path, n_process: int = 1, force: bool = False,
            config_path: str | Path | None = None, progress: bool = False,
            engine: str = "local", scheduler: str | None = None) -> RunSummary:
    """Extract every article under raw_dir into out_dir/<table>.parquet (incremental).

    Articles are read, sharded and processed as a stream: only the shards in flight are held
    in memory, whatever the size of the corpus."""
    started = time.perf_counter()
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    settings = claims_settings(load_config(config_path))
    store = PartStore(out_dir)
    if force:
        store.clear()
    problems: list[ReadProblem] = []
    keys: list[str] = []  # only the keys of planned shards are kept, never their articles
    summary = RunSummary()
    bar = _progress_bar(None, progress)

    def articles() -> Iterator[RawArticle]:
        for item in read_articles(raw_dir, float(settings["max_file_mb"]), int(settings["max_chars"])):
            if isinstance(item, RawArticle):
                yield item
            else:
                problems.append(item)

    def shards_to_process() -> Iterator[Shard]:
        fingerprint = config_fingerprint(config_path)
        for shard in iter_shards(articles(), int(settings["shard_size"]), fingerprint):
            keys.append(shard.key)
            summary.articles += len(shard.articles)
            if store.has(shard.key):
                bar.update(len(shard.articles))
                continue
            summary.shards_processed += 1
            yield shard

    cfg = None if config_path is None else str(config_path)
    todo = _LookAhead(shards_to_process())
    if engine == "local" and todo.peek() is not None and (n_process <= 1 or _can_fork()):
        # built here once: used in this process, or inherited by forked workers
        build_started = time.perf_counter()
        get_nlp(cfg)
        summary.build_seconds = time.perf_counter() - build_started
    with ExitStack() as stack:
        pool = None
        if engine == "local" and n_process > 1 and todo.peek() is not None:
            pool = stack.enter_context(_worker_pool(n_process))
        process_started = time.perf_counter()
        for _, done in _run_shards(todo, cfg, n_process, engine, scheduler, store, pool):
            bar.update(done)
        summary.process_seconds = time.perf_counter() - process_started
        bar.close()
        summary.shards_total = len(keys)
        # the workers that processed the shards also merge the tables, side by side
        summary.rows = store.publish(keys, [p.as_row() for p in problems], executor=pool)
    errors = store.read_errors()
    summary.errors = sum(1 for e in errors if e["severity"] == "error")
    summary.warnings = sum(1 for e in errors if e["severity"] == "warning")
    summary.seconds = time.perf_counter() - started
    return summary


def _run_shards(shards: Iterable[Shard], config_path: str | None, n_process: int, engine: str,
                scheduler: str | None, store: PartStore,
                pool: ProcessPoolExecutor | None = None) -> Iterator[tuple[str, int]]:
    """Process and store every shard; yield (key, number of articles) as each one is stored.

    Local shards go to `pool` when one is given, else they are processed in this process."""
    if engine == "dask":
        from pipeline.engines.dask_engine import run_shards_dask

        sizes: dict[str, int] = {}

        def remember(stream: Iterable[Shard]) -> Iterator[Shard]:
            for shard in stream:
                sizes[shard.key] = len(shard.articles)
                yield shard

        for key, rows in run_shards_dask(remember(shards), config_path, scheduler,
                                         _process_shard_task, n_workers=n_process):
            store.put(key, rows)
            yield key, sizes.pop(key, 0)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (use 'local' or 'dask')")
    if pool is None:
        for shard in shards:
            yield _store_shard_task((shard, config_path, str(store.out_dir)))
        return
    yield from _run_pool(iter(shards), config_path, n_process, store, pool)


def _worker_pool(n_process: int) -> ProcessPoolExecutor:
    """Worker processes for one run.

    Where the platform can fork, the workers are forked from this process after it has built the
    pipeline, so they start at once instead of each importing and building it (seconds per
    worker); elsewhere they are spawned and build it on their first shard."""
    context = get_context("fork") if _can_fork() else get_context("spawn")
    return ProcessPoolExecutor(max_workers=n_process, mp_context=context)


def _run_pool(shards: Iterator[Shard], config_path: str | None, n_process: int,
              store: PartStore, pool: ProcessPoolExecutor) -> Iterator[tuple[str, int]]:
    """Shards processed by the pool; at most IN_FLIGHT_PER_WORKER shards per worker are read
    ahead."""
    window = IN_FLIGHT_PER_WORKER * n_process
    out_dir = str(store.out_dir)
    pending = {pool.submit(_store_shard_task, (shard, config_path, out_dir))
               for shard in itertools.islice(shards, window)}
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()
        for shard in itertools.islice(shards, window - len(pending)):
            pending.add(pool.submit(_store_shard_task, (shard, config_path, out_dir)))


def _can_fork() -> bool:
    """Worker processes can be forked from this one (Linux): they inherit the built pipeline."""
    return "fork" in get_all_start_methods() and sys.platform.startswith("linux")


class _LookAhead:
    """An iterator whose next item can be looked at before it is taken."""

    _EMPTY = object()

    def __init__(self, items: Iterable[Any]) -> None:
        self._items = iter(items)
        self._next: Any = self._EMPTY

    def peek(self) -> Any:
        """The next item without taking it (None at the end)."""
        if self._next is self._EMPTY:
            self._next = next(self._items, None)
        return self._next

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        item = self.peek()
        self._next = self._EMPTY
        if item is None:
            raise StopIteration
        return item


def _progress_bar(total: int | None, enabled: bool):
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
