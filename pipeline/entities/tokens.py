"""The matcher's tokens of one text, computed once and shared by the lexicon and the rules.

Same tokens as `text.tokenize` (runs of letters/digits, or single other characters), held as
parallel lists built by C-level passes over the lower-cased text instead of one Python object
per token.
"""
from __future__ import annotations

import re
from itertools import accumulate, compress
from operator import not_

from .text import TOKEN_RE, norm_token

# the tokens of lower-cased text as split points, so that the separators (white space) are
# kept and offsets add up; an ASCII run is tried first (faster), unless letters or digits
# beyond ASCII continue it
_SPLIT_RE = re.compile(r"([a-z0-9]+(?![^\W_])|[^\W_]+|[^\s])", re.UNICODE)


class TextTokens:
    """`lower[k]`, `starts[k]`, `ends[k]` of every token k of `text`; `norms` on demand.
    `lowered`: the lower-cased text; `aligned`: lower-casing kept every character in place."""

    __slots__ = ("text", "lowered", "aligned", "lower", "starts", "ends", "_norms", "_non_ascii")

    def __init__(self, text: str):
        self.text = text
        self._norms: list[str] | None = None
        self._non_ascii: list[int] | None = None
        self.lowered = low = text.lower()
        self.aligned = len(low) == len(text)
        if self.aligned:
            # lower-casing kept every character in place (and in its character class)
            parts = _SPLIT_RE.split(low)
            offsets = list(accumulate(map(len, parts)))
            self.lower = parts[1::2]
            self.starts = offsets[0:-1:2]
            self.ends = offsets[1::2]
        else:  # a character whose lower case is longer ('İ'): token by token
            spans = [m.span() for m in TOKEN_RE.finditer(text)]
            self.starts = [s for s, _ in spans]
            self.ends = [e for _, e in spans]
            self.lower = [text[s:e].lower() for s, e in spans]

    def __len__(self) -> int:
        return len(self.lower)

    def token(self, k: int) -> str:
        """Token k as written."""
        return self.text[self.starts[k]:self.ends[k]]

    @property
    def norms(self) -> list[str]:
        """`norm_token` of every token, except that the ASCII separators '-', "'" and '`'
        keep their character (callers treat them as empty)."""
        if self._norms is None:
            norms = self.lower
            if not self.text.isascii():
                norms = list(norms)
                found = self._non_ascii
                if found is None:
                    found = compress(range(len(norms)), map(not_, map(str.isascii, norms)))
                for k in found:
                    norms[k] = norm_token(self.token(k))
            self._norms = norms
        return self._norms

    def set_non_ascii(self, indices: list[int]) -> None:
        """Record the indices of the tokens k whose `lower[k]` is not ASCII (ascending), so
        that `norms` need not look for them."""
        self._non_ascii = indices
