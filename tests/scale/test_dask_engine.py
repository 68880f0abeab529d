"""The Dask engine gives the same tables as the local engine (real multi-process LocalCluster)."""
from __future__ import annotations

import pytest

from pipeline.api import extract

from .conftest import assert_same_tables, write_config, write_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


def test_dask_run_equals_local_run(tmp_path, cluster):
    raw = write_corpus(tmp_path / "raw", 24)
    (raw / "empty.txt").write_bytes(b"")
    config = write_config(tmp_path / "shards.cfg", shard_size=3)
    local = extract(raw, tmp_path / "local", config_path=config)
    remote = extract(raw, tmp_path / "dask", config_path=config, engine="dask",
                     scheduler=cluster.scheduler_address)
    assert local.shards_total >= 4 and remote.shards_processed == local.shards_total
    assert remote.rows == local.rows and remote.errors == local.errors == 1
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    assert len(cluster.workers) == 2

    again = extract(raw, tmp_path / "dask", config_path=config, engine="dask",
                    scheduler=cluster.scheduler_address)
    assert again.shards_processed == 0 and again.rows == local.rows
