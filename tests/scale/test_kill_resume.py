"""`kill -9` in the middle of an extract: published tables stay whole, a re-run resumes."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.api import extract
from pipeline.schema import TABLES
from pipeline.store import MARKER

from .conftest import assert_same_tables, write_config, write_corpus

N_ARTICLES = 300  # enough shards that the run is still going when it is killed


def _markers(out: Path) -> set[str]:
    root = out / "_parts"
    # finished parts only: a hidden temporary directory may already hold its marker when the
    # process is killed just before the rename that publishes it
    if not root.exists():
        return set()
    return {p.parent.name for p in root.glob(f"*/{MARKER}") if not p.parent.name.startswith(".")}


def _published(out: Path) -> dict[str, object]:
    return {name: pq.read_table(out / f"{name}.parquet") for name in TABLES
            if (out / f"{name}.parquet").exists()}


def test_kill_nine_then_resume(tmp_path):
    repo = Path(__file__).resolve().parents[2]
    raw = write_corpus(tmp_path / "raw", N_ARTICLES)
    config = write_config(tmp_path / "small.cfg", shard_size=2)
    out = tmp_path / "out"

    # an earlier complete run on the previous version of the corpus
    extract(raw, out, config_path=config)
    before = _published(out)
    assert set(before) == set(TABLES)
    old_parts = _markers(out)
    # edit every article so that every shard has to be redone
    for path in raw.glob("*.txt"):
        path.write_text(path.read_text("utf-8") + "Revised.\n", "utf-8")

    cmd = [sys.executable, "-m", "pipeline", "extract", "--raw", str(raw), "--out", str(out),
           "--config", str(config)]
    proc = subprocess.Popen(cmd, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONWARNINGS": "ignore"})
    deadline = time.monotonic() + 120
    try:
        while len(_markers(out) - old_parts) < 3:
            assert proc.poll() is None, "the run finished before it could be killed"
            assert time.monotonic() < deadline, "no shard finished in time"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    finished = _markers(out) - old_parts

    # the published tables are still the earlier run's, whole and readable
    after_kill = _published(out)
    assert set(after_kill) == set(TABLES)
    for name in TABLES:
        assert after_kill[name].equals(before[name]), name
    visible = [p.name for p in out.iterdir() if not p.name.startswith(".")]
    assert sorted(visible) == sorted([f"{n}.parquet" for n in TABLES] + ["_manifest.json", "_parts"])
    # only finished shards are visible as parts (unfinished ones are hidden temp directories)
    for part in (out / "_parts").iterdir():
        assert part.name.startswith(".") or (part / MARKER).exists(), part

    # a re-run reuses the shards finished before the kill
    rerun = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    reused = int(re.search(r"(\d+) reused", rerun.stdout).group(1))
    assert reused >= len(finished) > 0, rerun.stdout

    # and its tables equal a clean run's
    clean = extract(raw, tmp_path / "clean", config_path=config)
    assert clean.shards_processed == clean.shards_total
    assert_same_tables(out, tmp_path / "clean")
