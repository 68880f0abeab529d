"""The hand-annotated gold files are well formed and resolve against their articles.

These checks need no pipeline: they read `tests/gold/*.jsonl` with `pipeline.evaluation.gold`
and validate every record against the guidelines of `tests/gold/README.md`.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.evaluation.gold import (
    ALLOWED_KEYS,
    GoldArticle,
    load_gold,
    load_gold_file,
    validate_record,
)

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "tests" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.jsonl"))
ARTICLE_SUFFIXES = {".txt", ".md"}

MIN_ARTICLES = 10
MIN_RECORDS = 400


@pytest.fixture(scope="module")
def corpus() -> list[GoldArticle]:
    return load_gold(GOLD_DIR, REPO)


def test_gold_files_exist():
    assert GOLD_FILES, "no gold files in tests/gold"


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_loads_and_resolves(gold_file: Path):
    article = load_gold_file(gold_file, REPO)
    assert Path(article.path).stem == gold_file.stem, "gold file must be named after its article"
    assert Path(article.path).suffix in ARTICLE_SUFFIXES
    assert article.path.startswith(("raw/", "tests/gold/articles/"))
    assert article.records, f"{gold_file.name} has no annotations"
    for r in article.records:
        assert article.text[r["start"]:r["end"]] == r["text"], (gold_file.name, r["line"])


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_records_use_allowed_keys_and_vocabularies(gold_file: Path):
    article = load_gold_file(gold_file, REPO)
    problems = []
    for r in article.records:
        for p in validate_record(r):
            problems.append(f"{gold_file.name}:{r['line']}: {p}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_every_table_is_annotated(gold_file: Path):
    article = load_gold_file(gold_file, REPO)
    tables = {r["table"] for r in article.records}
    # every article has entities, statistics and claims; sample sizes and doses where present
    assert {"entities", "statistics", "claims"} <= tables, (gold_file.name, sorted(tables))


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_no_duplicate_spans_within_a_table(gold_file: Path):
    article = load_gold_file(gold_file, REPO)
    seen = Counter((r["table"], r["start"], r["end"]) for r in article.records)
    dupes = [k for k, n in seen.items() if n > 1]
    assert not dupes, dupes


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_statistic_values_are_consistent(gold_file: Path):
    article = load_gold_file(gold_file, REPO)
    for r in article.by_table("statistics"):
        where = f"{gold_file.name}:{r['line']}"
        if r["kind"] == "confidence_interval" and r.get("lower") is not None:
            assert r["lower"] <= r["upper"], where
        if r["kind"] == "proportion":
            assert r["value"] <= r["denominator"], where
        if r["kind"] == "p_value" and r.get("value") is not None:
            assert 0 <= r["value"] <= 1, where
        if r["kind"] == "heterogeneity":
            assert r.get("measure") in ("I2", "tau2", "Q") and r["value"] >= 0, where
            if r["measure"] == "I2":
                assert r["value"] <= 100, where


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_sample_size_spans_are_numbers_only(gold_file: Path):
    article = load_gold_file(gold_file, REPO)
    for r in article.by_table("sample_sizes"):
        # the number only, as written: digits (with , or -), or a number word
        assert " " not in r["text"].strip("-"), (gold_file.name, r["line"], r["text"])
        if "n_lower" in r and r["n_lower"] is not None:
            assert r["n_lower"] <= r["n"]


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_spans_have_no_outer_whitespace(gold_file: Path):
    article = load_gold_file(gold_file, REPO)
    for r in article.records:
        assert r["text"] == r["text"].strip(), (gold_file.name, r["line"])


def test_every_article_has_a_gold_file():
    articles = [p for d in ("raw", "tests/gold/articles") for p in sorted((REPO / d).glob("*"))
                if p.suffix in ARTICLE_SUFFIXES]
    stems = {p.stem for p in GOLD_FILES}
    missing = [str(p.relative_to(REPO)) for p in articles if p.stem not in stems]
    assert not missing, f"articles without gold: {missing}"


def test_corpus_size(corpus):
    assert len(corpus) >= MIN_ARTICLES
    n = sum(len(a.records) for a in corpus)
    assert n >= MIN_RECORDS, n
    assert len({a.path for a in corpus}) == len(corpus), "two gold files name the same article"


def test_allowed_keys_cover_every_table():
    assert set(ALLOWED_KEYS) == {"entities", "statistics", "sample_sizes", "claims", "doses"}


# ---- loader behaviour ------------------------------------------------------------------------

def _write(tmp_path: Path, lines: list[str], article_text: str = "P=0.008 and P=0.008 again") -> Path:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text(article_text, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    f = gold / "a.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def test_loader_resolves_occurrences_and_skips_comments(tmp_path: Path):
    f = _write(tmp_path, [
        json.dumps({"article": "raw/a.txt"}),
        "// a reviewer note",
        "",
        json.dumps({"table": "statistics", "text": "P=0.008", "occurrence": 2, "kind": "p_value",
                    "value": 0.008, "operator": "="}),
    ])
    [art] = load_gold(f.parent, tmp_path)
    assert art.path == "raw/a.txt"
    [rec] = art.records
    assert (rec["start"], rec["end"]) == (12, 19)
    assert art.text[rec["start"]:rec["end"]] == "P=0.008"


def test_loader_names_file_and_line_for_missing_text(tmp_path: Path):
    f = _write(tmp_path, [
        json.dumps({"article": "raw/a.txt"}),
        json.dumps({"table": "statistics", "text": "P=0.008", "occurrence": 3}),
    ])
    with pytest.raises(ValueError, match=r"a\.jsonl:2: .*not found"):
        load_gold(f.parent, tmp_path)


def test_loader_names_file_and_line_for_bad_json(tmp_path: Path):
    f = _write(tmp_path, [json.dumps({"article": "raw/a.txt"}), "// ok", "{not json"])
    with pytest.raises(ValueError, match=r"a\.jsonl:3: invalid JSON"):
        load_gold(f.parent, tmp_path)


def test_loader_rejects_unknown_table(tmp_path: Path):
    f = _write(tmp_path, [json.dumps({"article": "raw/a.txt"}),
                          json.dumps({"table": "stats", "text": "P=0.008"})])
    with pytest.raises(ValueError, match="unknown table"):
        load_gold(f.parent, tmp_path)
