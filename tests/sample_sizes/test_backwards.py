"""Patterns read from the end of a text, word gates and narrowed search starts agree with the
plain patterns."""
from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.sample_sizes.anchors import EndAnchored, fold, fold_tail
from pipeline.sample_sizes.gates import Gated

extract_module = importlib.import_module("pipeline.sample_sizes.extract")
summary_module = importlib.import_module("pipeline.sample_sizes.summary")

PIECES = st.sampled_from([
    "of", "Of", "OF", "out of", "the", "all", "these", "those", "them", "whom", "which", "among", "including",
    "subgroup", "Subset", "subsample", "planned", "remaining", "first", "eligible", "(12%)", "(< 3.5 % of)", "(",
    ")", ",", ";", ".", "12", "1,204", "one", "Twenty", "twenty-one", "x-nine", "hundred", "thousand", "ſubset",
    "İ", "K", "\u2009", "\n", "  ", "\t", "patients", "adults", "older", "HR+", "co-workers", "n", "=", "n =",
    "randomized", "assigned", "versus", "vs", "either", "compared", "allocated", "review", "meta-analysis",
    "systematic", "pooled", "analyses", "case", "report", "study", "a", "an", "_", "é", "-", "with",
])
TEXTS = st.lists(PIECES, max_size=16).map(" ".join) | st.lists(PIECES, max_size=16).map("".join)


def _backwards() -> list[tuple[str, EndAnchored]]:
    return [(k, v) for k, v in vars(extract_module).items()
            if isinstance(v, EndAnchored) and v.backwards is not None]


def _gated() -> list[tuple[str, Gated]]:
    return [(k, v) for module in (extract_module, summary_module) for k, v in vars(module).items()
            if isinstance(v, Gated)]


def test_patterns_to_check_exist():
    assert {"DENOM_BEFORE_RE", "DENOM_COUNT_BEFORE_RE"} <= {k for k, _ in _backwards()}
    assert {"RANDOM_CONTEXT", "REVIEW_RE", "POOLING_RE", "CASE_REPORT_RE"} <= {k for k, _ in _gated()}


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_backwards_patterns_agree_with_search(text):
    tail = fold_tail(text)
    for name, rx in _backwards():
        assert rx.test(text, tail) == (rx.rx.search(text) is not None), name
    subgroup = extract_module.SUBGROUP_RE.search(text) is not None
    assert (extract_module.SUBGROUP_END_RE.match(text[::-1]) is not None) == subgroup


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_gated_patterns_keep_every_match(text):
    for name, gated in _gated():
        if gated.rx.search(text):
            assert gated.possible(fold(text)), name
        assert (gated.search(text) is None) == (gated.rx.search(text) is None), name


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_population_search_start(text):
    """A match of POPULATION_NP_RE never starts before the last five runs of non-blanks."""
    stop = len(text) - extract_module.POPULATION_NP_STOP_RE.match(text[::-1]).end()
    m = extract_module.POPULATION_NP_RE.search(text, stop)
    m_runs = extract_module.LAST_FIVE_RUNS_RE.match(text[::-1])
    start = max(stop, len(text) - m_runs.end()) if m_runs else stop
    m2 = extract_module.POPULATION_NP_RE.search(text, start)
    assert (m and (m.span(), m.groups())) == (m2 and (m2.span(), m2.groups()))
