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


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_previous_modifier(text):
    for s in (text, text + " ", text + "\u2009\n"):
        m = extract_module.PREV_MODIFIER_RE.search(s)
        assert extract_module._prev_modifier(s) == (m.group(1) if m else None)


ARM_SPLIT_WORDS_RE = re.compile(
    r"[;,:(\[]|\bor\b|\band\b|\bversus\b|\bvs\.?|\beither\b|\bto\b|\binto\b|\breceive\b|\breceived\b|"
    r"\breceiving\b|\bwith\b|\bcompared\b|\bwhereas\b|\bwhile\b|\bassigned\b|\ballocated\b|\brandomi[sz]ed\b",
    re.IGNORECASE)
ARM_PIECES = st.sampled_from(["or", "Or", "and", "versus", "vs", "vs.", "either", "to", "into", "receive",
                              "received", "receiving", "with", "compared", "whereas", "while", "assigned",
                              "allocated", "randomised", "randomized", "toward", "orange", "(", ",", ";", ":",
                              "[", "drug", "placebo", "-", "_", "é"])


@settings(max_examples=400, deadline=None)
@given(st.lists(ARM_PIECES, max_size=12).map(" ".join) | st.lists(ARM_PIECES, max_size=12).map("".join))
def test_arm_split_words(text):
    assert [m.span() for m in extract_module.ARM_SPLIT_RE.finditer(text)] == \
        [m.span() for m in ARM_SPLIT_WORDS_RE.finditer(text)]


POP_PIECES = st.sampled_from(["patients", "adults", "women", "men", "with", "without", "taking", "aged", "over",
                              "diabetes", "type 2", "were", "and", "to", "the", "older", "x", "Patients", ",",
                              "(", "  ", "-", "é", "NMN", "receiving", "children"])


@settings(max_examples=400, deadline=None)
@given(st.lists(POP_PIECES, max_size=12).map(" ".join))
def test_population_before_first_noun(head):
    ex = extract_module._get_extractor(extract_module.load_lexicon())
    full = re.compile(
        r"((?:[A-Za-z][\w+\-]*\s+){0,3}?)(%s)\s+((?:with|without|taking|receiving|carrying|undergoing|"
        r"aged|over|under)\s+(?:(?!\b(?:were|was|is|are|had|have|to|and)\b)[^,;:()]){1,60}?)\s*$"
        % ex.noun_re.pattern, re.IGNORECASE)
    m, m_full = ex.population_before_re.search(head), full.search(head)
    assert (m is None) == (m_full is None)
    if m:
        assert (m.span(1), m.span(2)) == (m_full.span(2), m_full.span(3))


AFTER_PIECES = st.sampled_from([" ", "%", "mg", "Mg", "m", "x", "s", "h ", "l", "u", "g", " g", "years", "yrs",
                                "old", "vs", "versus", " 2", "]", ",", "-", "–", "a", "patients", "/", ":",
                                "3", ".", "^", "°", "to", "March", "K", "ſ", "days", "months", "of age"])


@settings(max_examples=400, deadline=None)
@given(st.lists(AFTER_PIECES, max_size=8).map("".join) | st.lists(AFTER_PIECES, max_size=8).map(" ".join))
def test_not_count_after(after):
    ex = extract_module._get_extractor(extract_module.load_lexicon())
    m = extract_module
    blocked = bool(m.AFTER_BLOCKERS_RE.match(after)
                   or (ex.unit_re.match(after) and not m.UNIT_LETTER_WORD_RE.match(after))
                   or m.UNIT_LETTER_RE.match(after) or m.VS_AFTER_RE.match(after))
    assert bool(ex.not_count_after_re.match(after)) == blocked


CUE_PIECES = st.sampled_from([
    "", " ", ",", "  ", "\n", "who", "of whom", "that", "which", "were", "had been", "having been", "will be",
    "then", "all", "each", "subsequently", "randomized", "Randomised", "assigned", "allocated", "enrolled",
    "included in the analysis", "included", "analysed", "available for", "the final", "analysis", "follow-up",
    "lost to follow-up", "withdrew", "did not complete", "excluded", "declined", "for eligibility", "screening",
    "divided into", "two", "groups", "met the inclusion criteria", "completed", "patients", "(", ")", "İ", "ſ",
    "K", "WERE", "took part", "in the", "study", "x",
])
CUE_TEXTS = st.lists(CUE_PIECES, max_size=10).map(" ".join) | st.lists(CUE_PIECES, max_size=10).map("".join)


def _role_after_every_cue(ex, after: str):
    """`_role_after` trying every cue."""
    if not ex.cue_after_any.match(after):
        return None
    best, best_len = None, -1
    for role, quick, full, _ in ex.cue_after:
        m = quick.get().match(after)
        if m and extract_module.SCREENING_RE.match(after, m.end()):
            m = full.get().match(after)
        if m and m.end() > best_len:
            best, best_len = role, m.end()
    return best


@settings(max_examples=600, deadline=None)
@given(CUE_TEXTS)
def test_role_after_tries_the_cues_that_may_match(text):
    ex = extract_module._get_extractor(extract_module.load_lexicon())
    for after in (text, " " + text, ", " + text):
        assert ex._role_after(after) == _role_after_every_cue(ex, after), after
