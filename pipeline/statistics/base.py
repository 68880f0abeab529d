"""Shared helpers of the family modules: candidate rows, comparators, sentence bounds."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable
from typing import Any

from .fragments import COMPARATOR_WORDS
from .numbers import parse_number
from .scanning import CASE_CLASSES, folded, starts_of

# Priority of each kind when candidate spans overlap (lower wins).
PRIORITY = {
    "confidence_interval": 0,
    "heterogeneity": 1,
    "test_statistic": 2,
    "p_value": 3,
    "nnt": 4,
    "effect_measure": 5,
    "median": 6,
    "mean_sd": 7,
    "proportion": 8,
    "fold_change": 9,
    "percentage": 10,
}

KINDS = tuple(PRIORITY)

_OPERATORS = {
    "=": "=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "=<": "<=", "=>": ">=", "≤": "<=",
    "≥": ">=", "⩽": "<=", "⩾": ">=", "≈": "=", "~": "=", "∼": "=",
}
_WHITESPACE = re.compile(r"\s+")
_WORD_OPERATORS = [
    (re.compile(r"(?i)^(?:more|greater|higher)\s+than$|^(?:over|above|exceeding)$"), ">"),
    (re.compile(r"(?i)^(?:less|lower|fewer)\s+than$|^(?:under|below)$"), "<"),
    (re.compile(r"(?i)^at\s+least$"), ">="),
    (re.compile(r"(?i)^(?:at\s+most|up\s+to|no\s+more\s+than|as\s+(?:much|many)\s+as)$"), "<="),
]


def operator_of(symbol: str | None) -> str:
    """Normalised comparator ('≤' -> '<=', words like 'less than' -> '<'); '=' by default."""
    if not symbol:
        return "="
    s = symbol.strip()
    if s in _OPERATORS:
        return _OPERATORS[s]
    s = _WHITESPACE.sub(" ", s)
    for pattern, op in _WORD_OPERATORS:
        if pattern.match(s):
            return op
    return "="


_TRAILING_COMPARATOR_WORD = re.compile(rf"(?i)(?<![\w])(?P<word>{COMPARATOR_WORDS})\s+$")


def _last_characters(words: str) -> frozenset[str]:
    """Every character a case-insensitive match of the alternation ``words`` can end with."""
    last = {alternative.replace("\\.", ".")[-1] for alternative in words[len("(?:"):-1].split("|")}
    if not all(c.isalpha() or c == "." for c in last):
        raise ValueError(f"comparator word ending in a pattern: {sorted(last)}")
    endings = set(last) | {c.upper() for c in last}
    for group in CASE_CLASSES:
        if endings & set(group):
            endings.update(group)
    return frozenset(endings)


_COMPARATOR_WORD_ENDS = _last_characters(COMPARATOR_WORDS)


def preceding_comparator_word(text: str, start: int) -> str | None:
    """The comparator word right before ``start`` ('less than', 'approximately', ...), if any."""
    if start == 0 or not text[start - 1].isspace():
        return None  # the word is followed by whitespace
    lo = max(0, start - 30)
    if text[lo:start].rstrip()[-1:] not in _COMPARATOR_WORD_ENDS:
        return None
    m = _TRAILING_COMPARATOR_WORD.search(text, lo, start)
    return m.group("word") if m else None


def candidate(kind: str, start: int, end: int, **values) -> dict:
    """A row proposal; keys starting with '_' are internal and dropped from the output."""
    row = {"kind": kind, "start": start, "end": end, "_priority": PRIORITY[kind]}
    row.update(values)
    return row


# longer digit strings may overflow a float; ``parse_number`` reads them
_PLAIN_DIGITS_MAX = 300


def num(text: str | None) -> float | None:
    """``parse_number(text)``; plain ASCII decimals ("12", "0.05", "-1.3") are read directly."""
    if not text:
        return None
    digits = text[1:] if text[0] == "-" else text
    if len(digits) < _PLAIN_DIGITS_MAX and digits.isascii() and digits.replace(".", "", 1).isdigit():
        return float(text)
    return parse_number(text)


# where a NUMBER can start: a sign, digit or point not right after a word character or a point
NUMBER_START = re.compile(r"[-−‐–0-9.·](?<![\w.·].)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z\"'(\[])|\n")
# the ends after punctuation, with the punctuation consumed instead of looked behind at: one
# pattern per mark, each led by a literal the regex engine finds quickly
_PUNCTUATION_ENDS = tuple((mark, re.compile(re.escape(mark) + r"[\"')\]]?\s+(?=[A-Z\"'(\[])")) for mark in ".!?")


def _sentence_ends(text: str) -> list[int]:
    """The ends of ``_SENTENCE_END.finditer(text)``: those after punctuation, and each line break
    that is not inside the whitespace after punctuation."""
    spans: list[tuple[int, int]] = []
    for mark, pattern in _PUNCTUATION_ENDS:
        if mark in text:
            spans.extend(m.span() for m in pattern.finditer(text))
    spans.sort()
    ends = [end for _, end in spans]
    i = text.find("\n")
    if i >= 0:
        starts = [start for start, _ in spans]
        while i >= 0:
            k = bisect.bisect_right(starts, i) - 1
            if k < 0 or spans[k][1] <= i:
                ends.append(i + 1)
            i = text.find("\n", i + 1)
        ends.sort()
    return ends


class Sentences:
    """Approximate sentence bounds of a text, for deciding what is 'the same sentence'."""

    def __init__(self, text: str):
        self.text = text
        self._folded_starts: dict[str, list[int]] = {}
        self._remembered: dict[Hashable, Any] = {}
        self.starts = [0] + _sentence_ends(text)
        #: ``text.lower()``
        self.lowered = text.lower()
        #: the lower-cased text for case-insensitive anchors (see ``scanning.folded``)
        self.folded = folded(text, self.lowered)
        #: ``folded`` read backwards (None when ``folded`` is), for anchors found from their end
        self.folded_reversed = self.folded[::-1] if self.folded is not None else None

    def folded_starts(self, word: str) -> list[int]:
        """Ascending positions of a lower-case ``word`` in ``folded`` (which must not be None)."""
        if word not in self._folded_starts:
            self._folded_starts[word] = starts_of(self.folded, (word,))
        return self._folded_starts[word]

    def remembered(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``, computed once per ``key`` for this text (the statistics of one
        sentence ask the same questions about the same ranges)."""
        if key in self._remembered:
            return self._remembered[key]
        value = self._remembered[key] = compute()
        return value

    def found(self, scan, lo: int, hi: int) -> bool:
        """Whether ``scan.search(text, lo, hi)`` finds a match (remembered for each range)."""
        return self.remembered((scan, lo, hi), lambda: scan.search(self.text, lo, hi) is not None)

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def start_of(self, pos: int) -> int:
        return self.starts[self.index(pos)]

    def end_of(self, pos: int) -> int:
        i = self.index(pos) + 1
        return self.starts[i] if i < len(self.starts) else len(self.text)

    def window(self, pos: int, radius: int = 300) -> tuple[int, int]:
        """Bounds of the sentence holding ``pos``, clipped to ``radius`` characters either side."""
        return max(self.start_of(pos), pos - radius), min(self.end_of(pos), pos + radius)

    def previous_and_current(self, pos: int, radius: int = 400) -> tuple[int, int]:
        """Bounds from the start of the previous sentence to the end of the current one (clipped)."""
        i = self.index(pos)
        start = self.starts[i - 1] if i > 0 else 0
        return max(start, pos - radius), min(self.end_of(pos), pos + radius)

    def same(self, a: int, b: int) -> bool:
        return self.index(a) == self.index(b)
