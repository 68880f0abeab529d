"""The intervention of a claim in canonical terms: its drug mentions replaced by their canonicals."""
from __future__ import annotations

import re
from functools import lru_cache

from .spans import within


def canonical_intervention(intervention: str | None, start: int, end: int, text: str,
                           entities: list[dict]) -> str | None:
    """'Sirolimus plus prednisone' -> 'rapamycin plus prednisone', using the CHEMICAL entities
    between `start` and `end` (the claim's sentence); None when the intervention names no
    recognised chemical."""
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
        result, count = _replace_mention(result, written, mentions[written])
        replaced = replaced or count > 0
    return result if replaced else None


def _replace_mention(phrase: str, written: str, canonical: str) -> tuple[str, int]:
    """`_mention_pattern(written).subn(canonical, phrase)` without a regex for ASCII texts: the
    case-insensitive whole-word occurrences, left to right, none overlapping."""
    if not (phrase.isascii() and written.isascii()):
        return _mention_pattern(written).subn(lambda _m: canonical, phrase)
    low, key = phrase.lower(), written.lower()
    pieces: list[str] = []
    last = count = 0
    k = low.find(key)
    while k >= 0:
        end = k + len(key)
        if (k == 0 or not _word_char(phrase[k - 1])) and (end == len(phrase) or not _word_char(phrase[end])):
            pieces += (phrase[last:k], canonical)
            last = end
            count += 1
            k = low.find(key, end)
        else:
            k = low.find(key, k + 1)
    if not count:
        return phrase, 0
    pieces.append(phrase[last:])
    return "".join(pieces), count


def _word_char(ch: str) -> bool:
    """An ASCII character of [\\w-]."""
    return ch.isalnum() or ch in "_-"


@lru_cache(maxsize=4096)
def _mention_pattern(written: str) -> re.Pattern:
    """A drug mention as written, as a whole word (compiled once per distinct mention)."""
    return re.compile(rf"(?<![\w-]){re.escape(written)}(?![\w-])", re.IGNORECASE)
