"""Validation of measures.json."""
from __future__ import annotations

import copy

import pytest

from pipeline.statistics.lexicon import LexiconError, load, measure_kind, validate


def test_shipped_lexicon_is_valid():
    data = load()
    assert validate(copy.deepcopy(data)) == data
    assert measure_kind("HR") == "ratio"
    assert measure_kind("SMD") == "difference"
    assert measure_kind("nope") is None
    assert data["word_folds"]["tripled"] == 3


@pytest.mark.parametrize("mutate", [
    lambda d: d.pop("units"),
    lambda d: d["effect_measures"]["HR"].update(kind="odd"),
    lambda d: d["effect_measures"]["HR"].update(names="hazard ratio"),
    lambda d: d["word_folds"].update({"tripled": -3}),
    lambda d: d["number_words"].update({"two words": 2}),
    lambda d: d["units"].append(" kg"),
    lambda d: d["nnt"].update(NNT=[]),
])
def test_malformed_lexicon_is_refused(mutate):
    data = copy.deepcopy(load())
    mutate(data)
    with pytest.raises(LexiconError):
        validate(data)
