"""Re-runs reuse finished shards; edits, deletions and --force behave; writes are atomic."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.api import extract
from pipeline.schema import TABLES

TEXTS = {
    f"a{i:02d}.txt": f"Article {i}.\n\nDrug {i} reduced CRP by {10 + i}% (P=0.0{i + 1}) in {20 + i} adults."
    for i in range(12)
}


def write_raw(raw, texts):
    raw.mkdir(exist_ok=True)
    for name, text in texts.items():
        (raw / name).write_text(text, "utf-8")


def frame(out, name):
    return pd.read_parquet(out / f"{name}.parquet")


def test_rerun_skips_unchanged_and_tracks_edits(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, TEXTS)
    first = extract(raw, out)
    assert first.shards_processed == first.shards_total >= 1 and first.articles == 12

    again = extract(raw, out)
    assert again.shards_processed == 0
    assert again.rows == first.rows

    (raw / "a03.txt").write_text("Article 3 changed.\n\nDrug 3 raised HDL by 7% (P=0.2).", "utf-8")
    (raw / "a05.txt").unlink()
    (raw / "new.txt").write_text("A new article about metformin in 40 adults.", "utf-8")
    edited = extract(raw, out)
    assert 1 <= edited.shards_processed < edited.shards_total or edited.shards_total == 1
    sources = set(frame(out, "articles")["source"])
    assert "a05.txt" not in sources and "new.txt" in sources and len(sources) == 12
    a03 = frame(out, "articles").set_index("source").loc["a03.txt", "text"]
    assert "changed" in a03

    forced = extract(raw, out, force=True)
    assert forced.shards_processed == forced.shards_total


def test_two_processes_give_the_same_rows(tmp_path):
    raw = tmp_path / "raw"
    write_raw(raw, TEXTS)
    extract(raw, tmp_path / "one", n_process=1)
    extract(raw, tmp_path / "two", n_process=2)
    for name in TABLES:
        left = frame(tmp_path / "one", name)
        right = frame(tmp_path / "two", name)
        pd.testing.assert_frame_equal(left, right, check_categorical=False)


def test_interrupted_publish_leaves_previous_outputs(tmp_path, monkeypatch):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_raw(raw, TEXTS)
    extract(raw, out)
    before = {name: pq.read_table(out / f"{name}.parquet") for name in TABLES}
    (raw / "a01.txt").write_text("Changed text so the shard is redone.", "utf-8")

    calls = {"n": 0}
    real_write = pq.ParquetWriter.write_table

    def dying_write(self, table, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("simulated kill")
        return real_write(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", dying_write)
    with pytest.raises(KeyboardInterrupt):
        extract(raw, out)
    monkeypatch.undo()
    for name in TABLES:
        assert pq.read_table(out / f"{name}.parquet").equals(before[name]), name
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    after = extract(raw, out)
    assert after.shards_processed >= 1
    assert "Changed text" in "".join(frame(out, "articles")["text"])


def test_fingerprint_follows_package_files(monkeypatch):
    """A change to any code or rule file of the package invalidates stored shards."""
    from pipeline import api

    before = api.config_fingerprint(None)
    api._package_digest.cache_clear()
    monkeypatch.setattr(api, "_package_digest", lambda: "a different digest")
    assert api.config_fingerprint(None) != before
