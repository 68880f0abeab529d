"""Fold changes: 8-fold, 1.8-fold, two-fold, twofold, doubled (2), tripled (3), halved (0.5)."""
from __future__ import annotations

import re

from .base import candidate, num, operator_of, preceding_comparator_word
from .fragments import NUMBER, NUMBER_CHARS, word_fold_alternation, word_number_alternation
from .lexicon import load
from .scanning import Prefiltered, matches_at, occurrences, run_start, word_start

FOLD = re.compile(
    rf"(?:(?P<value>{NUMBER})|(?<![\w\-])(?=[a-zA-Z])(?P<word>{word_number_alternation()}))\s?[-‐–]?\s?(?i:fold)(?![\w])"
)
# "2.5 times higher", "three times the risk", "three times as likely" (not "three times a week")
TIMES = re.compile(
    rf"(?:(?P<value>{NUMBER})|(?<![\w\-])(?=[a-zA-Z])(?P<word>{word_number_alternation()}))\s(?i:times)(?![\w])"
    r"(?=\s+(?:higher|greater|more|larger|lower|smaller|less|fewer|faster|slower|longer|as|the|that|those|increased|increase|risk)\b)"
)
WORD_FOLD = re.compile(rf"(?<![\w\-])(?=[dDtTqQhH])(?P<word>{word_fold_alternation()})(?![\w\-])")

_WORD_FOLD_SCAN = Prefiltered(WORD_FOLD, "dDtTqQhH")


def _value_starts(text: str, keyword: int, gap: int) -> set[int]:
    """Where a number or a number word can start that ends at most ``gap`` characters before
    the ``keyword`` position: anywhere in the run of number characters before it, or at the start
    of a word ending in the gap."""
    starts = set(range(run_start(text, keyword, NUMBER_CHARS), keyword))
    for end in range(max(0, keyword - gap), keyword + 1):
        start = word_start(text, end)
        if start < end:
            starts.add(start)
    return starts


def _keyword_matches(pattern: re.Pattern, text: str, lowered: str, keyword: str, gap: int):
    """``pattern.finditer(text)`` for FOLD / TIMES: values followed by ``keyword`` after a gap of
    at most ``gap`` characters."""
    starts = set()
    for position in occurrences(lowered, keyword):
        starts |= _value_starts(text, position, gap)
    return matches_at(pattern, text, sorted(starts))


# a fold that defines a threshold of an outcome, not a result ("fourfold titre response")
_THRESHOLD_AFTER = re.compile(r"\s+(?:or\s+(?:greater|more|higher)\s+)?(?:(?:rise|increase)\s+in\s+)?(?:titre|titer)s?\b", re.I)
_THRESHOLD_BEFORE = re.compile(r"(?:≥|>=|at\s+least)\s*$", re.I)
# "twice" compares only when followed by the compared quantity ("twice the area", "twice as likely")
_TWICE_AFTER = re.compile(r"\s+(?:the|as|that|those|higher|greater|more|larger)\b", re.I)
# "half" is a fold only as a reduction by half ("fell by half", "by about half", "cut in half")
_HALF_BEFORE = re.compile(
    r"(?:\bby|\b(?:cut|split|reduced|decreased|fell|dropped|dropping|falling|cutting)\s+in)\s+"
    r"(?:(?:about|roughly|nearly|almost|approximately|around|more\s+than|over|some)\s+)?$",
    re.I,
)


# cheap pre-check: the text holds at least one of the word folds
_WORD_FOLD_TRIGGER = re.compile("|".join(re.escape(w.lower()) for w in sorted(load()["word_folds"], key=len, reverse=True)))


def _triggers_by_first_letter() -> list[re.Pattern]:
    """The word folds as one pattern per first letter, each starting with a literal the regex
    engine finds quickly."""
    groups: dict[str, list[str]] = {}
    for word in sorted(load()["word_folds"], key=len, reverse=True):
        groups.setdefault(word[0].lower(), []).append(re.escape(word[1:].lower()))
    return [re.compile(f"{re.escape(first)}(?:{'|'.join(rests)})") for first, rests in sorted(groups.items())]


_WORD_FOLD_TRIGGERS = _triggers_by_first_letter()


def _word_folds(text: str, lowered: str, folded: str | None):
    """``WORD_FOLD.finditer(text)`` when ``lowered`` holds a word fold, else nothing.

    When folding changed no letter, the word folds found in ``lowered`` are the only places a
    match can start (a match starts a word, and no occurrence spans a word start).
    """
    if folded != lowered:
        return _WORD_FOLD_SCAN.finditer(text) if _WORD_FOLD_TRIGGER.search(lowered) else ()
    starts = sorted(m.start() for trigger in _WORD_FOLD_TRIGGERS for m in trigger.finditer(lowered))
    return matches_at(WORD_FOLD, text, starts)


def _is_threshold(text: str, start: int, end: int) -> bool:
    return bool(_THRESHOLD_AFTER.match(text, end) or _THRESHOLD_BEFORE.search(text, max(0, start - 12), start))


_NUMBER_WORDS = {k.lower(): v for k, v in load()["number_words"].items()}
_WORD_FOLDS = {k.lower(): v for k, v in load()["word_folds"].items()}


def find(text: str, ctx) -> list[dict]:
    numbers, folds = _NUMBER_WORDS, _WORD_FOLDS
    rows = []
    lowered = ctx.lowered
    folded = ctx.folded
    fold_iter = times_iter = ()
    # FOLD: value, "\s?[-‐–]?\s?", "fold"; TIMES: value, one whitespace, "times"
    if "fold" in lowered:
        fold_iter = FOLD.finditer(text) if folded is None else _keyword_matches(FOLD, text, folded, "fold", 3)
    if "times" in lowered:
        times_iter = TIMES.finditer(text) if folded is None else _keyword_matches(TIMES, text, folded, "times", 1)
    for m in fold_iter:
        value = num(m.group("value")) if m.group("value") else numbers.get(m.group("word").lower())
        start = m.start("value") if m.group("value") else m.start("word")
        if _is_threshold(text, start, m.end()):
            continue
        rows.append(candidate("fold_change", start, m.end(), value=value, operator=operator_of(preceding_comparator_word(text, m.start())),
                              unit="fold"))
    for m in times_iter:
        value = num(m.group("value")) if m.group("value") else numbers.get(m.group("word").lower())
        start = m.start("value") if m.group("value") else m.start("word")
        rows.append(candidate("fold_change", start, m.end(), value=value,
                              operator=operator_of(preceding_comparator_word(text, start)), unit="fold"))
    for m in _word_folds(text, lowered, folded):
        word = m.group("word").lower()
        if word == "twice" and not _TWICE_AFTER.match(text, m.end()):
            continue
        if word == "half" and not _HALF_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        rows.append(candidate("fold_change", m.start("word"), m.end(), value=folds.get(m.group("word").lower()),
                              operator=operator_of(preceding_comparator_word(text, m.start())), unit="fold"))
    return rows
