"""End-anchored patterns (`...\\s*$`) with a cheap test every match needs.

Searching a pattern that ends with `$` tries every start position of the text. Such a match
always ends with the last non-blank characters of the text, so the possible endings of the
pattern (read from its parse tree; folded case, every run of blanks written as one space)
decide most searches without running it: `EndAnchored.search(text, tail)` returns None at once
when `tail` (`fold_tail(text)`) ends with none of them, and otherwise the pattern's own `search`.
"""
from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

ENDING_CHARS = 12  # characters of an ending that are compared
_MAX_STATES = 400  # more unfinished endings are cut where they are (a weaker test)
_MAX_RANGE = 200
_MAX_ENDINGS = 20000
_FEW = 40  # endings tested one by one; more are grouped by their last character
# the only characters that IGNORECASE matches to an ASCII letter other than its two cases
_FOLD_CHARS = "\u0130\u0131\u017f\u212a"
_FOLD = str.maketrans(dict(zip(_FOLD_CHARS, "iisk")))
_UNKNOWN = "unknown"
_BLANK = "blank"
_START = "\x00start"  # an ending that is the start of the text: the text is blank
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_TEXT_START = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def fold(s: str) -> str:
    """Lower case with the IGNORECASE equivalents of i, k and s; keeps every index."""
    if not s.isascii() and any(c in s for c in _FOLD_CHARS):
        s = s.translate(_FOLD)
    return s.lower()


def fold_tail(s: str) -> str:
    """The folded last characters of `s` with every run of blanks as one space and without
    trailing blanks (the input of `search`)."""
    tail = " ".join(s[-4 * ENDING_CHARS:].split())
    if len(tail) < ENDING_CHARS and len(s) > 4 * ENDING_CHARS:
        tail = " ".join(s.split())
    return fold(tail[-ENDING_CHARS:])


def _char_kind(code: int, ignorecase: bool) -> str:
    c = chr(code)
    if c.isspace():
        return _BLANK
    if ignorecase and not c.isascii() and c.isalpha():
        return _UNKNOWN  # non-ASCII case equivalents are not modelled
    return fold(c)


def _set_kinds(items: list, ignorecase: bool) -> set[str]:
    kinds: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            kinds.add(_char_kind(av, ignorecase))
        elif op is sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            kinds.update(_char_kind(code, ignorecase) for code in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            kinds.add(_BLANK)
        else:
            kinds.add(_UNKNOWN)
    return kinds


def _cap(states: set[tuple[str, bool]], limit: int) -> set[tuple[str, bool]]:
    """At most about `limit` endings: the others cut to their last characters and finished
    (a weaker test); the empty ending stays open."""
    k = ENDING_CHARS
    while len(states) > limit and k > 1:
        k -= 1
        states = {(s[-k:], True) if s and (len(s) > k or not done) else (s, done) for s, done in states}
    return states


def _step(states: set[tuple[str, bool]], kinds: set[str]) -> set[tuple[str, bool]]:
    """Put one character (any of `kinds`) before every unfinished ending."""
    if len(states) * len(kinds) > _MAX_STATES:
        states = _cap(states, max(1, _MAX_STATES // len(kinds)))
    out = {state for state in states if state[1]}  # finished endings stay as they are
    add = out.add
    unknown, blank = _UNKNOWN in kinds, _BLANK in kinds
    chars = [kind for kind in kinds if kind is not _UNKNOWN and kind is not _BLANK]
    for s, done in states:
        if done:
            continue
        if unknown:
            add((s, True))
        if blank:
            if s == "" or s[0] == " ":
                add((s, False))  # trailing blanks; a run of blanks is one space
            else:
                t = " " + s
                add((t, len(t) >= ENDING_CHARS))
        for kind in chars:
            t = kind + s
            add((t, len(t) >= ENDING_CHARS))
    return out


def _sequence(items: list, states: set, flags: int) -> set:
    for op, av in reversed(items):
        if len(states) > _MAX_STATES:
            states = _cap(states, _MAX_STATES)
        states = _element(op, av, states, flags)
    return states


def _element(op, av, states: set, flags: int) -> set:
    ignorecase = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        return _step(states, {_char_kind(av, ignorecase)})
    if op is sre.IN:
        return _step(states, _set_kinds(av, ignorecase))
    if op is sre.AT and av in _TEXT_START and not flags & re.MULTILINE:
        return {(_START, True) if s == "" and not done else (s, done) for s, done in states}
    if op in _ZERO_WIDTH:
        return states
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return _sequence(items, states, (flags | add_flags) & ~del_flags)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, states, flags)
    if op is sre.BRANCH:
        out: set = set()
        for items in av[1]:
            out |= _sequence(items, states, flags)
        return out
    if op in _REPEATS:
        low, high, items = av
        out = set(states) if low == 0 else set()
        current, count = states, 0
        while count < high:
            current = _sequence(items, current, flags)
            count += 1
            if count >= low:
                if current <= out:
                    break
                out |= current
        return out
    return _step(states, {_UNKNOWN})


def _ends_at_end(items: list) -> bool:
    if not items:
        return False
    op, av = items[-1]
    if op is sre.AT:
        return av is sre.AT_END or av is sre.AT_END_STRING
    if op is sre.SUBPATTERN:
        return _ends_at_end(av[3])
    if op is sre.BRANCH:
        return all(_ends_at_end(alt) for alt in av[1])
    return False


def endings(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], bool] | None:
    """Folded endings, one of which ends the non-blank text of every match, and whether a
    blank text can match too; None if unknown."""
    tree = sre_parse.parse(pattern, flags)
    if not _ends_at_end(tree.data):
        return None
    states = _sequence(tree.data, {("", False)}, tree.state.flags)
    found = {s for s, _ in states}
    if "" in found:
        return None
    blank = _START in found
    found.discard(_START)
    # an ending that ends with a shorter one adds nothing
    kept = [s for s in found if not any(s[k:] in found for k in range(1, len(s)))]
    return (tuple(sorted(kept)), blank) if len(kept) <= _MAX_ENDINGS else None


def literal_prefix(pattern: str, flags: int = 0) -> str:
    """Folded characters every match of `pattern` starts with ("" if none are fixed)."""
    tree = sre_parse.parse(pattern, flags)
    ignorecase = bool(tree.state.flags & re.IGNORECASE)
    prefix = []
    for op, av in tree.data:
        if op is not sre.LITERAL:
            break
        c = chr(av)
        if ignorecase and not c.isascii() and c.isalpha():
            break
        prefix.append(fold(c))
    return "".join(prefix)


class EndAnchored:
    """A compiled end-anchored pattern whose searches are skipped when the text cannot match."""

    __slots__ = ("rx", "pattern", "flags", "endings", "blank", "backwards")

    def __init__(self, pattern: str, flags: int = 0, backwards: str | None = None):
        """`backwards`: the same pattern read from its end (without the `$`), for `test`: it
        matches the reversed text at its start exactly when `pattern` matches the text."""
        self.rx = re.compile(pattern, flags)
        self.backwards = None if backwards is None else re.compile(backwards, flags)
        self.pattern = pattern
        self.flags = self.rx.flags
        found = endings(pattern, flags)
        # a few endings as one tuple; more by their last character, with their lengths
        self.endings: tuple[str, ...] | dict[str, tuple] | None = None
        self.blank = True
        if found:
            self.blank = found[1]
            if len(found[0]) <= _FEW:
                self.endings = found[0]
            else:
                groups: dict[str, list[str]] = {}
                for s in found[0]:
                    groups.setdefault(s[-1], []).append(s)
                self.endings = {
                    c: (tuple(ss), None) if len(ss) <= _FEW else (frozenset(ss), tuple(sorted({len(s) for s in ss})))
                    for c, ss in groups.items()}

    def possible(self, text: str, tail: str) -> bool:
        """Whether `text` (with `tail` as in `search`) may match."""
        ends = self.endings
        if ends is None:
            return True
        if type(ends) is tuple:
            if tail.endswith(ends):
                return True
        else:
            group = ends.get(tail[-1:])
            if group is not None:
                ends, lengths = group
                if lengths is None:
                    if tail.endswith(ends):
                        return True
                elif any(tail[-n:] in ends for n in lengths):
                    return True
        return self.blank and (not text or text.isspace())

    def search(self, text: str, tail: str) -> re.Match | None:
        """`rx.search(text)`. `tail` is `fold_tail(text)`, or `fold_tail` of a longer text that
        ends with `text`."""
        ends = self.endings
        if type(ends) is tuple and not tail.endswith(ends) and not (self.blank and (not text or text.isspace())):
            return None  # the usual case, without a call
        return self.rx.search(text) if self.possible(text, tail) else None

    def test(self, text: str, tail: str) -> bool:
        """Whether `search(text, tail)` finds a match; with `backwards`, one anchored match of the
        reversed text instead of a search from every start."""
        ends = self.endings
        if type(ends) is tuple and not tail.endswith(ends) and not (self.blank and (not text or text.isspace())):
            return False
        if not self.possible(text, tail):
            return False
        if self.backwards is None:
            return self.rx.search(text) is not None
        return self.backwards.match(text[::-1]) is not None


class EndAnchoredSet:
    """End-anchored patterns with tags, of which a text's last character leaves only some to try."""

    def __init__(self, items: list[tuple[EndAnchored, object]]):
        self.items = items
        always, by_last = [], {}
        for k, (rx, _tag) in enumerate(items):
            if rx.endings is None or rx.blank:
                always.append(k)
                continue
            ends = rx.endings if type(rx.endings) is tuple else tuple(rx.endings)
            for c in {s[-1] for s in ends}:
                by_last.setdefault(c, []).append(k)
        self.always = [items[k] for k in always]
        self.by_last = {c: [items[k] for k in sorted(set(ks) | set(always))] for c, ks in by_last.items()}

    def candidates(self, tail: str) -> list[tuple[EndAnchored, object]]:
        """The patterns that may match a text with this `tail` (`fold_tail`), in their order."""
        return self.by_last.get(tail[-1:], self.always)
