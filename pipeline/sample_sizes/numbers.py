"""Find counts written as digits (`36`, `1,204`, `13 388`) or words (`One hundred and seventy-six`)."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from .anchors import fold
from .index import trie_pattern

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000}
_WORDS = sorted([*UNITS, *TEENS, *TENS, *SCALES], key=len, reverse=True)
_WORD = r"(?:%s)" % "|".join(_WORDS)

# digits: thousands with comma or (thin) space, or a plain run of digits; never part of a
# decimal, a word (p16INK4A) or a longer digit run. The pattern opens with its first digit (the
# character before it is checked right after) so that a search skips non-digits quickly.
DIGITS_RE = re.compile(
    r"(\d(?<![\w.,·]\d)"
    r"(?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:[ \u00a0\u2008\u2009\u202f]\d{3})+|\d*))"
    r"(?![\w]|[.,·]\d)"
)
WORDS_RE = re.compile(
    r"(?<![\w-])%s(?:(?:[ -]|\s+and\s+)%s)*(?![\w-])" % (_WORD, _WORD), re.IGNORECASE
)
# where a number word may start a word of the folded text: after any character but an ASCII word
# character or a hyphen (a narrower class than [^\w-], so quicker to scan for; `WORDS_RE` itself
# rejects a start after another word character)
WORD_START_RE = re.compile(r"[^a-z0-9_\-](%s)" % trie_pattern(_WORDS))
WORD_AT_START_RE = re.compile(trie_pattern(_WORDS))
LETTERS_RE = re.compile(r"[A-Za-z]+")
SEPARATORS_RE = re.compile(r"[,\s\u00a0\u2008\u2009\u202f]")
COUNT_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2008\u2009\u202f]\d{3})+|\d+")


class Number(NamedTuple):
    start: int
    end: int
    value: int
    is_word: bool


def digits_value(s: str) -> int:
    return int(s) if s.isdecimal() else int(SEPARATORS_RE.sub("", s))


def _parse_words(tokens: list[str]) -> tuple[int, int] | None:
    """Longest valid prefix of number-word tokens -> (value, n_tokens used)."""
    total = current = 0
    last = None  # kind of the last token
    used = 0
    best: tuple[int, int] | None = None
    pending_and = False
    for i, tok in enumerate(tokens):
        t = tok.lower()
        if t == "and":
            if last not in ("scale",) or pending_and:
                break
            pending_and = True
            continue
        if t in UNITS or t in TEENS:
            if last in ("unit", "teen"):
                break
            if last == "tens" and t in TEENS:
                break
            current += UNITS.get(t) or TEENS[t]
            last = "unit" if t in UNITS else "teen"
        elif t in TENS:
            if last in ("unit", "teen", "tens"):
                break
            current += TENS[t]
            last = "tens"
        elif t == "hundred":
            if pending_and or last == "tens" or current >= 100:
                break
            current = (current or 1) * 100
            last = "scale"
        elif t == "thousand":
            if pending_and:
                break
            total += (current or 1) * 1000
            current = 0
            last = "scale"
        else:
            break
        pending_and = False
        used = i + 1
        best = (total + current, used)
    return best


def _word_matches(text: str, low: str | None = None) -> Iterator[re.Match]:
    """`WORDS_RE.finditer(text)`, trying only where a number word starts after a non-word
    character (`low`: `fold(text)`, which keeps the class of every character)."""
    if low is None:
        low = fold(text)
    starts = [m.start(1) for m in WORD_START_RE.finditer(low)]
    if WORD_AT_START_RE.match(low):
        starts.insert(0, 0)
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = WORDS_RE.match(text, pos)
        if m:
            end = m.end()
            yield m


def iter_numbers(text: str, low: str | None = None) -> Iterator[Number]:
    """All counts in `text`, digits and number words, in order of appearance (`low`: `fold(text)`
    when known)."""
    new = tuple.__new__  # Number(...) without its Python-level constructor
    for m in DIGITS_RE.finditer(text):
        s = m.group(1)
        try:
            value = int(s) if s.isdecimal() else int(SEPARATORS_RE.sub("", s))
        except ValueError:
            continue
        yield new(Number, (m.start(1), m.end(1), value, False))
    for m in _word_matches(text, low):
        span = m.group(0)
        parts = list(LETTERS_RE.finditer(span))
        words = [p.group(0) for p in parts]
        i = 0
        while i < len(words):
            parsed = _parse_words(words[i:])
            if not parsed:
                i += 1
                continue
            value, used = parsed
            yield Number(m.start() + parts[i].start(), m.start() + parts[i + used - 1].end(), value, True)
            i += used


def parse_count(s: str) -> int | None:
    """Integer value of a count as written (digits or words), or None."""
    s = s.strip()
    if not s:
        return None
    if COUNT_DIGITS_RE.fullmatch(s):
        return digits_value(s)
    parts = LETTERS_RE.findall(s)
    parsed = _parse_words(parts)
    if parsed and parsed[1] == len(parts):
        return parsed[0]
    return None
