"""Lexicon compilation, MeSH-branch policy and the cache."""
import pickle

import pytest

from pipeline.entities import lexicon as lx
from pipeline.entities.text import make_key


def test_make_key_normalises():
    assert make_key("TNF-α") == make_key("TNF alpha") == "tnfalpha"
    assert make_key("Non-Hodgkin lymphoma") == make_key("non hodgkin lymphoma")
    assert make_key("Alzheimer's disease") == make_key("alzheimers disease")


@pytest.mark.parametrize("vocab,trees,expected", [
    ("drug", ["D02.455.426"], "CHEMICAL"),
    ("drug", ["D12.125.072"], "default"),  # the vocabulary label: CHEMICAL
    ("drug", ["D10.251.355", "D12.776.521"], "CHEMICAL"),
    ("drug", ["D12.776.124"], "GENE_OR_PROTEIN"),
    ("drug", ["D08.811.277"], "GENE_OR_PROTEIN"),
    ("drug", ["D27.505.954"], "drop"),
    ("drug", ["D12.644.548.586", "D06.472.699.587"], "GENE_OR_PROTEIN"),
    ("drug", [], "default"),
    ("disease", ["C04.588"], "DISEASE"),
    ("disease", ["F03.600"], "DISEASE"),
    ("disease", ["F01.470"], "drop"),
    ("disease", ["M01.100"], "drop"),
    ("disease", ["C23.888.144", "E01.370.600.115"], "drop"),
])
def test_tree_policy(vocab, trees, expected):
    assert lx.tree_action(vocab, trees, lx.mesh_policy()) == expected


def test_uninvert():
    assert lx.uninvert("Carcinoma, Hepatocellular") == "hepatocellular carcinoma"
    assert lx.uninvert("Asthma") == "asthma"


def test_adjectives():
    assert lx.disease_adjectives("hypertension") == ["hypertensive"]
    assert lx.disease_adjectives("epilepsy") == ["epileptic"]
    assert lx.disease_adjectives("thrombosis") == ["thrombotic"]


def test_cache_build_and_reuse(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path))
    lex, info = lx.load_lexicon()
    assert info["built"] and info["build_seconds"] > 0
    path = lx.cache_path()
    assert path.parent == tmp_path and path.exists()
    lex2, info2 = lx.load_lexicon()
    assert not info2["built"]
    assert lex2.entries == lex.entries
    assert lex.versions[lx.DRUG_PKG] != "absent"
    # the key covers package versions and data files
    assert lx.cache_key() == path.stem.split("-", 1)[1]


def test_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path))
    path = lx.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    lex, info = lx.load_lexicon()
    assert info["built"]
    with open(path, "rb") as fh:
        assert isinstance(pickle.load(fh), lx.Lexicon)


def test_package_entries_present(recognizer):
    rec = recognizer.entries[make_key("gentamicin")][0]
    assert rec[0] == "CHEMICAL" and rec[3] == "drug_lexicon"
    rec = recognizer.entries[make_key("hepatic encephalopathy")][0]
    assert rec[0] == "DISEASE" and rec[2].startswith("MeSH:")
    # general-language words and drug classes are not entries
    for w in ("may", "lead", "combined", "analgesics", "moods"):
        assert make_key(w) not in recognizer.entries or recognizer.entries[make_key(w)][0][3] not in (
            "drug_lexicon", "disease_lexicon"), w
