"""The intervention of a claim in canonical terms: its drug mentions replaced by their canonicals."""
from __future__ import annotations

import re


def canonical_intervention(intervention: str | None, start: int, end: int, text: str,
                           entities: list[dict]) -> str | None:
    """'Sirolimus plus prednisone' -> 'rapamycin plus prednisone', using the claim's CHEMICAL
    entities; None when the intervention names no recognised chemical."""
    if not intervention:
        return None
    result = intervention
    replaced = False
    mentions = {}
    for entity in entities:
        if entity.get("label") != "CHEMICAL" or not entity.get("canonical"):
            continue
        if not (start <= entity["start"] and entity["end"] <= end):
            continue
        mentions[text[entity["start"]:entity["end"]]] = entity["canonical"]
    for written in sorted(mentions, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w-]){re.escape(written)}(?![\w-])", re.IGNORECASE)
        result, count = pattern.subn(lambda _m, c=mentions[written]: c, result)
        replaced = replaced or count > 0
    return result if replaced else None
