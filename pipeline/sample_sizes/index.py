"""Where the words of a word list occur in one text, for repeated window searches.

A word-list pattern `(?<![\\w-])(?:w1|w2|...)(?![\\w-])` (IGNORECASE, every word one token of
letters and hyphens) matches exactly the runs of word characters and hyphens whose folded text
is in the list. `WordIndex` finds those runs once and answers `rx.search(text, a, b)` and the
last match of `rx.finditer(text, a, b)` with the same result as the pattern itself.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .anchors import fold


def _joins(c: str) -> bool:
    return c.isalnum() or c == "_" or c == "-"


class WordIndex:
    """Runs of `text` that are words of one list (`words`: folded forms; `rx`: their pattern)."""

    __slots__ = ("text", "low", "rx", "starts", "ends")

    def __init__(self, text: str, low: str, runs: list[tuple[int, int]] | None, rx: re.Pattern):
        self.text = text
        self.low = low
        self.rx = rx
        self.starts = None if runs is None else [a for a, _ in runs]
        self.ends = None if runs is None else [b for _, b in runs]

    def _cut(self, a: int, b: int) -> tuple[int, int] | None:
        """A word ending at `b` inside a longer run (a window end cuts the run there); 0 <= a, b <= len."""
        text = self.text
        if not (0 < b < len(text)) or not _joins(text[b]) or not _joins(text[b - 1]):
            return None
        r = b - 1
        while r > a and _joins(text[r - 1]):
            r -= 1
        if r < a or (r == a and r > 0 and _joins(text[r - 1])):
            return None
        return (r, b) if self.rx.match(text, r, b) else None

    def first(self, a: int, b: int) -> tuple[int, int] | None:
        """Span of `rx.search(text, a, b)`."""
        if self.starts is None:
            m = self.rx.search(self.text, a, b)
            return m.span() if m else None
        a, b = max(a, 0), min(b, len(self.text))
        i = bisect_left(self.starts, a)
        if i < len(self.starts) and self.ends[i] <= b:
            return self.starts[i], self.ends[i]
        return self._cut(a, b)

    def last(self, a: int, b: int) -> tuple[int, int] | None:
        """Span of the last match of `rx.finditer(text, a, b)`."""
        if self.starts is None:
            m = None
            for m in self.rx.finditer(self.text, a, b):
                pass
            return m.span() if m else None
        a, b = max(a, 0), min(b, len(self.text))
        cut = self._cut(a, b)
        if cut is not None:
            return cut
        i = bisect_right(self.ends, b) - 1
        if i >= 0 and self.starts[i] >= a:
            return self.starts[i], self.ends[i]
        return None


INDEXABLE_RE = re.compile(r"[a-z-]+")


def trie_pattern(words: list[str]) -> str:
    """An alternation of `words` nested by common prefixes (tried one branch per character)."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
        return "(?:%s)?" % body if "" in node else body

    return emit(root)


@lru_cache(maxsize=8)
def _run_finders(words: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    """Patterns for whole runs that are `words`: after any character but an ASCII word character
    or a hyphen (a quick class to scan for; a match after another word character is not a run),
    and at the start."""
    alternation = trie_pattern(sorted(words))
    return (re.compile(r"[^a-z0-9_\-](%s)(?![\w-])" % alternation),
            re.compile(r"(%s)(?![\w-])" % alternation))


@lru_cache(maxsize=8)
def _indexable(lists: tuple[frozenset[str], ...]) -> tuple[list[bool], frozenset[str]]:
    """Which lists an index can hold, and all their words."""
    ok = [all(INDEXABLE_RE.fullmatch(w) for w in words) for words in lists]
    return ok, frozenset(w for words, good in zip(lists, ok) if good for w in words)


def build_indexes(text: str, lists: list[tuple[frozenset[str], re.Pattern]], low: str | None = None) -> list[WordIndex]:
    """One `WordIndex` per (words, pattern) pair, from one pass over the folded text. Words must
    be lower-case ASCII letters and hyphens (folding keeps the index and the class of every
    character); other lists are searched with their pattern."""
    if low is None:
        low = fold(text)
    indexable, words = _indexable(tuple(ws for ws, _ in lists))
    found: list[list[tuple[int, int]] | None] = [[] if ok else None for ok in indexable]
    if words:
        after_other, at_start = _run_finders(words)
        m0 = at_start.match(low)
        spans = ([m0.span(1)] if m0 else []) + [m.span(1) for m in after_other.finditer(low)
                                                  if not _joins(low[m.start()])]
        for a, b in spans:
            w = low[a:b]
            for k, (ws, _) in enumerate(lists):
                if indexable[k] and w in ws:
                    found[k].append((a, b))
    return [WordIndex(text, low, runs, rx) for runs, (_, rx) in zip(found, lists)]
