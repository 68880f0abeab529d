"""Per-shard parts with completion markers, published as one Parquet file per table.

Layout of an output directory:
    <table>.parquet        the published tables (what users read)
    _manifest.json         shard keys and row counts of the published tables
    _parts/<key>/          one finished shard: a <table>.parquet file per table with rows in
                           the shard, and the _SUCCESS marker
A part directory is written under a temporary name and renamed when complete, so a killed run
leaves only finished shards behind; published tables are replaced atomically, so readers never
see a half-written file.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schema import TABLES
from pipeline.writers import file_metadata, table_from_rows

MARKER = "_SUCCESS"
MANIFEST = "_manifest.json"
ROW_GROUP_ROWS = 65_536  # rows per row group of the published tables
# the tables with the most rows, merged first when tables are merged side by side
_BIGGEST = ("sentences", "entities", "claims", "statistics")
_LARGEST_FIRST = [*_BIGGEST, *(name for name in TABLES if name not in _BIGGEST)]


class PartStore:
    """Finished shard parts under out_dir/_parts and their publication."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self.root = self.out_dir / "_parts"

    def has(self, key: str) -> bool:
        """True when the shard `key` finished in an earlier run."""
        return (self.root / key / MARKER).is_file()

    def clear(self) -> None:
        """Forget every stored part (--force)."""
        shutil.rmtree(self.root, ignore_errors=True)
        (self.out_dir / MANIFEST).unlink(missing_ok=True)

    def put(self, key: str, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Store one shard's rows atomically (temp dir, marker, rename)."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".tmp-{key}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
        try:
            for name, table in tables_from_rows(rows).items():
                if table.num_rows:  # a table without rows in this shard has no file
                    pq.write_table(table, tmp / f"{name}.parquet")
            (tmp / MARKER).write_text("ok\n")
            final = self.root / key
            if final.exists():
                shutil.rmtree(tmp)
            else:
                os.rename(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    def publish(self, keys: list[str], read_errors: list[dict[str, Any]],
                executor: Executor | None = None) -> dict[str, int]:
        """Merge the parts of `keys` (in order) into out_dir/<table>.parquet; drop stale parts.

        With an executor (the run's worker processes), the tables are merged side by side."""
        signature = {"keys": keys, "read_errors": read_errors}
        current = self._manifest()
        if current.get("signature") == signature and all(
                (self.out_dir / f"{name}.parquet").exists() for name in TABLES):
            return {name: current["counts"][name] for name in TABLES}
        # Write every merged table to a temp file first, then swap them all in at the end, so a
        # run killed while merging leaves the previous set of tables untouched and consistent.
        tasks = [(self.out_dir, name, keys, read_errors if name == "errors" else [])
                 for name in _LARGEST_FIRST]
        if executor is None:
            outcomes = [_merge_outcome(task) for task in tasks]
        else:
            outcomes = [future.result() for future in
                        [executor.submit(_merge_outcome, task) for task in tasks]]
        failures = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
        if failures:
            for outcome in outcomes:
                if not isinstance(outcome, BaseException):
                    outcome[1].unlink(missing_ok=True)
            raise failures[0]
        merged = {name: (tmp, count) for name, tmp, count in outcomes}
        for name in TABLES:
            os.replace(merged[name][0], self.out_dir / f"{name}.parquet")
        counts = {name: merged[name][1] for name in TABLES}
        self._write_manifest({"signature": signature, "counts": counts})
        self._drop_stale(set(keys))
        return counts

    def read_errors(self) -> list[dict[str, Any]]:
        """Rows of the published errors table."""
        path = self.out_dir / "errors.parquet"
        return pq.read_table(path).to_pylist() if path.exists() else []

    def _manifest(self) -> dict[str, Any]:
        try:
            return json.loads((self.out_dir / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return {}

    def _write_manifest(self, data: dict[str, Any]) -> None:
        tmp = self.out_dir / f".{MANIFEST}.tmp"
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), "utf-8")
        os.replace(tmp, self.out_dir / MANIFEST)

    def _drop_stale(self, live: set[str]) -> None:
        if not self.root.exists():
            return
        for child in self.root.iterdir():
            if child.name not in live:
                shutil.rmtree(child, ignore_errors=True)


def _merge_outcome(task: tuple[Path, str, list[str], list[dict[str, Any]]]
                   ) -> tuple[str, Path, int] | BaseException:
    """`merge_table` for one task; its exception is returned, not raised, so that the caller can
    remove the other tables' temp files once every merge has ended."""
    out_dir, name, keys, extra_rows = task
    try:
        tmp, count = merge_table(out_dir, name, keys, extra_rows)
    except Exception as exc:  # noqa: BLE001 - handed back to publish, which raises it
        return exc
    return name, tmp, count


def merge_table(out_dir: Path, name: str, keys: list[str],
                extra_rows: list[dict[str, Any]]) -> tuple[Path, int]:
    """Stream the parts of one table into a temp file in out_dir; return it and its row count.

    Parts are gathered into row groups of about ROW_GROUP_ROWS rows: one row group per small
    part would make the file slow to write and to read."""
    schema = TABLES[name].with_metadata(file_metadata())
    tmp = out_dir / f".{name}.parquet.{uuid.uuid4().hex[:8]}.tmp"
    total = 0
    pending: list[pa.Table] = []
    pending_rows = 0
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            if extra_rows:
                pending.append(table_from_rows(name, extra_rows).cast(schema))
                pending_rows += len(extra_rows)
            for part in _read_parts(out_dir / "_parts", name, keys, schema):
                if part.num_rows:
                    pending.append(part)
                    pending_rows += part.num_rows
                if pending_rows >= ROW_GROUP_ROWS:
                    writer.write_table(pa.concat_tables(pending))
                    total += pending_rows
                    pending, pending_rows = [], 0
            if pending_rows:
                writer.write_table(pa.concat_tables(pending))
                total += pending_rows
            if total == 0:
                writer.write_table(table_from_rows(name, []).cast(schema))
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp, total


def _read_parts(root: Path, name: str, keys: list[str], schema: pa.Schema) -> Iterator[pa.Table]:
    """The parts of one table in key order, one at a time.

    Read in this thread: reader threads took two to four times the CPU for the same parts and
    were no faster, and with several worker processes merging side by side the CPU is what runs
    short."""
    for key in keys:
        path = root / key / f"{name}.parquet"
        if not path.exists():  # the finished shard has no rows in this table
            continue
        # ParquetFile.read without Arrow's own thread pool: several times cheaper than
        # pq.read_table (dataset discovery, nested threads) on small parts
        yield pq.ParquetFile(path).read(use_threads=False).cast(schema)


def tables_from_rows(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    """Every table of a shard; a value the schema cannot hold (an integer beyond int64, a wrong
    type) is stored as null with a warning row instead of failing the whole shard."""
    tables: dict[str, pa.Table] = {}
    warnings: list[dict[str, Any]] = []
    for name in TABLES:
        table_rows = rows.get(name, [])
        if name == "errors":
            table_rows = table_rows + warnings
        try:
            tables[name] = table_from_rows(name, table_rows)
        except (pa.ArrowException, OverflowError, TypeError, ValueError):
            tables[name] = table_from_rows(name, _repair_rows(name, table_rows, rows, warnings))
    return tables


def _repair_rows(name: str, table_rows: list[dict[str, Any]], rows: dict[str, list[dict[str, Any]]],
                 warnings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sources = {row.get("article_id"): row.get("source") for row in rows.get("articles", [])}
    repaired = []
    for row in table_rows:
        try:
            table_from_rows(name, [row])
            repaired.append(row)
            continue
        except (pa.ArrowException, OverflowError, TypeError, ValueError):
            pass
        fixed, dropped = dict(row), False
        for field in TABLES[name]:
            plain = pa.string() if pa.types.is_dictionary(field.type) else field.type
            try:
                pa.array([row.get(field.name)], type=plain)
            except (pa.ArrowException, OverflowError, TypeError, ValueError):
                value = str(row.get(field.name))
                value = value[:20] + ("..." if len(value) > 20 else "")
                outcome = "stored as null" if field.nullable else "row dropped"
                warnings.append({
                    "source": sources.get(row.get("article_id")) or str(row.get("source") or "?"),
                    "stage": "write", "severity": "warning",
                    "message": f"{name}.{field.name} value {value} does not fit {field.type}; {outcome}"})
                if not field.nullable:
                    dropped = True
                    break
                fixed[field.name] = None
        if not dropped:
            repaired.append(fixed)
    return repaired
