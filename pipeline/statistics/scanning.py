"""Fast whole-text scans that give exactly the matches of ``pattern.finditer(text)``.

The regex engine scans quickly only for a pattern that starts with a literal or a character
set; the family patterns start with optional groups and lookbehinds, so the engine runs the
whole pattern at every position of the text. Two ways round that, both exact:

* ``Prefiltered``: the pattern wrapped as ``[first](?<=(?=pattern).)``. The leading set (every
  character a match can start with) lets the engine skip all other positions at C speed; the
  fixed-width lookbehind then runs the unchanged pattern at the position of that character.
* ``matches_at``: the pattern tried only at given candidate positions (found with a cheap
  anchor pattern), for patterns whose starts are rarer than any first-character set.
"""
from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator

# up to this many first characters get one literal scan each (the engine finds a literal faster
# than a member of a set)
_MOST_LITERAL_SCANS = 4


class Prefiltered:
    """``pattern.finditer`` that tries the pattern only where its first character can stand.

    ``first`` holds every character a match can start with; the pattern must never match the
    empty string.
    """

    def __init__(self, pattern: re.Pattern, first: str):
        self.pattern = pattern
        source = pattern.pattern
        leading_flags = re.match(r"\(\?[aiLmsux]+\)", source)
        if leading_flags:
            source = source[leading_flags.end():]  # pattern.flags holds them
        chars = sorted(set(first))
        heads = [re.escape(c) for c in chars] if len(chars) <= _MOST_LITERAL_SCANS else [
            "[" + "".join(re.escape(c) for c in chars) + "]"]
        self._scans = [re.compile(rf"{head}(?<=(?=(?:{source}))(?s:.))", pattern.flags) for head in heads]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """``self.pattern.search(text, pos, endpos)``."""
        endpos = len(text) if endpos is None else endpos
        starts = [hit.start() for hit in (scan.search(text, pos, endpos) for scan in self._scans) if hit]
        return self.pattern.match(text, min(starts), endpos) if starts else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The matches ``self.pattern.finditer(text)`` yields, in order."""
        end = 0
        if len(self._scans) == 1:
            starts: Iterable[int] = (hit.start() for hit in self._scans[0].finditer(text))
        else:
            starts = heapq.merge(*([hit.start() for hit in scan.finditer(text)] for scan in self._scans))
        for start in starts:
            if start < end:
                continue  # inside the previous match: finditer resumes after it
            m = self.pattern.match(text, start)
            end = m.end()
            yield m


_NO_MATCHES: Iterator[re.Match] = iter(())


def matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)``, trying only the ascending ``starts``.

    ``starts`` must hold every position where a match can start; the pattern must never match
    the empty string.
    """
    if not starts:
        return _NO_MATCHES
    return _matches_at(pattern, text, starts)


def _matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    match = pattern.match
    end = 0
    for start in starts:
        if start >= end:
            m = match(text, start)
            if m is not None:
                end = m.end()
                yield m


#: characters case-insensitive matching treats as one letter although their lower cases differ
CASE_CLASSES = ("iı", "sſ", "µμ", "\u0345\u03b9\u1fbe", "\u0390\u1fd3", "\u03b0\u1fe3", "βϐ", "εϵ", "θϑ", "κϰ", "πϖ",
                 "ρϱ", "ςσ", "φϕ", "вᲀ", "дᲁ", "оᲂ", "сᲃ", "тᲄᲅ", "ъᲆ", "ѣᲇ", "ꙋᲈ", "ṡẛ", "ﬅﬆ")
# the classes folding writes alike: the ones of the letters anchor words may hold
_ANCHOR_LETTERS = "abcdefghijklmnopqrstuvwxyzβρ"
_FOLDED_CLASSES = [group for group in CASE_CLASSES if set(group) & set(_ANCHOR_LETTERS)]
_UNFOLDED = frozenset("".join(group for group in CASE_CLASSES if group not in _FOLDED_CLASSES))
_TO_FIRST_OF_CLASS = str.maketrans({c: group[0] for group in _FOLDED_CLASSES for c in group[1:]})
_NOT_FIRST_OF_CLASS = "".join(c for group in _FOLDED_CLASSES for c in group[1:])


def _alike(lowered: str) -> str:
    # the letters folding rewrites are not ASCII; a few substring tests are quicker than a scan
    if not lowered.isascii() and any(c in lowered for c in _NOT_FIRST_OF_CLASS):
        lowered = lowered.translate(_TO_FIRST_OF_CLASS)
    return lowered


def fold(word: str) -> str:
    """An anchor word as it appears in ``folded`` text (lower case, case-class letters alike)."""
    if _UNFOLDED & set(word.lower()):
        raise ValueError(f"anchor word with a letter folding does not handle: {word!r}")
    return _alike(word.lower())


def folded(text: str, lowered: str | None = None) -> str | None:
    """``text`` lower-cased with unchanged offsets, for finding case-insensitive anchor words
    (a case-insensitive match of a word is an exact match of ``fold(word)`` in it); None when
    lower-casing would move offsets (callers then scan ``text`` itself). ``lowered`` is
    ``text.lower()`` when the caller has it already."""
    lowered = text.lower() if lowered is None else lowered
    return _alike(lowered) if len(lowered) == len(text) else None


def occurrences(haystack: str, needle: str) -> list[int]:
    """Every position where ``needle`` occurs in ``haystack`` (overlapping ones too), ascending."""
    found = []
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def run_start(text: str, end: int, chars: frozenset[str]) -> int:
    """Start of the longest run of ``chars`` and whitespace that ends at ``end``."""
    i = end
    while i > 0 and (text[i - 1] in chars or text[i - 1].isspace()):
        i -= 1
    return i


def word_start(text: str, end: int) -> int:
    """Start of the longest run of word characters (``\\w``) that ends at ``end``."""
    i = end
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i


def by_last_character(words: Iterable[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """The words grouped by their last character, each with its length less one: the table
    ``starts_by_last_character`` reads."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[-1], []).append((word, len(word) - 1))
    return {last: tuple(group) for last, group in groups.items()}


def starts_by_last_character(haystack: str, groups: dict[str, tuple[tuple[str, int], ...]]) -> set[int]:
    """Every position where a word of ``groups`` (see ``by_last_character``) occurs, found from
    the occurrences of the words' last characters (quick when those characters are rare, such as
    capital letters)."""
    found = set()
    for last, words in groups.items():
        i = haystack.find(last)
        while i >= 0:
            for word, before in words:
                if i >= before and haystack.startswith(word, i - before):
                    found.add(i - before)
            i = haystack.find(last, i + 1)
    return found


def starts_of(haystack: str, words: Iterable[str]) -> list[int]:
    """Ascending positions where any of ``words`` occurs in ``haystack``."""
    found: list[int] = []
    for word in words:
        i = haystack.find(word)
        while i >= 0:
            found.append(i)
            i = haystack.find(word, i + 1)
    return found if len(found) < 2 else sorted(set(found))
