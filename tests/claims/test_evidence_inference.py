"""The Evidence Inference runner: skips cleanly without data, scores a tiny local file."""
from __future__ import annotations

import json

from pipeline.evaluation import evidence_inference as ei


def test_skips_when_benchmark_absent(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMS_BENCHMARKS_DIR", str(tmp_path))
    assert ei.main([]) == 0
    assert "not found" in capsys.readouterr().out


def test_scores_a_small_file(tmp_path, capsys):
    text = ("ABSTRACT.RESULTS:\nPain scores were similar between groups (p = 0.40). "
            "Mortality was significantly lower in the drug group than in the placebo group (p < 0.01). "
            "Grip strength increased with training (p = 0.002).")
    spans = []
    for sent, label, outcome in [("Pain scores were similar", "no_effect", "pain scores"),
                                 ("Mortality was significantly lower", "decrease", "mortality"),
                                 ("Grip strength increased", "increase", "grip strength")]:
        s = text.index(sent)
        spans.append({"start": s, "end": s + len(sent), "label": label, "text": sent,
                      "intervention": "drug", "comparator": "placebo", "outcome": outcome, "prompt_id": label})
    path = tmp_path / "ei.jsonl"
    path.write_text(json.dumps({"id": "x", "text": text, "spans": spans}) + "\n", encoding="utf-8")
    out_json = tmp_path / "out.json"
    assert ei.main(["--path", str(path), "--json", str(out_json)]) == 0
    result = json.loads(out_json.read_text())
    assert result["per_label"]["all"]["coverage"] == 1.0
    assert result["per_label"]["all"]["accuracy"] == 1.0
    assert "| all | 3 | 3 |" in capsys.readouterr().out
