"""One pass over a text for a whole lexicon of (regex, label) entries.

The entries' patterns are joined into one alternation, alternative i being exactly entry i's
pattern in a named group. A search of the alternation stops at the leftmost position where any
entry matches, and there takes the first entry (in lexicon order) that matches: the same answer
as searching every entry separately and keeping the earliest start, ties to the earlier entry.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Generic, TypeVar

from .lexicons import Lexicons, lexicons
from .prefilter import MatchStarts, Prefilter, lowered

Label = TypeVar("Label")

# the whole-word wrapper of lexicon patterns (lexicons._compile); shared wrappers are taken out
# of the alternatives so that they are checked once per position
_WORD_HEAD = r"(?<![\w-])(?:"
_WORD_TAIL = r")(?![\w])"


class PatternScan(Generic[Label]):
    """Lexicon entries searched together: earliest match, or first entry matching anywhere."""

    def __init__(self, entries: tuple[tuple[re.Pattern, Label], ...]):
        self.entries = entries
        patterns = [regex.pattern for regex, _ in entries]
        flags = {regex.flags for regex, _ in entries}
        if len(flags) > 1:
            raise ValueError("lexicon patterns must share their flags")
        worded = bool(patterns) and all(p.startswith(_WORD_HEAD) and p.endswith(_WORD_TAIL) for p in patterns)
        if worded:
            inner = "|".join(f"(?P<e{i}>{p[len(_WORD_HEAD) - 3:]})" for i, p in enumerate(patterns))
            combined = r"(?<![\w-])(?:" + inner + ")"
        else:
            combined = "|".join(f"(?P<e{i}>{p})" for i, p in enumerate(patterns))
        self.regex = re.compile(combined, flags.pop() if flags else 0) if patterns else None
        self.prefilter = Prefilter(self.regex) if self.regex is not None else None
        self.starts = MatchStarts(self.regex) if self.regex is not None else None
        self._entry_prefilters: dict[int, Prefilter] = {}     # built when first needed

    def _search(self, text: str) -> re.Match | None:
        if self.regex is None or not self.prefilter.may_match(text):
            return None
        return self.starts.search(text)

    def _index(self, m: re.Match) -> int:
        return int(m.lastgroup[1:])

    def earliest(self, text: str) -> tuple[int, Label] | None:
        """(start, label) of the leftmost match of any entry; ties go to the earlier entry."""
        m = self._search(text)
        if m is None:
            return None
        return m.start(), self.entries[self._index(m)][1]

    def first_index(self, text: str) -> int | None:
        """Index of the first entry (lexicon order) that matches anywhere in text."""
        m = self._search(text)
        if m is None:
            return None
        k = self._index(m)
        if k == 0:
            return 0
        low = lowered(text) if self.starts.places is not None else None
        if low is not None:
            return self._least_index(text, low, m.start(), k)
        for i in range(k):
            if self._entry_prefilter(i).may_match(text) and self.entries[i][0].search(text):
                return i
        return k

    def _least_index(self, text: str, low: str, pos: int, k: int) -> int:
        """The least entry index matching anywhere from `pos` on, given that entry k does: at
        each place where a match can start the alternation takes the least entry matching
        there, so the least over all places (overlapping matches too) is the answer."""
        match = self.regex.match
        for place in self.starts.places.finditer(low, pos):
            m = match(text, place.start())
            if m is not None:
                i = self._index(m)
                if i < k:
                    k = i
                    if k == 0:
                        break
        return k

    def _entry_prefilter(self, i: int) -> Prefilter:
        found = self._entry_prefilters.get(i)
        if found is None:
            found = self._entry_prefilters[i] = Prefilter(self.entries[i][0])
        return found


class LexiconScans:
    """The combined scans of the lexicons searched per sentence or clause."""

    def __init__(self, lex: Lexicons):
        self.species = PatternScan(tuple(e for e in lex.organisms if e[1] != "human"))
        self.human = PatternScan(tuple(e for e in lex.organisms if e[1] == "human"))
        self.designs = PatternScan(lex.designs)
        self.hedges = PatternScan(lex.hedges)
        self.comparators = PatternScan(lex.comparators)
        self.polarity = PatternScan(lex.polarity)
        self.routes = PatternScan(lex.routes)


@lru_cache(maxsize=1)
def scans() -> LexiconScans:
    """The combined scans, built once per process from the loaded lexicons."""
    return LexiconScans(lexicons())
