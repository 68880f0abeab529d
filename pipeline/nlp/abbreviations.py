"""Abbreviation definitions ("interleukin 6 (IL-6)"): scispaCy's detector, without its cost.

`claims_abbreviations` is a drop-in replacement for scispaCy's `abbreviation_detector` with
`make_serializable=true`: it fills `doc._.abbreviations` with the same list of dicts
(short_text, short_start, short_end, long_text, long_start, long_end; TOKEN offsets) using the
same Schwartz & Hearst (2003) rules. It differs only in how candidates are found:

* scispaCy finds parenthesised spans with a spaCy `Matcher` pattern `( + )`. The `+` wildcard
  makes every "(" stay a live match state up to the end of the document, and every ")" after
  it yields a match - O(parentheses x tokens) states and O(parentheses^2) matches, almost all
  thrown away afterwards because only spans of at most 8 tokens are used. This pairs every "("
  with the ")" tokens of the next 9 tokens only.
* scispaCy then adds one pattern per definition to a shared `Matcher`, runs it over the whole
  document and removes the patterns again, for every document. This looks the short forms up
  in a token-text index built once per document.

Within one long form, scispaCy's short forms come out in `set` order (which follows object
addresses); here they are sorted by position, so the output is the same list, deterministically
ordered.
"""
from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.nlp.extensions import doc_text, set_doc_value

MAX_INNER = 8  # scispaCy ignores parenthesised spans of more than 8 tokens
_OPEN = get_string_id("(")
_CLOSE = get_string_id(")")


class TokenText:
    """The document text with its token offsets: token and span texts without spaCy Span/Token
    objects, read only where a rule looks."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        columns = doc.to_array([IDX, LENGTH, ORTH]) if len(doc) else numpy.zeros((0, 3), "uint64")
        self.orths = columns[:, 2]
        self.starts: list[int] = columns[:, 0].tolist()
        self.lengths: list[int] = columns[:, 1].tolist()

    def __len__(self) -> int:
        return len(self.starts)

    def words(self, start: int, end: int) -> list[str]:
        """`[token.text for token in doc[start:end]]`."""
        text = self.text
        return [text[s:s + n] for s, n in zip(self.starts[start:end], self.lengths[start:end])]

    def span(self, start: int, end: int) -> str:
        """`doc[start:end].text` for 0 <= start <= end <= len(doc)."""
        if end <= start:
            return ""
        return self.text[self.starts[start]:self.starts[end - 1] + self.lengths[end - 1]]

    def width_with_space(self, i: int) -> int:
        """`len(doc[i].text_with_ws)`."""
        following = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return following - self.starts[i]

    def positions(self, orth: int) -> list[int]:
        """Indices of the tokens whose ORTH is `orth`, ascending."""
        return numpy.flatnonzero(self.orths == orth).tolist()


def _register() -> None:
    if not Doc.has_extension("abbreviations"):
        Doc.set_extension("abbreviations", default=[])


def paren_pairs(opens: list[int], closes: list[int]) -> list[tuple[int, int]]:
    """(start, end) token bounds of the text inside "( ... )", at most MAX_INNER tokens, from the
    ascending token indices of "(" and ")", in the order spaCy's Matcher reports the `( + )`
    matches (by closing position, then opening)."""
    out: list[tuple[int, int]] = []
    if not opens:
        return out
    for j in closes:
        first = bisect_left(opens, j - MAX_INNER - 1)
        for i in opens[first:bisect_left(opens, j - 1)]:
            out.append((i + 1, j))
    return out


def paren_candidates(words: list[str]) -> list[tuple[int, int]]:
    """`paren_pairs` of a list of token texts."""
    return paren_pairs([j for j, word in enumerate(words) if word == "("],
                       [j for j, word in enumerate(words) if word == ")"])


def _unbalanced(words: list[str]) -> bool:
    depth = 0
    for word in words:
        if word == "(":
            depth += 1
        elif word == ")":
            if depth > 0:
                depth -= 1
            else:
                return True
    return depth != 0


def _short_form_ok(tokens: TokenText, start: int, end: int) -> bool:
    if not all(2 <= n < 10 for n in tokens.lengths[start:end]):
        return False
    text = tokens.span(start, end)
    if sum(c.isalpha() for c in text) / len(text) < 0.5:
        return False
    return text[0].isalpha()


def filter_candidates(tokens: TokenText) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(long form bounds, short form bounds) candidates, as scispaCy's `filter_matches`."""
    candidates = []
    for start, end in paren_pairs(tokens.positions(_OPEN), tokens.positions(_CLOSE)):
        if end - start > 8 or start == 1:
            continue
        if end - start > 3:
            short, long = (start - 2, start - 1), (start, end)
            if _unbalanced(tokens.words(start, end)):
                continue
        else:
            short = (start, end)
            length = sum(tokens.lengths[start:end])
            max_words = min(length + 5, length * 2)
            long = (max(start - max_words - 1, 0), start - 1)
        if _short_form_ok(tokens, *short):
            candidates.append((long, short))
    return candidates


def match_long_form(tokens: TokenText, long: tuple[int, int],
                    short: tuple[int, int]) -> tuple[int, int] | None:
    """Schwartz & Hearst: the long-form token bounds for a short form, or None."""
    long_form = " ".join(tokens.words(*long))
    short_form = " ".join(tokens.words(*short))
    long_index = len(long_form) - 1
    short_index = len(short_form) - 1
    while short_index >= 0:
        char = short_form[short_index].lower()
        if not char.isalnum():
            short_index -= 1
            continue
        while ((long_index >= 0 and long_form[long_index].lower() != char)
               or (short_index == 0 and long_index > 0 and long_form[long_index - 1].isalnum())):
            long_index -= 1
        if long_index < 0:
            return None
        long_index -= 1
        short_index -= 1
    long_index += 1
    # scispaCy maps the character index back with text_with_ws lengths (kept for equal output)
    total = 0
    for i in range(long[0], long[1]):
        total += tokens.width_with_space(i)
        if total > long_index:
            return (i, long[1])
    return long


def find_abbreviations(doc: Doc) -> list[dict]:
    """`doc._.abbreviations` as scispaCy's serializable detector computes it."""
    text = doc_text(doc)
    if "(" not in text or ")" not in text:
        return []  # every definition is read from a parenthesised span
    tokens = TokenText(doc)
    candidates = filter_candidates(tokens)
    if not candidates:
        return []
    seen_long: set[str] = set()
    seen_short: set[str] = set()
    occurrences: dict[tuple[int, int], set[tuple[int, int]]] = {}
    patterns: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
    for long_candidate, short in candidates:
        long = match_long_form(tokens, long_candidate, short)
        if long is None:
            continue
        long_text = tokens.span(*long)
        short_text = tokens.span(*short)
        if long_text in seen_long or short_text in seen_short:
            continue
        seen_long.add(long_text)
        seen_short.add(short_text)
        occurrences.setdefault(long, set()).add(short)
        patterns[long_text] = (long, short)
    # every occurrence of each defined short form (scispaCy's global matcher)
    for long, short in patterns.values():
        words = tokens.words(*short)
        n = len(words)
        for i in tokens.positions(tokens.orths[short[0]]):
            if tokens.words(i, i + n) == words:
                occurrences[long].add((i, i + n))
    out = []
    for long, shorts in occurrences.items():
        long_text = tokens.span(*long)
        for short in sorted(shorts):
            out.append({"short_text": tokens.span(*short), "short_start": short[0],
                        "short_end": short[1], "long_text": long_text, "long_start": long[0],
                        "long_end": long[1]})
    return out


@Language.factory("claims_abbreviations", assigns=["doc._.abbreviations"])
def make_abbreviations(nlp: Language, name: str):
    """Schwartz & Hearst abbreviation definitions, output as scispaCy's serializable detector."""
    _register()

    def detect(doc: Doc) -> Doc:
        set_doc_value(doc, "abbreviations", find_abbreviations(doc))
        return doc

    return detect


_register()
