"""Entities inside a character range, found by binary search instead of a scan of the article."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

# the last entity list seen and its start offsets (None when it cannot be searched: not sorted
# by start, or a row without integer offsets); articles ask many ranges of one list in a row
_last: list = [None, None]


def _starts(entities: list[dict]) -> list[int] | None:
    if _last[0] is not entities:
        starts = None
        try:
            found = [e["start"] for e in entities]
            if all(type(e["start"]) is int and type(e["end"]) is int and e["start"] <= e["end"]
                   for e in entities) and all(a <= b for a, b in zip(found, found[1:])):
                starts = found
        except (KeyError, TypeError):
            starts = None
        _last[0], _last[1] = entities, starts
    return _last[1]


def within(entities: list[dict], start: int, end: int) -> list[dict]:
    """The entities (in list order) that may lie inside [start, end]: every entity with
    start <= entity start and entity end <= end is among them (callers still test their span)."""
    starts = _starts(entities)
    if starts is None:
        return entities
    return entities[bisect_left(starts, start):bisect_right(starts, end)]
