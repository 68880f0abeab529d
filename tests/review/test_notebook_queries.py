"""The queries of notebooks/explore.ipynb run against the declared schema (empty and small tables)."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.schema import TABLES

pytest.importorskip("duckdb")

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "explore.ipynb"


def run_notebook(out_dir: Path, monkeypatch) -> dict:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    monkeypatch.setenv("CLAIMS_OUT", str(out_dir))
    monkeypatch.chdir(REPO / "notebooks")
    ns: dict = {"__name__": "__notebook__"}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), str(NOTEBOOK), "exec"), ns)
    return ns


def test_notebook_is_valid_nbformat():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4 and nb["nbformat_minor"] >= 4
    for cell in nb["cells"]:
        assert cell["cell_type"] in ("markdown", "code") and isinstance(cell["source"], list)
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("write_files", [True, False], ids=["empty-files", "no-files"])
def test_queries_run_on_empty_tables(tmp_path, monkeypatch, write_files):
    if write_files:
        for name, schema in TABLES.items():
            pq.write_table(schema.empty_table(), tmp_path / f"{name}.parquet")
    ns = run_notebook(tmp_path, monkeypatch)
    for var in ("rapamycin_p", "rapamycin_p_pandas", "sizes_by_design", "totals_by_design",
                "sizes_pandas", "inconsistent", "flag_counts"):
        assert len(ns[var]) == 0, var
    assert list(ns["rapamycin_p"].columns)[:3] == ["source", "claim_id", "claim"]


def _write(out, name, rows):
    pq.write_table(pa.Table.from_pylist(rows, schema=TABLES[name]), out / f"{name}.parquet")


def test_queries_answer_on_small_tables(tmp_path, monkeypatch):
    text = "x" * 400
    A = "a1"
    _write(tmp_path, "articles", [
        {"article_id": A, "source": "raw/a.md", "text": text, "n_chars": 400, "n_sentences": 5,
         "sha256": "s", "study_design": "rct", "sample_size_total": 100},
        {"article_id": "b2", "source": "raw/b.md", "text": text, "n_chars": 400, "n_sentences": 5,
         "sha256": "t", "study_design": None},
    ])

    def span(i, **kw):
        return {"article_id": A, "sentence_id": i, "start": i * 50, "end": i * 50 + 40,
                "text": text[i * 50: i * 50 + 40], **kw}

    _write(tmp_path, "claims", [
        span(0, claim_id=0, intervention="rapamycin", organism="human", statistic_ids=[0, 5]),
        span(1, claim_id=1, intervention="Sirolimus", organism="human", statistic_ids=[1]),
        span(2, claim_id=2, intervention="rapamycin", organism="mouse", statistic_ids=[2]),
        span(3, claim_id=3, intervention="the drug", organism="human", statistic_ids=[3]),
        span(4, claim_id=4, intervention="metformin", organism="human", statistic_ids=[4]),
        span(5, claim_id=5, intervention="rapamycin", organism="human", statistic_ids=[]),
    ])
    _write(tmp_path, "entities", [
        {"article_id": A, "sentence_id": 3, "start": 155, "end": 160, "text": text[155:160],
         "entity_id": 0, "label": "CHEMICAL", "canonical": "rapamycin"},
    ])
    _write(tmp_path, "statistics", [
        span(0, stat_id=0, kind="p_value", value=0.01, operator="="),
        span(1, stat_id=1, kind="p_value", value=0.2, operator="=", consistent=False,
             flags="ci_excludes_estimate;p_mismatch"),
        span(2, stat_id=2, kind="p_value", value=0.001, operator="<"),
        span(3, stat_id=3, kind="p_value", value=0.05, operator="<", consistent=True),
        span(4, stat_id=4, kind="p_value", value=0.001, operator="="),
        span(0, stat_id=5, kind="p_value", value=None, operator=None),
        span(1, stat_id=6, kind="percentage", value=3.0, consistent=False, flags="p_mismatch"),
    ])
    _write(tmp_path, "sample_sizes", [
        span(0, sample_id=0, n=30, role="randomized"),
        span(1, sample_id=1, n=100, role="enrolled"),
        span(2, sample_id=2, n=12, role="studies"),
        {**span(0, sample_id=0, n=8), "article_id": "b2"},
    ])
    ns = run_notebook(tmp_path, monkeypatch)
    assert ns["rapamycin_p"]["claim_id"].tolist() == [0, 3]
    assert sorted(ns["rapamycin_p_pandas"]["claim_id"].tolist()) == [0, 3]
    sizes = ns["sizes_by_design"].set_index("design")
    assert sizes.loc["rct", "n_rows"] == 2 and sizes.loc["rct", "median_n"] == 65
    assert sizes.loc["unknown", "max_n"] == 8
    assert ns["sizes_pandas"].loc["rct", "count"] == 3     # the pandas view keeps every row
    assert ns["inconsistent"]["stat_id"].tolist() == [1, 6]
    assert dict(zip(ns["flag_counts"]["flag"], ns["flag_counts"]["n"])) == {"p_mismatch": 2,
                                                                           "ci_excludes_estimate": 1}
