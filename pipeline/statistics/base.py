"""Shared helpers of the family modules: candidate rows, comparators, sentence bounds."""
from __future__ import annotations

import bisect
import re
from functools import cached_property

from .fragments import COMPARATOR_WORDS
from .numbers import parse_number
from .scanning import Prefiltered, folded, starts_of

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
    s = re.sub(r"\s+", " ", s)
    for pattern, op in _WORD_OPERATORS:
        if pattern.match(s):
            return op
    return "="


_TRAILING_COMPARATOR_WORD = re.compile(rf"(?i)(?<![\w])(?P<word>{COMPARATOR_WORDS})\s+$")


def preceding_comparator_word(text: str, start: int) -> str | None:
    """The comparator word right before ``start`` ('less than', 'approximately', ...), if any."""
    m = _TRAILING_COMPARATOR_WORD.search(text, max(0, start - 30), start)
    return m.group("word") if m else None


def candidate(kind: str, start: int, end: int, **values) -> dict:
    """A row proposal; keys starting with '_' are internal and dropped from the output."""
    row = {"kind": kind, "start": start, "end": end, "_priority": PRIORITY[kind]}
    row.update(values)
    return row


def num(text: str | None) -> float | None:
    return parse_number(text) if text else None


# where a NUMBER can start: a sign, digit or point not right after a word character or a point
_NUMBER_START = re.compile(r"[-−‐–0-9.·](?<![\w.·].)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z\"'(\[])|\n")
# the same ends, found with the punctuation consumed instead of looked behind at, so that the
# regex engine scans for its first character quickly
_SENTENCE_END_FROM_PUNCTUATION = Prefiltered(re.compile(r"[.!?][\"')\]]?\s+(?=[A-Z\"'(\[])|\n"), ".!?\n")


class Sentences:
    """Approximate sentence bounds of a text, for deciding what is 'the same sentence'."""

    def __init__(self, text: str):
        self.text = text
        self._folded_starts: dict[str, list[int]] = {}
        self.starts = [0] + [m.end() for m in _SENTENCE_END_FROM_PUNCTUATION.finditer(text)]

    @cached_property
    def lowered(self) -> str:
        """``text.lower()``."""
        return self.text.lower()

    @cached_property
    def folded(self) -> str | None:
        """The lower-cased text for case-insensitive anchors (see ``scanning.folded``)."""
        return folded(self.text, self.lowered)

    @cached_property
    def folded_reversed(self) -> str:
        """``folded`` read backwards (which must not be None), for anchors found from their end."""
        return self.folded[::-1]

    def folded_starts(self, word: str) -> list[int]:
        """Ascending positions of a lower-case ``word`` in ``folded`` (which must not be None)."""
        if word not in self._folded_starts:
            self._folded_starts[word] = starts_of(self.folded, (word,))
        return self._folded_starts[word]

    @cached_property
    def number_starts(self) -> list[int]:
        """Ascending positions where a number (``fragments.NUMBER``) can start."""
        return [m.start() for m in _NUMBER_START.finditer(self.text)]

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
