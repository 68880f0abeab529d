"""The shortcuts of the sample-size rules give what the patterns themselves give.

End-anchored patterns are skipped when the text's ending rules them out, word lists are looked up
in an index, numbers are searched from likely starts: each must agree with the plain pattern.
"""
from __future__ import annotations

import importlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.sample_sizes.anchors import EndAnchored, fold, fold_tail
from pipeline.sample_sizes.index import build_indexes

# the modules (the package exports a function named `extract`)
extract_module = importlib.import_module("pipeline.sample_sizes.extract")
numbers_module = importlib.import_module("pipeline.sample_sizes.numbers")

PIECES = st.sampled_from([
    "of", "the", "a total of", "in total", "only", "all", "n", "=", ":", "(", ")", ",", ";", "of these",
    "among", "were", "randomized", "Randomly assigned", "enrolled", "age", "aged", "between", "K", "İ",
    "ı", "ſ", "\u2009", "\n", "  ", "\t", "OF", "THE", "Total", "patients", "Patients", "mice", "rats",
    "analysis", "comprised", "population", "n =", "N=", "[", "12", "1,204", "13 388", "-", "–", "vs",
    "versus", "matched to", "one in", "from", "with", "plan", "will", "data from", "x", "non-users",
    "women-", "_", "é", "one", "Twenty-two", "hundred and", "often", "weight", "3.5", "·", "days 1 and",
    "mg/m(", "$", "March", "fewer than", "median sample size of", "trial in", "observed in",
])
TEXTS = st.lists(PIECES, max_size=14).map(" ".join) | st.lists(PIECES, max_size=14).map("".join)


def _end_anchored() -> list[tuple[str, EndAnchored]]:
    ex = extract_module._get_extractor(extract_module.load_lexicon())
    found = [(k, v) for k, v in vars(extract_module).items() if isinstance(v, EndAnchored)]
    return found + [(k, v) for k, v in vars(ex).items() if isinstance(v, EndAnchored)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_end_anchored_test_keeps_every_match(text):
    tail = fold_tail(text)
    for name, rx in _end_anchored():
        if rx.rx.search(text):
            assert rx.possible(text, tail), name
            assert rx.search(text, tail), name


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_end_anchored_tail_of_a_longer_text(head, text):
    tail = fold_tail(head + text)
    for name, rx in _end_anchored():
        if rx.rx.search(text):
            assert rx.search(text, tail), name


def test_fold_keeps_length_and_ignorecase_letters():
    for c in "abcdefghijklmnopqrstuvwxyz":
        rx = re.compile(c, re.IGNORECASE)
        for x in ("\u0130", "\u0131", "\u017f", "\u212a", c, c.upper()):
            if rx.fullmatch(x):
                assert fold(x) == c
    assert len(fold("\u0130stanbul")) == len("\u0130stanbul")


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(-3, 120), st.integers(-3, 120)), max_size=6))
def test_word_index_matches_window_search(text, windows):
    ex = extract_module._get_extractor(extract_module.load_lexicon())
    lists = [(ex.noun_words, ex.noun_re), (ex.org_words, ex.org_re)]
    for index, (_, rx) in zip(build_indexes(text, lists), lists):
        for a, b in windows:
            m = rx.search(text, a, b)
            assert index.first(a, b) == (m.span() if m else None)
            last = None
            for last in rx.finditer(text, a, b):
                pass
            assert index.last(a, b) == (last.span() if last else None)


PLAIN_DIGITS_RE = re.compile(
    r"(?<![\w.,·])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2008\u2009\u202f]\d{3})+|\d+)(?![\w]|[.,·]\d)")


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_number_search_matches_plain_patterns(text):
    assert [m.span(1) for m in numbers_module.DIGITS_RE.finditer(text)] == \
        [m.span(1) for m in PLAIN_DIGITS_RE.finditer(text)]
    assert [m.span() for m in numbers_module._word_matches(text)] == \
        [m.span() for m in numbers_module.WORDS_RE.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_previous_word_and_cue_test(text):
    m = extract_module.PREV_WORD_RE.search(text)
    assert extract_module._prev_word(text) == (m.group(1).lower() if m else "")
    ex = extract_module._get_extractor(extract_module.load_lexicon())
    for before in (text, text + " ", text + ", "):
        tail = before[-100:]
        if ex.cue_before_any.search(tail):
            assert ex._cue_before_possible(tail, fold_tail(before))
