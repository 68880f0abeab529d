"""Evaluation entry points with the gold loader and the pipeline replaced by stand-ins."""
from __future__ import annotations

import json
import os
import sys
import types
from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.evaluation import run
from pipeline.evaluation.scoring import ALL

TEXT = "Weight fell (P=0.008)."


@pytest.fixture
def fake_pipeline(monkeypatch):
    gold = [SimpleNamespace(path="raw/a.md", text=TEXT, records=[
        {"table": "statistics", "start": 13, "end": 20, "text": "P=0.008", "kind": "p_value",
         "value": 0.008, "operator": "="}])]
    calls = {}

    def fake_predict(docs, config_path=None):
        calls["docs"], calls["config"] = docs, config_path
        return {"articles": pd.DataFrame([{"article_id": "x", "source": "raw/a.md", "text": TEXT}]),
                "statistics": pd.DataFrame([{"article_id": "x", "start": 13, "end": 20,
                                             "text": "P=0.008", "kind": "p_value", "value": 0.008,
                                             "operator": "<"}])}

    monkeypatch.setattr(run, "load_gold_articles", lambda gold_dir, repo_root: gold)
    monkeypatch.setattr(run, "predict", fake_predict)
    return calls


def test_evaluate_gold_passes_texts_keyed_by_path(fake_pipeline, tmp_path):
    res = run.evaluate_gold(tmp_path, tmp_path, config_path="cfg")
    assert fake_pipeline["docs"] == {"raw/a.md": TEXT}
    assert fake_pipeline["config"] == "cfg"
    s = res["tables"]["statistics"][ALL]
    assert s["exact"]["f1"] == 1.0 and s["values"]["accuracy"] == 0.5


def test_main_writes_json_and_baseline_and_compares(fake_pipeline, tmp_path, capsys):
    out, base = tmp_path / "card.json", tmp_path / "baseline.json"
    assert run.main(["--json", str(out), "--write-baseline", str(base)]) == 0
    printed = capsys.readouterr().out
    assert "| statistics | p_value |" in printed
    assert json.loads(out.read_text())["tables"]["statistics"]["p_value"]["n_gold"] == 1
    baseline = json.loads(base.read_text())
    assert baseline["scores"]["statistics"]["p_value"] == {"overlap_f1": 1.0, "values_exact_f1": 0.0}
    # same scores: no regression
    assert run.main(["--json", str(out), "--compare", str(base)]) == 0
    baseline["scores"]["statistics"]["p_value"]["overlap_f1"] = 1.0
    baseline["scores"]["statistics"]["p_value"]["values_exact_f1"] = 0.5
    base.write_text(json.dumps(baseline))
    assert run.main(["--json", str(out), "--compare", str(base)]) == 1
    assert "values_exact_f1: 0.500 -> 0.000" in capsys.readouterr().out


def test_main_prints_errors(fake_pipeline, tmp_path, capsys):
    assert run.main(["--json", str(tmp_path / "c.json"), "--errors", "5"]) == 0
    assert "value_mismatch" in capsys.readouterr().out


def test_benchmarks_run_existing_modules_and_skip_missing(monkeypatch, tmp_path):
    seen = {}

    def main_with_args(argv=None):
        seen["argv"] = argv
        seen["env"] = os.environ.get("CLAIMS_BENCHMARKS_DIR")
        return {"f1": 0.42}

    def main_printing():
        print("progress...")
        print(json.dumps({"accuracy": 0.9}))
        return 0

    pico = types.ModuleType("pipeline.evaluation.pico")
    pico.main = main_with_args
    ei = types.ModuleType("pipeline.evaluation.evidence_inference")
    ei.main = main_printing
    monkeypatch.setitem(sys.modules, "pipeline.evaluation.pico", pico)
    monkeypatch.setitem(sys.modules, "pipeline.evaluation.evidence_inference", ei)
    monkeypatch.setitem(sys.modules, "pipeline.evaluation.ner_bench", None)  # import fails
    res = run.evaluate_benchmarks(tmp_path)
    assert res["pico"]["status"] == "ok" and res["pico"]["scores"] == {"f1": 0.42}
    assert seen["argv"][0] == "--json"
    assert seen["env"] == str(tmp_path)
    assert res["evidence_inference"]["scores"] == {"accuracy": 0.9}
    assert res["ner_bench"]["status"] in ("skipped", "error")


def test_benchmark_json_file_and_limit_fallback(monkeypatch, tmp_path):
    """Scripts take --json FILE (some also --limit) and read $CLAIMS_BENCHMARKS_DIR."""
    import argparse

    calls = []

    def main(argv=None):
        calls.append(argv)
        p = argparse.ArgumentParser()
        p.add_argument("--json")
        a = p.parse_args(argv)        # no --limit: the first form is refused
        with open(a.json, "w") as fh:
            json.dump({"bench": os.environ["CLAIMS_BENCHMARKS_DIR"], "f1": 0.7}, fh)
        return 0

    mod = types.ModuleType("fake_bench_mod")
    mod.main = main
    monkeypatch.setitem(sys.modules, "fake_bench_mod", mod)
    res = run.run_benchmark("fake_bench_mod", tmp_path, limit=10)
    assert res["status"] == "ok"
    assert res["scores"] == {"bench": str(tmp_path), "f1": 0.7}
    assert [c[2:] for c in calls] == [["--limit", "10"], []]


def test_benchmark_that_skips_is_reported_as_skipped(monkeypatch, tmp_path):
    mod = types.ModuleType("skipping_bench_mod")
    mod.main = lambda argv=None: print("benchmark not found at /x; skipping.") or 0
    monkeypatch.setitem(sys.modules, "skipping_bench_mod", mod)
    res = run.run_benchmark("skipping_bench_mod", tmp_path)
    assert res["status"] == "skipped" and "skipping" in res["reason"]


def test_benchmark_exceptions_are_reported(monkeypatch, tmp_path):
    mod = types.ModuleType("broken_bench_mod")
    mod.main = lambda: 1 / 0
    monkeypatch.setitem(sys.modules, "broken_bench_mod", mod)
    res = run.run_benchmark("broken_bench_mod", tmp_path)
    assert res["status"] == "error" and "ZeroDivisionError" in res["reason"]


def test_missing_bench_dir_skips_everything(tmp_path):
    res = run.evaluate_benchmarks(tmp_path / "nope")
    assert {v["status"] for v in res.values()} == {"skipped"}
