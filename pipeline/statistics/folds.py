"""Fold changes: 8-fold, 1.8-fold, two-fold, twofold, doubled (2), tripled (3), halved (0.5)."""
from __future__ import annotations

import re

from .base import candidate, num, operator_of, preceding_comparator_word
from .fragments import NUMBER, word_fold_alternation, word_number_alternation
from .lexicon import load

FOLD = re.compile(
    rf"(?:(?P<value>{NUMBER})|(?<![\w\-])(?=[a-zA-Z])(?P<word>{word_number_alternation()}))\s?[-‐–]?\s?(?i:fold)(?![\w])"
)
# "2.5 times higher", "three times the risk", "three times as likely" (not "three times a week")
TIMES = re.compile(
    rf"(?:(?P<value>{NUMBER})|(?<![\w\-])(?=[a-zA-Z])(?P<word>{word_number_alternation()}))\s(?i:times)(?![\w])"
    r"(?=\s+(?:higher|greater|more|larger|lower|smaller|less|fewer|faster|slower|longer|as|the|that|those|increased|increase|risk)\b)"
)
WORD_FOLD = re.compile(rf"(?<![\w\-])(?=[dDtTqQhH])(?P<word>{word_fold_alternation()})(?![\w\-])")


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


def _is_threshold(text: str, start: int, end: int) -> bool:
    return bool(_THRESHOLD_AFTER.match(text, end) or _THRESHOLD_BEFORE.search(text, max(0, start - 12), start))


def find(text: str, ctx) -> list[dict]:
    lexicon = load()
    numbers = {k.lower(): v for k, v in lexicon["number_words"].items()}
    folds = {k.lower(): v for k, v in lexicon["word_folds"].items()}
    rows = []
    lowered = text.lower()
    fold_iter = FOLD.finditer(text) if "fold" in lowered else ()
    for m in fold_iter:
        value = num(m.group("value")) if m.group("value") else numbers.get(m.group("word").lower())
        start = m.start("value") if m.group("value") else m.start("word")
        if _is_threshold(text, start, m.end()):
            continue
        rows.append(candidate("fold_change", start, m.end(), value=value, operator=operator_of(preceding_comparator_word(text, m.start())),
                              unit="fold"))
    for m in TIMES.finditer(text) if "times" in lowered else ():
        value = num(m.group("value")) if m.group("value") else numbers.get(m.group("word").lower())
        start = m.start("value") if m.group("value") else m.start("word")
        rows.append(candidate("fold_change", start, m.end(), value=value,
                              operator=operator_of(preceding_comparator_word(text, start)), unit="fold"))
    for m in WORD_FOLD.finditer(text) if _WORD_FOLD_TRIGGER.search(lowered) else ():
        word = m.group("word").lower()
        if word == "twice" and not _TWICE_AFTER.match(text, m.end()):
            continue
        if word == "half" and not _HALF_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        rows.append(candidate("fold_change", m.start("word"), m.end(), value=folds.get(m.group("word").lower()),
                              operator=operator_of(preceding_comparator_word(text, m.start())), unit="fold"))
    return rows
