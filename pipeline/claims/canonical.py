"""The intervention of a claim in canonical terms: its drug mentions replaced by their canonicals."""
from __future__ import annotations

import re
from functools import lru_cache

from .spans import within


def canonical_intervention(intervention: str | None, start: int, end: int, text: str,
                           entities: list[dict]) -> str | None:
    """'Sirolimus plus prednisone' -> 'rapamycin plus prednisone', using the claim's CHEMICAL
    entities; None when the intervention names no recognised chemical."""
    if not intervention:
        return None
    result = intervention
    replaced = False
    mentions = {}
    for entity in within(entities, start, end):
        if entity.get("label") != "CHEMICAL" or not entity.get("canonical"):
            continue
        if not (start <= entity["start"] and entity["end"] <= end):
            continue
        mentions[text[entity["start"]:entity["end"]]] = entity["canonical"]
    for written in sorted(mentions, key=len, reverse=True):
        result, count = _mention_pattern(written).subn(lambda _m, c=mentions[written]: c, result)
        replaced = replaced or count > 0
    return result if replaced else None


@lru_cache(maxsize=4096)
def _mention_pattern(written: str) -> re.Pattern:
    """A drug mention as written, as a whole word (compiled once per distinct mention)."""
    return re.compile(rf"(?<![\w-]){re.escape(written)}(?![\w-])", re.IGNORECASE)
