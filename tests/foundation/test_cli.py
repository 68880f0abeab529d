"""End to end: `claims extract` on a folder with good and bad files; the output contract."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.schema import SPAN_TABLES, TABLES

ARTICLE = """# Low-dose rapamycin in older adults

BACKGROUND: Sirolimus inhibits mTORC1.
METHODS: We randomly assigned 218 adults aged 65 to 80 years to rapamycin 1 mg/day or placebo.
RESULTS: Rapamycin reduced p16INK4A (P=0.008; RR 0.82, 95% CI 0.70-0.96). Grip strength was
unchanged (2.6±3.8 kg vs 2.4±3.5 kg; p = 0.41). Infections occurred in 12 of 109 (11.0%).
"""

BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "latin1.txt": "Caf\u00e9 trial of rapamycin".encode("latin-1"),
    "nul.md": b"text with a NUL \x00 byte",
}


def make_raw(root: Path, repo_root: Path) -> Path:
    raw = root / "raw"
    (raw / "nested").mkdir(parents=True)
    (raw / "trial.md").write_text(ARTICLE, "utf-8")
    (raw / "nested" / "news.html").write_text(
        "<html><head><script>x()</script></head><body><h1>Drug news</h1>"
        "<p>Metformin lowered HbA1c by 0.9% in 64 older adults (p&lt;0.01).</p></body></html>",
        "utf-8")
    for path in sorted((repo_root / "raw").glob("*")):
        if path.suffix in (".md", ".txt"):
            shutil.copy(path, raw / path.name)
    for name, data in BAD_FILES.items():
        (raw / name).write_bytes(data)
    return raw


@pytest.fixture(scope="module")
def run(tmp_path_factory, repo_root):
    root = tmp_path_factory.mktemp("e2e")
    raw = make_raw(root, repo_root)
    out = root / "out"
    assert main(["extract", "--raw", str(raw), "--out", str(out)]) == 0
    return raw, out


def test_every_table_written_with_exact_schema(run):
    _, out = run
    for name, schema in TABLES.items():
        path = out / f"{name}.parquet"
        assert path.exists(), name
        written = pq.read_schema(path)
        assert written.equals(schema, check_metadata=False), name
        meta = written.metadata
        assert meta[b"schema_version"] and meta[b"pipeline_version"]


def test_offsets_reproduce_text_in_every_span_table(run):
    _, out = run
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")["text"]
    checked = 0
    for name in SPAN_TABLES:
        table = pq.read_table(out / f"{name}.parquet")
        for column in ("sentence_id", "start", "end"):
            assert str(table.schema.field(column).type) == "int32"
        for row in table.select(["article_id", "start", "end", "text"]).to_pylist():
            assert articles[row["article_id"]][row["start"]:row["end"]] == row["text"], (name, row)
            checked += 1
    assert checked > 0


def test_all_good_articles_present_and_bad_ones_are_error_rows(run):
    raw, out = run
    articles = pd.read_parquet(out / "articles.parquet")
    errors = pd.read_parquet(out / "errors.parquet")
    assert {"trial.md", "nested/news.html"} <= set(articles["source"])
    bad = errors[errors["severity"] == "error"]
    assert set(bad["source"]) == set(BAD_FILES)
    assert all(len(m) > 10 and "\n" not in m for m in bad["message"])
    news = articles.set_index("source").loc["nested/news.html"]
    assert news["format"] == "html" and "x()" not in news["text"]
    assert news["title"] == "Drug news"
    assert articles["article_id"].is_unique


def test_extractors_filled_the_tables(run):
    _, out = run
    stats = pd.read_parquet(out / "statistics.parquet")
    samples = pd.read_parquet(out / "sample_sizes.parquet")
    sentences = pd.read_parquet(out / "sentences.parquet")
    assert "P=0.008" in set(stats["text"])
    assert 218 in set(samples["n"])
    assert (sentences["section"] == "RESULTS").any()


def test_pandas_and_duckdb_read_the_same_rows(run):
    _, out = run
    for name in TABLES:
        path = out / f"{name}.parquet"
        frame = pd.read_parquet(path)
        via_duckdb = duckdb.sql(f"SELECT * FROM read_parquet('{path}')").df()
        assert list(frame.columns) == list(via_duckdb.columns)
        assert len(frame) == len(via_duckdb)
        if len(frame):
            key = [c for c in ("article_id", "start", "end", "source") if c in frame.columns]
            left = frame.astype(str).sort_values(key).reset_index(drop=True)
            right = via_duckdb.astype(str).sort_values(key).reset_index(drop=True)
            for column in ("text", "source", "article_id"):
                if column in left:
                    assert left[column].tolist() == right[column].tolist(), (name, column)


def test_missing_raw_dir_is_one_line_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--raw",
                           str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "not a directory" in proc.stderr


def test_bad_n_process_is_rejected(tmp_path):
    (tmp_path / "raw").mkdir()
    assert main(["extract", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "o"),
                 "--n-process", "0"]) == 2


def test_empty_raw_dir_writes_empty_tables(tmp_path):
    (tmp_path / "raw").mkdir()
    assert main(["extract", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "o")]) == 0
    for name in TABLES:
        assert pq.read_table(tmp_path / "o" / f"{name}.parquet").num_rows == 0
