"""`python -m pipeline.bench` runs end to end on its synthetic corpus."""
from __future__ import annotations

import json

from pipeline.bench import main, synthetic_abstracts, synthetic_fulltext


def test_synthetic_corpus_is_deterministic():
    assert synthetic_abstracts(3) == synthetic_abstracts(3)
    assert len(set(synthetic_abstracts(20))) == 20
    assert "Results" in synthetic_fulltext(0)


def test_bench_on_synthetic_corpus(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert main(["--bench-dir", str(tmp_path / "absent"), "--limit", "12", "--fulltext-limit", "1",
                 "--scaling-limit", "0", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "corpus: synthetic" in printed and "full / floor" in printed
    figures = json.loads(out.read_text())
    assert figures["full"]["abstracts"]["docs"] == 12
    stages = figures["full"]["all"]["stages"]
    assert {"tokenize", "sentences", "abbreviations", "claims", "writing"} <= set(stages)
    assert figures["abbreviations"]["same_docs"] == figures["abbreviations"]["docs"] == 13
