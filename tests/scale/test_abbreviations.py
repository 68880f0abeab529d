"""`claims_abbreviations` gives scispaCy's abbreviation output (its speed is measured by `make bench`)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.nlp.abbreviations import find_abbreviations, paren_candidates

BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks"
KEYS = ("short_text", "short_start", "short_end", "long_text", "long_start", "long_end")

EXAMPLES = [
    "Interleukin 6 (IL-6) and tumor necrosis factor alpha (TNF-alpha) rose; IL-6 fell later.",
    "We measured C-reactive protein (CRP). CRP was high. Body mass index (BMI) and BMI again.",
    "The odds ratio (OR) was 2.1 (95% CI 1.2-3.4). Hazard ratio (HR) 0.8, p (two-sided) = 0.03.",
    "( unbalanced ( parens ) here ) and ) stray ( open at the end (",
    "Nested (acute kidney injury (AKI)) and AKI; glomerular filtration rate (GFR (eGFR)).",
    "SF (short form long example words here) then (SF). Non-small cell lung cancer (NSCLC).",
    "Rapamycin (sirolimus) at 1 mg (n = 12) in mice (Mus musculus) and (a) (bb) (ccc).",
    "(AB) starts the text and ends with (AB)",
    "",
    "one",
]


def _norm(rows: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """All rows (sorted) and the order of long forms: short forms within one long form come
    out of scispaCy in set order, which is not deterministic."""
    longs = []
    for row in rows:
        key = (row["long_start"], row["long_end"])
        if not longs or longs[-1] != key:
            longs.append(key)
    return sorted(tuple(row[k] for k in KEYS) for row in rows), longs


@pytest.fixture(scope="module")
def tokenizer_nlp():
    import spacy

    from pipeline.nlp.builder import _register_factories
    from pipeline.nlp.tokenizer import create_scispacy_tokenizer

    _register_factories()
    nlp = spacy.blank("en")
    nlp.tokenizer = create_scispacy_tokenizer()(nlp)
    return nlp


@pytest.fixture(scope="module")
def scispacy_detector(tokenizer_nlp):
    from scispacy.abbreviation import AbbreviationDetector

    return AbbreviationDetector(tokenizer_nlp, make_serializable=True)


def _compare(nlp, detector, texts: list[str]) -> int:
    """Assert the same abbreviations as scispaCy's detector on every text; return how many."""
    found = 0
    for text in texts:
        doc = nlp.make_doc(text)
        detector(doc)
        reference = list(doc._.abbreviations)
        ours = find_abbreviations(doc)
        assert _norm(ours) == _norm(reference), text[:200]
        found += len(reference)
    return found


def test_paren_candidates_pair_each_open_with_nearby_closes():
    words = ["a", "(", "b", ")", "c", ")", "(", ")"]
    assert paren_candidates(words) == [(2, 3), (2, 5), (2, 7)]  # "( )" (nothing inside) is no match


def test_same_output_as_scispacy_on_examples(tokenizer_nlp, scispacy_detector):
    found = _compare(tokenizer_nlp, scispacy_detector, EXAMPLES)
    assert found >= 8


def test_output_is_sorted_within_a_long_form(tokenizer_nlp):
    doc = tokenizer_nlp.make_doc("Body mass index (BMI). BMI, BMI and BMI.")
    rows = find_abbreviations(doc)
    assert [r["short_start"] for r in rows] == sorted(r["short_start"] for r in rows)
    assert {r["long_text"] for r in rows} == {"Body mass index"} and len(rows) == 4


def test_default_pipeline_uses_it(nlp):
    assert nlp.get_pipe_meta("abbreviations").factory == "claims_abbreviations"
    doc = nlp("Interleukin 6 (IL-6) rose. IL-6 fell.")
    assert [(a["short_text"], a["long_text"]) for a in doc._.abbreviations] == [
        ("IL-6", "Interleukin 6"), ("IL-6", "Interleukin 6")]


@pytest.mark.skipif(not (BENCH / "abstracts_4k.jsonl").exists(), reason="benchmarks not present")
def test_same_output_as_scispacy_on_benchmark_sample(tokenizer_nlp, scispacy_detector):
    texts = []
    for name, limit in (("abstracts_4k.jsonl", 400), ("fulltexts_400.jsonl", 15)):
        with open(BENCH / name, encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for _, line in zip(range(limit), handle)]
    assert _compare(tokenizer_nlp, scispacy_detector, texts) > 1000
