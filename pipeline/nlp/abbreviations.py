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

from collections import defaultdict

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import doc_text

MAX_INNER = 8  # scispaCy ignores parenthesised spans of more than 8 tokens


class TokenText:
    """The document text with its token offsets: span texts without spaCy Span/Token objects."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        lengths: list[int] = doc.to_array(LENGTH).tolist() if len(doc) else []
        self.ends = [start + length for start, length in zip(self.starts, lengths)]
        self.words = [self.text[start:end] for start, end in zip(self.starts, self.ends)]

    def span(self, start: int, end: int) -> str:
        """`doc[start:end].text` for 0 <= start <= end <= len(doc)."""
        if end <= start:
            return ""
        return self.text[self.starts[start]:self.ends[end - 1]]

    def width_with_space(self, i: int) -> int:
        """`len(doc[i].text_with_ws)`."""
        following = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return following - self.starts[i]


def _register() -> None:
    if not Doc.has_extension("abbreviations"):
        Doc.set_extension("abbreviations", default=[])


def paren_candidates(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) token bounds of the text inside "( ... )", at most MAX_INNER tokens, in the
    order spaCy's Matcher reports the `( + )` matches (by closing position, then opening)."""
    opens: list[int] = []
    out: list[tuple[int, int]] = []
    for j, word in enumerate(words):
        if word == ")":
            for i in opens:
                if j - i - 1 <= MAX_INNER and j - i >= 2:
                    out.append((i + 1, j))
        if word == "(":
            opens.append(j)
        # opening parentheses more than MAX_INNER + 1 tokens back can no longer pair
        while opens and j - opens[0] > MAX_INNER + 1:
            opens.pop(0)
    return out


def _unbalanced(words: list[str], start: int, end: int) -> bool:
    depth = 0
    for word in words[start:end]:
        if word == "(":
            depth += 1
        elif word == ")":
            if depth > 0:
                depth -= 1
            else:
                return True
    return depth != 0


def _short_form_ok(tokens: TokenText, words: list[str], start: int, end: int) -> bool:
    if not all(2 <= len(w) < 10 for w in words[start:end]):
        return False
    text = tokens.span(start, end)
    if sum(c.isalpha() for c in text) / len(text) < 0.5:
        return False
    return text[0].isalpha()


def filter_candidates(tokens: TokenText, words: list[str]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(long form bounds, short form bounds) candidates, as scispaCy's `filter_matches`."""
    candidates = []
    for start, end in paren_candidates(words):
        if end - start > 8 or start == 1:
            continue
        if end - start > 3:
            short, long = (start - 2, start - 1), (start, end)
            if _unbalanced(words, start, end):
                continue
        else:
            short = (start, end)
            length = sum(len(w) for w in words[start:end])
            max_words = min(length + 5, length * 2)
            long = (max(start - max_words - 1, 0), start - 1)
        if _short_form_ok(tokens, words, *short):
            candidates.append((long, short))
    return candidates


def match_long_form(tokens: TokenText, words: list[str], long: tuple[int, int],
                    short: tuple[int, int]) -> tuple[int, int] | None:
    """Schwartz & Hearst: the long-form token bounds for a short form, or None."""
    long_form = " ".join(words[long[0]:long[1]])
    short_form = " ".join(words[short[0]:short[1]])
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
    tokens = TokenText(doc)
    words = tokens.words
    candidates = filter_candidates(tokens, words)
    if not candidates:
        return []
    seen_long: set[str] = set()
    seen_short: set[str] = set()
    occurrences: dict[tuple[int, int], set[tuple[int, int]]] = {}
    patterns: dict[str, tuple[tuple[int, int], tuple[str, ...]]] = {}
    for long_candidate, short in candidates:
        long = match_long_form(tokens, words, long_candidate, short)
        if long is None:
            continue
        long_text = tokens.span(*long)
        short_text = tokens.span(*short)
        if long_text in seen_long or short_text in seen_short:
            continue
        seen_long.add(long_text)
        seen_short.add(short_text)
        occurrences.setdefault(long, set()).add(short)
        patterns[long_text] = (long, tuple(words[short[0]:short[1]]))
    # every occurrence of each defined short form (scispaCy's global matcher)
    index: dict[str, list[int]] = defaultdict(list)
    firsts = {pattern[0] for _, pattern in patterns.values()}
    for i, word in enumerate(words):
        if word in firsts:
            index[word].append(i)
    for long, pattern in patterns.values():
        n = len(pattern)
        for i in index.get(pattern[0], ()):
            if tuple(words[i:i + n]) == pattern:
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
        doc._.abbreviations = find_abbreviations(doc)
        return doc

    return detect


_register()
