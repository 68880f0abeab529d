"""Patterns gated by words that every match holds.

A text whose folded form (`anchors.fold`, which IGNORECASE matching agrees with) holds none of
the words cannot match, so the pattern is only searched when one of them occurs.
"""
from __future__ import annotations

import re

from .anchors import fold


class Gated:
    """A compiled pattern and words (folded) of which every match holds at least one."""

    __slots__ = ("rx", "words")

    def __init__(self, rx: re.Pattern, words: tuple[str, ...]):
        self.rx = rx
        self.words = words

    def possible(self, low: str) -> bool:
        """Whether a text with folded form `low` may match."""
        for w in self.words:
            if w in low:
                return True
        return False

    def search(self, text: str, low: str | None = None) -> re.Match | None:
        """`rx.search(text)`; `low` is `fold(text)` when known."""
        return self.rx.search(text) if self.possible(fold(text) if low is None else low) else None
