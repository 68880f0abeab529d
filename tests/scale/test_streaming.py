"""`extract` streams: articles are read only a few shards ahead of the work, so the driver's
memory does not grow with the corpus, and the rows are the same as when everything fits."""
from __future__ import annotations

import pipeline.api as api
from pipeline.api import extract
from tests.scale.conftest import assert_same_tables, write_config, write_corpus

N_ARTICLES = 60
SHARD_SIZE = 2
LARGEST_SHARD = 4 * SHARD_SIZE  # iter_shards closes a shard at 4 x shard_size at the latest


def _count_reads(monkeypatch) -> dict[str, int]:
    counter = {"read": 0}
    real_read = api.read_articles

    def counting_read(*args, **kwargs):
        for item in real_read(*args, **kwargs):
            counter["read"] += 1
            yield item

    monkeypatch.setattr(api, "read_articles", counting_read)
    return counter


def test_one_process_reads_only_a_few_shards_ahead(tmp_path, monkeypatch):
    raw = write_corpus(tmp_path / "raw", N_ARTICLES)
    config = write_config(tmp_path / "small.cfg", shard_size=SHARD_SIZE)
    counter = _count_reads(monkeypatch)
    seen: list[tuple[int, int]] = []  # (articles read so far, articles processed so far)
    processed = {"n": 0}
    real_task = api._store_shard_task

    def recording_task(args):
        seen.append((counter["read"], processed["n"]))
        key, done = real_task(args)
        processed["n"] += done
        return key, done

    monkeypatch.setattr(api, "_store_shard_task", recording_task)
    summary = extract(raw, tmp_path / "out", config_path=config)
    assert summary.articles == N_ARTICLES
    assert len(seen) == summary.shards_processed > 3
    # the current shard and at most two read ahead (the look-ahead that picks the engine)
    assert max(read - done for read, done in seen) <= 3 * LARGEST_SHARD
    assert seen[0][0] < N_ARTICLES


def test_worker_pool_keeps_a_bounded_window_in_flight(tmp_path, monkeypatch):
    raw = write_corpus(tmp_path / "raw", N_ARTICLES)
    config = write_config(tmp_path / "small.cfg", shard_size=SHARD_SIZE)
    extract(raw, tmp_path / "one", config_path=config)

    counter = _count_reads(monkeypatch)
    in_flight: list[tuple[int, int]] = []  # (articles read, futures pending) at every wait
    real_wait = api.wait

    def recording_wait(pending, **kwargs):
        in_flight.append((counter["read"], len(pending)))
        return real_wait(pending, **kwargs)

    monkeypatch.setattr(api, "wait", recording_wait)
    summary = extract(raw, tmp_path / "two", n_process=2, config_path=config)
    assert summary.articles == N_ARTICLES and summary.shards_processed > 2 * api.IN_FLIGHT_PER_WORKER
    window = api.IN_FLIGHT_PER_WORKER * 2
    assert max(pending for _, pending in in_flight) <= window
    assert in_flight[0][0] < N_ARTICLES  # work started before the corpus was read
    assert_same_tables(tmp_path / "one", tmp_path / "two")
