"""Find counts written as digits (`36`, `1,204`, `13 388`) or words (`One hundred and seventy-six`)."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

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
# decimal, a word (p16INK4A) or a longer digit run
DIGITS_RE = re.compile(
    r"(?<![\w.,·])"
    r"(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2008\u2009\u202f]\d{3})+|\d+)"
    r"(?![\w]|[.,·]\d)"
)
WORDS_RE = re.compile(
    r"(?<![\w-])%s(?:(?:[ -]|\s+and\s+)%s)*(?![\w-])" % (_WORD, _WORD), re.IGNORECASE
)


class Number(NamedTuple):
    start: int
    end: int
    value: int
    is_word: bool


def digits_value(s: str) -> int:
    return int(re.sub(r"[,\s\u00a0\u2008\u2009\u202f]", "", s))


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


def iter_numbers(text: str) -> Iterator[Number]:
    """All counts in `text`, digits and number words, in order of appearance."""
    for m in DIGITS_RE.finditer(text):
        try:
            yield Number(m.start(1), m.end(1), digits_value(m.group(1)), False)
        except ValueError:
            continue
    for m in WORDS_RE.finditer(text):
        span = m.group(0)
        parts = list(re.finditer(r"[A-Za-z]+", span))
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
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2008\u2009\u202f]\d{3})+|\d+", s):
        return digits_value(s)
    parts = re.findall(r"[A-Za-z]+", s)
    parsed = _parse_words(parts)
    if parsed and parsed[1] == len(parts):
        return parsed[0]
    return None
