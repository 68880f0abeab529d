"""Sample sizes: counts of study units (participants, animals, studies) with their roles.

`find_sample_sizes(text, sentences)` returns one dict per stated count (see README.md);
`summarize_sample_sizes(rows, text)` gives the article-level participant and study counts.
"""
from __future__ import annotations

from .extract import crude_sentences, extract
from .lexicon import ROLES, load_lexicon
from .summary import summarize_sample_sizes

__all__ = ["find_sample_sizes", "summarize_sample_sizes", "crude_sentences", "ROLES", "load_lexicon"]


def find_sample_sizes(text: str, sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """Sample-size rows of `text`, sorted by start.

    Each row: start, end (text[start:end] is the count as written), n, n_lower, role,
    population, organism. `sentences` are (start, end) character bounds; when None the text is
    split crudely. Never raises: odd input gives an empty list.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return extract(text, sentences, strict=False)
    except Exception:  # never raise on any input
        return []
