"""Per-word facts the token-level rules need, memoised across texts.

One dictionary lookup per token (a C-level pass over `TextTokens.lower`) tells whether the
token can be a plural of a vocabulary entry, a pathological head word, or a word with a
disease / INN-stem / composed-chemical ending, and which tokens are not ASCII; only those
tokens are looked at further.
"""
from __future__ import annotations

from collections.abc import Container

PLURAL = 1   # ends in 's' and its singular ('-s' or '-es' dropped) is a key, or is not ASCII
HEAD = 2     # a pathological head word ('failure', 'injury')
ENDING = 4   # ends like a disease, an INN stem or a composed chemical name
NON_ASCII = 8

# words remembered before the memo starts afresh (bounds its memory on long runs)
MEMO_LIMIT = 200_000


class WordFlags(dict):
    """Lower-cased token -> bit set of PLURAL, HEAD, ENDING and NON_ASCII, computed on first
    sight."""

    def __init__(self, entries: Container[str], heads: Container[str], has_ending):
        super().__init__()
        self.entries = entries
        self.heads = heads
        self.has_ending = has_ending

    def __missing__(self, word: str) -> int:
        if len(self) >= MEMO_LIMIT:
            self.clear()
        flags = 0
        entries = self.entries
        if word.endswith("s") and (word[:-1] in entries or word[:-2] in entries or not word.isascii()):
            flags |= PLURAL
        if word in self.heads:
            flags |= HEAD
        if self.has_ending(word):
            flags |= ENDING
        if not word.isascii():
            flags |= NON_ASCII
        self[word] = flags
        return flags
