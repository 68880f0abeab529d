"""`python -m pipeline.bench` runs end to end on its synthetic corpus."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.bench import (bench_scaling, main, scaling_corpus, synthetic_abstracts,
                             synthetic_fulltext)


def test_synthetic_corpus_is_deterministic():
    assert synthetic_abstracts(3) == synthetic_abstracts(3)
    assert len(set(synthetic_abstracts(20))) == 20
    assert "Results" in synthetic_fulltext(0)


def test_bench_on_synthetic_corpus(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert main(["--bench-dir", str(tmp_path / "absent"), "--limit", "12", "--fulltext-limit", "1",
                 "--scaling-limit", "0", "--scaling-fulltexts", "0", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "corpus: synthetic" in printed and "full / floor" in printed
    figures = json.loads(out.read_text())
    assert figures["full"]["abstracts"]["docs"] == 12
    stages = figures["full"]["all"]["stages"]
    assert {"tokenize", "sentences", "abbreviations", "claims", "writing"} <= set(stages)
    assert figures["abbreviations"]["same_docs"] == figures["abbreviations"]["docs"] == 13
    assert "scaling" not in figures


def test_scaling_corpus_spreads_full_texts_among_abstracts():
    corpora = {"abstracts": [f"a{i}" for i in range(10)], "fulltexts": ["f0", "f1"]}
    mixed = scaling_corpus(Path("absent"), "synthetic", corpora, abstracts=10, fulltexts=2)
    assert sorted(mixed) == sorted(corpora["abstracts"] + corpora["fulltexts"])
    assert mixed.index("f0") == 5 and mixed[-1] == "f1"
    only_abstracts = scaling_corpus(Path("absent"), "synthetic", corpora, abstracts=4, fulltexts=0)
    assert only_abstracts == ["a0", "a1", "a2", "a3"]


def test_scaling_runs_one_and_two_processes_alternately(tmp_path):
    figures = bench_scaling(synthetic_abstracts(6), tmp_path, repeats=1)
    assert figures["docs"] == 6 and {len(w) for w in figures["walls"].values()} == {1}
    assert figures["one"]["n_process"] == 1 and figures["two"]["n_process"] == 2
    assert "articles: 6" in figures["one"]["summary"] and "articles: 6" in figures["two"]["summary"]
    assert figures["speedup"] > 0
