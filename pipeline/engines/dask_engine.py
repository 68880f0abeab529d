"""Run shards on a Dask cluster: `claims extract --engine dask [--scheduler tcp://host:8786]`.

Each shard is one task. Results stream back as tasks finish, so the driver stores each finished
shard (`_parts/<key>/`) straight away: a run that dies keeps every shard already stored, and a
re-run only sends the missing ones. Workers build the nlp pipeline once per process and keep it
(see `pipeline.api.get_nlp`), so start workers with one thread each (`--nthreads 1`) and as many
processes as cores (`--nworkers N`); the work is CPU-bound Python.

Workers need the same environment as the driver (`pip install claims-pipeline`). A non-default
config file is sent with the tasks, so it does not have to exist on the workers' file systems.
Without a scheduler address a `LocalCluster` is started for the run.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

Rows = dict[str, list[dict[str, Any]]]
TaskFn = Callable[[tuple[Any, str | None]], tuple[str, Rows]]

# Tasks kept in flight per worker thread: enough to hide scheduling latency, few enough that
# the driver never pushes the whole corpus into the cluster's memory at once.
IN_FLIGHT_PER_THREAD = 3


def run_shards_dask(shards: list, config_path: str | None, scheduler: str | None,
                    task_fn: TaskFn, n_workers: int | None = None) -> Iterator[tuple[str, Rows]]:
    """Yield (shard key, rows) for every shard, in completion order, computed on a Dask cluster."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("engine 'dask' needs dask.distributed: "
                           "pip install 'claims-pipeline[dask]'") from exc
    if not shards:
        return
    config_text = Path(config_path).read_text("utf-8") if config_path else None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        workers = max(1, int(n_workers or os.cpu_count() or 1))
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    try:
        yield from _run(client, shards, config_text, task_fn, as_completed)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run(client, shards: list, config_text: str | None, task_fn: TaskFn,
         as_completed) -> Iterator[tuple[str, Rows]]:
    threads = sum(client.nthreads().values()) or 1
    window = max(2, IN_FLIGHT_PER_THREAD * threads)
    pending = iter(shards)

    def submit(shard):
        return client.submit(run_on_worker, task_fn, shard, config_text,
                             key=f"claims-shard-{shard.key}", pure=False, retries=1)

    first = [submit(shard) for _, shard in zip(range(window), pending)]
    queue = as_completed(first)
    for future in queue:
        key, rows = future.result()
        future.release()
        nxt = next(pending, None)
        if nxt is not None:
            queue.add(submit(nxt))
        yield key, rows


def run_on_worker(task_fn: TaskFn, shard, config_text: str | None) -> tuple[str, Rows]:
    """The task body: process one shard with the (shipped) config on this worker process."""
    return task_fn((shard, _local_config(config_text)))


def _local_config(config_text: str | None) -> str | None:
    """Path of a worker-local copy of the config text (one file per distinct config)."""
    if config_text is None:
        return None
    digest = hashlib.sha256(config_text.encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"claims-config-{digest}.cfg"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(config_text, "utf-8")
        os.replace(tmp, path)
    return str(path)

