"""Tables merged side by side by worker processes equal a merge in one process; a failed merge
leaves the previous tables and no temp files."""
from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.api import extract
from pipeline.schema import TABLES
from pipeline.store import PartStore

from .conftest import write_config, write_corpus


def _published(out: Path) -> dict[str, list[dict]]:
    return {name: pq.read_table(out / f"{name}.parquet").to_pylist() for name in TABLES}


def _keys(out: Path) -> list[str]:
    return json.loads((out / "_manifest.json").read_text("utf-8"))["signature"]["keys"]


def _forget_manifest(out: Path) -> None:
    (out / "_manifest.json").write_text("{}", "utf-8")


@pytest.fixture()
def extracted(tmp_path):
    raw = write_corpus(tmp_path / "raw", 12)
    out = tmp_path / "out"
    extract(raw, out, config_path=write_config(tmp_path / "small.cfg", shard_size=2))
    return out


def _pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn"))


def test_merge_in_worker_processes_equals_merge_here(extracted):
    serial = _published(extracted)
    keys = _keys(extracted)
    assert len(keys) > 2
    _forget_manifest(extracted)
    with _pool() as pool:
        counts = PartStore(extracted).publish(keys, [], executor=pool)
    assert _published(extracted) == serial
    assert counts == {name: len(rows) for name, rows in serial.items()}
    assert not list(extracted.glob(".*.tmp"))


def test_failed_merge_in_a_worker_keeps_previous_tables(extracted):
    before = _published(extracted)
    keys = _keys(extracted)
    (extracted / "_parts" / keys[-1] / "claims.parquet").write_bytes(b"not parquet")
    _forget_manifest(extracted)
    with _pool() as pool, pytest.raises(Exception):
        PartStore(extracted).publish(keys, [], executor=pool)
    assert _published(extracted) == before
    assert not list(extracted.glob(".*.tmp"))
