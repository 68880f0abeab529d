"""Cheap necessary conditions for expensive regular expressions, read from their syntax trees.

* `Prefilter(regex)`: short strings one of which occurs in every match ("similar",
  "difference" ...). One fast case-sensitive search of the lower-cased text for them rules a
  match out when none occurs.
* `MatchStarts(regex)`: the strings every match starts with; the regex is tried only where
  one of them occurs, and finds the same matches as `regex.finditer`.
* `Guarded(regex)`: the regex behind its prefilter, with the regex's search / match / sub.

The conditions are only used on texts whose characters lower-case one to one without case
equivalents beyond ASCII (ASCII, or characters without case); other texts go to the regex.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre
from re import _parser as sre_parse

MAX_FACTOR = 12           # longest factor collected (characters)
MAX_STRINGS = 2000        # largest factor set
MAX_CLASS = 12            # a character class with more members counts as "any character"
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


@lru_cache(maxsize=256)
def _syntax(pattern: str, flags: int):
    """The syntax tree of a pattern (read once for the prefilter and the start places)."""
    return sre_parse.parse(pattern, flags)


class _Open(Exception):
    """A node consumes (almost) any character: the strings collected end before it."""


# character categories kept as they are: lower-casing never turns a character into or out of them
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}


def _char_options(op, av, ignore_case: bool) -> set[str]:
    """Regex snippets for what a one-character node can consume in a case-safe lower-cased
    text: escaped characters, or \\d / \\s (raises _Open when it is almost anything)."""
    if op is sre.IN and len(av) == 1 and av[0][0] is sre.CATEGORY and av[0][1] in _CATEGORIES:
        return {_CATEGORIES[av[0][1]]}
    if op is sre.LITERAL:
        codes = [av]
    elif op is sre.IN:
        codes = []
        for iop, iav in av:
            if iop is sre.LITERAL:
                codes.append(iav)
            elif iop is sre.RANGE and iav[1] - iav[0] < MAX_CLASS:
                codes.extend(range(iav[0], iav[1] + 1))
            else:
                raise _Open
    else:
        raise _Open
    out: set[str] = set()
    for code in codes:
        out |= _lowered_matches(chr(code), ignore_case)
    if len(out) > MAX_CLASS:
        raise _Open
    return {re.escape(ch) for ch in out}


@lru_cache(maxsize=None)
def _lowered_matches(ch: str, ignore_case: bool) -> frozenset[str]:
    """The lower-cased characters of a case-safe text that pattern character `ch` matches."""
    if ch.isascii():
        return frozenset({ch.lower()})
    if ch.lower() == ch == ch.upper():
        return frozenset({ch})           # no case: matches itself only
    if not ignore_case:
        return frozenset()               # a cased non-ASCII character never occurs in safe text
    single = re.compile(re.escape(ch), re.IGNORECASE)
    return frozenset(x.lower() for x in _ASCII_LETTERS if single.fullmatch(x))


_ASCII_LETTERS = [chr(c) for c in range(65, 91)] + [chr(c) for c in range(97, 123)]


Factors = set  # set of snippet sequences (tuples of regex snippets, one per character)


def _cross(a: Factors, b: Factors) -> Factors | None:
    """Every sequence of a followed by every sequence of b; None when too many or too long."""
    if len(a) * len(b) > MAX_STRINGS:
        return None
    if not a or not b:
        return set()
    if max(map(_width, a)) + max(map(_width, b)) > MAX_FACTOR:
        return None
    return {x + y for x in a for y in b}


def _better(a: Factors | None, b: Factors | None) -> Factors | None:
    """The more selective of two factor sets: longer shortest sequence, then fewer sequences."""
    def score(f):
        return (-1, 0) if not f else (min(_width(x) for x in f), -len(f))
    return a if score(a) >= score(b) else b


def _analyze(items: list, ic: bool) -> tuple[Factors | None, Factors | None]:
    """(exact, required) of a sequence of nodes: `exact` is every string the sequence can
    match (None when not a small finite set); `required` is a set one of whose members occurs
    in every match (None when nothing is known)."""
    run: Factors | None = {()}
    best: Factors | None = None
    exact_all = True
    for op, av in items:
        exact, required = _node(op, av, ic)
        if exact is not None:
            joined = _cross(run, exact) if run is not None else None
            if joined is None:
                best = _better(best, run)
                run = exact
                exact_all = False
            else:
                run = joined
            continue
        exact_all = False
        best = _better(best, run)
        best = _better(best, required)
        run = {()}
    best = _better(best, run)
    if best is not None and _has_empty(best):
        best = None
    return (run if exact_all else None), best


# zero-width checks kept in the factors: lower-casing keeps every character in or out of \\w
_KEPT_CHECKS = {repr(sre_parse.parse(check).data[0]): check
                for check in (r"\b", r"(?<![\w-])", r"(?<!\w)", r"(?![\w-])", r"(?!\w)", r"(?![\w])")}


_KEPT_CHECK_SNIPPETS = set(_KEPT_CHECKS.values())


def _width(seq: tuple[str, ...]) -> int:
    """Characters a snippet sequence consumes (kept checks consume none)."""
    return sum(1 for snippet in seq if snippet not in _KEPT_CHECK_SNIPPETS)


def _has_empty(factors: Factors) -> bool:
    return any(_width(seq) == 0 for seq in factors)


def _node(op, av, ic: bool) -> tuple[Factors | None, Factors | None]:
    if op in _ZERO_WIDTH:
        check = _KEPT_CHECKS.get(repr((op, av)))
        return ({(check,)} if check else {()}), None
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None, None
        return _analyze(list(sub.data), ic)
    if op is sre.ATOMIC_GROUP:
        return _analyze(list(av.data), ic)
    if op is sre.BRANCH:
        parts = [_analyze(list(alt.data), ic) for alt in av[1]]
        exact = None
        if all(e is not None for e, _ in parts):
            exact = set().union(*(e for e, _ in parts))
            if len(exact) > MAX_STRINGS:
                exact = None
        # each alternative gives its exact strings, or else what it requires
        chosen = [e if e is not None and not _has_empty(e) else r for e, r in parts]
        required = None if any(c is None for c in chosen) else set().union(*chosen)
        return exact, required
    if op in _REPEATS:
        low, high, body = av
        b_exact, b_required = _analyze(list(body.data), ic)
        if low == 0:
            if high == 1 and b_exact is not None:
                return b_exact | {()}, None
            return None, None
        if low == high == 1:
            return b_exact, b_required
        return None, (b_exact if b_exact is not None and not _has_empty(b_exact) else b_required)
    try:
        chars = _char_options(op, av, ic)
    except _Open:
        return None, None
    return {(c,) for c in chars}, None


def required_factors(regex: re.Pattern) -> Factors | None:
    """Snippet sequences (escaped lower-cased characters, \\d, \\s) one of which occurs in
    every match of `regex`, in the lower-cased text; None when no such set is known."""
    if not isinstance(regex.pattern, str):
        return None
    tree = _syntax(regex.pattern, regex.flags)
    try:
        exact, required = _analyze(list(tree.data), bool(regex.flags & re.IGNORECASE))
    except RecursionError:
        return None
    if exact is not None and not _has_empty(exact):
        return exact
    return required


class _TooMany(Exception):
    """More start sequences than MAX_STRINGS."""


def _starts(items: list, room: int, budget: list[int], ic: bool) -> Factors:
    """Snippet sequences of at most `room` characters one of which every match of `items`
    begins with (a sequence shorter than `room` ends where the regex allows almost anything)."""
    if room == 0 or not items:
        return {()}
    op, av = items[0]
    rest = items[1:]
    if op in _ZERO_WIDTH:
        return _starts(rest, room, budget, ic)
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return {()}
        return _starts(list(sub.data) + rest, room, budget, ic)
    if op is sre.ATOMIC_GROUP:
        return _starts(list(av.data) + rest, room, budget, ic)
    if op is sre.BRANCH:
        out: Factors = set()
        for alt in av[1]:
            out |= _starts(list(alt.data) + rest, room, budget, ic)
        return out
    if op in _REPEATS:
        low, high, body = av
        if body.getwidth()[0] < 1:
            return {()}
        if high == 0:
            return _starts(rest, room, budget, ic)
        again = [(op, (max(low - 1, 0), high if high is sre.MAXREPEAT else high - 1, body))]
        once = _starts(list(body.data) + again + rest, room, budget, ic)
        return once if low >= 1 else once | _starts(rest, room, budget, ic)
    try:
        chars = _char_options(op, av, ic)
    except _Open:
        return {()}
    tails = _starts(rest, room - 1, budget, ic)
    out = {(c, *t) for c in chars for t in tails}
    budget[0] -= len(out)
    if budget[0] < 0:
        raise _TooMany
    return out


def start_sequences(regex: re.Pattern, room: int = 4, budget: int = MAX_STRINGS) -> Factors | None:
    """Snippet sequences (at most `room` characters, at most about `budget` of them) one of which
    every match of `regex` starts with, in the lower-cased text; None when some match can start
    with almost any character."""
    if not isinstance(regex.pattern, str):
        return None
    tree = _syntax(regex.pattern, regex.flags)
    if tree.getwidth()[0] < 1:
        return None
    for size in range(room, 0, -1):
        try:
            found = _starts(list(tree.data), size, [budget], bool(regex.flags & re.IGNORECASE))
        except (_TooMany, RecursionError):
            continue
        return None if () in found else found
    return None


def _trie_pattern(strings: set[tuple[str, ...]]) -> str:
    """One alternation of the snippet sequences, common beginnings factored out."""
    tree: dict = {}
    for seq in strings:
        node = tree
        for snippet in seq:
            node = node.setdefault(snippet, {})
        node[None] = {}

    def emit(node: dict) -> str:
        if None in node:
            return ""          # a shorter sequence already suffices
        alts = [snippet + emit(child) for snippet, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree) if tree else "(?!)"     # no sequence: the regex never matches


_DROP_ASCII = dict.fromkeys(range(128))


def case_safe(text: str) -> bool:
    """Lower-casing maps the text's characters one to one and no character of it has case
    equivalents beyond its ASCII upper / lower case."""
    if text.isascii():
        return True
    rest = text.translate(_DROP_ASCII)
    return rest.lower() == rest and rest.upper() == rest


# a factor set of at most this many plain strings is looked for with `in`, string by string
MAX_PLAIN = 8


def _plain_strings(factors: Factors | None) -> tuple[str, ...] | None:
    """The factors as plain strings; None when a factor has a character class or a whole-word
    check, or there are more than MAX_PLAIN factors."""
    if factors is None or len(factors) > MAX_PLAIN:
        return None
    out = set()
    for seq in factors:
        chars = []
        for snippet in seq:
            if len(snippet) == 1:
                chars.append(snippet)
            elif len(snippet) == 2 and snippet[0] == "\\" and not snippet[1].isalnum():
                chars.append(snippet[1])
            else:
                return None           # \d, \s or a check
        if not chars:
            return None
        out.add("".join(chars))
    return tuple(sorted(out))


class Prefilter:
    """A necessary condition of one regex, tested on lower-cased text."""

    def __init__(self, regex: re.Pattern):
        factors = required_factors(regex)
        self.trigger = None if factors is None else re.compile(_trie_pattern(factors))
        self.plain = _plain_strings(factors)

    def may_match(self, text: str) -> bool:
        """False only when the regex surely has no match in text."""
        if self.trigger is None:
            return True
        low = lowered(text)
        if low is None:
            return True
        if self.plain is not None:
            for string in self.plain:
                if string in low:
                    return True
            return False
        return self.trigger.search(low) is not None


# texts lowered lately: several prefilters in a row ask about the same sentence or clause
_LOWERED: dict[str, str | None] = {}
_LOWERED_KEPT = 2048


def lowered(text: str) -> str | None:
    """text.lower() for a case-safe text, else None."""
    low = _LOWERED.get(text, _LOWERED)
    if low is _LOWERED:
        low = text.lower() if text.isascii() or case_safe(text) else None
        if len(_LOWERED) >= _LOWERED_KEPT:
            _LOWERED.clear()
        _LOWERED[text] = low
    return low


# a match that starts a word: lower-casing keeps every character in or out of [\w-]
_WORD_START = r"(?<![\w-])"
_WORD_START_NODE = repr(sre_parse.parse(_WORD_START).data[0])


class MatchStarts:
    """The matches of a regex found by trying it only where one of its start sequences occurs
    (one fast pass over the lower-cased text finds those places)."""

    def __init__(self, regex: re.Pattern, room: int = 4, budget: int = MAX_STRINGS):
        self.regex = regex
        found = start_sequences(regex, room, budget)
        self.places = None
        if found is not None:
            tree = _syntax(regex.pattern, regex.flags)
            head = _WORD_START if tree.data and repr(tree.data[0]) == _WORD_START_NODE else ""
            self.places = re.compile(head + "(?=" + _trie_pattern(found) + ")")

    def finditer(self, text: str, pos: int = 0):
        """Same matches as regex.finditer(text, pos)."""
        low = lowered(text) if self.places is not None else None
        if low is None:
            return self.regex.finditer(text, pos)
        return self._tried(text, low, pos)

    def _tried(self, text: str, low: str, pos: int):
        match = self.regex.match
        end = pos
        for place in self.places.finditer(low, pos):
            p = place.start()
            if p < end:
                continue
            m = match(text, p)
            if m is not None:
                yield m
                end = m.end()

    def search(self, text: str) -> re.Match | None:
        """Same match as regex.search(text)."""
        return next(iter(self.finditer(text)), None)


class Guarded:
    """A regex behind its prefilter: the same answers as the regex, found without running it
    when the prefilter rules a match out."""

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.pattern = regex.pattern
        self._prefilter = Prefilter(regex)

    def search(self, text: str, *bounds: int) -> re.Match | None:
        return self.regex.search(text, *bounds) if self._prefilter.may_match(text) else None

    def match(self, text: str, *bounds: int) -> re.Match | None:
        return self.regex.match(text, *bounds) if self._prefilter.may_match(text) else None

    def fullmatch(self, text: str, *bounds: int) -> re.Match | None:
        return self.regex.fullmatch(text, *bounds) if self._prefilter.may_match(text) else None

    def finditer(self, text: str, *bounds: int):
        return self.regex.finditer(text, *bounds) if self._prefilter.may_match(text) else iter(())

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.regex.sub(repl, text, count) if self._prefilter.may_match(text) else text


def inner_checks(regex: re.Pattern) -> bool:
    """The regex has anchors, lookarounds or back-references other than the whole-word checks
    that open and close it."""
    items = list(_syntax(regex.pattern, regex.flags).data)
    if items and repr(items[0]) == _WORD_START_NODE:
        items = items[1:]
    if items and repr(items[-1]) in _WORD_END_NODES:
        items = items[:-1]
    return _any_check(items)


_WORD_END_NODES = {repr(sre_parse.parse(check).data[0]) for check in (r"(?![\w-])", r"(?![\w])", r"(?!\w)")}
_CHECK_OPS = {sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF, sre.GROUPREF_EXISTS}


def _any_check(items: list) -> bool:
    for op, av in items:
        if op in _CHECK_OPS:
            return True
        if op is sre.SUBPATTERN:
            if _any_check(list(av[3].data)):
                return True
        elif op is sre.ATOMIC_GROUP:
            if _any_check(list(av.data)):
                return True
        elif op is sre.BRANCH:
            if any(_any_check(list(alt.data)) for alt in av[1]):
                return True
        elif op in _REPEATS:
            if _any_check(list(av[2].data)):
                return True
    return False


class AlternationStarts(MatchStarts):
    """MatchStarts of an alternation of named entries between two whole-word checks, `head` +
    "(?P<name>pattern)|..." + `tail`: at a place only the entries that can start with the
    place's character are tried, in their order, as one smaller alternation (built when a
    place first needs it). The first entry that matches there is the one the whole
    alternation takes, so the matches are the same."""

    def __init__(self, regex: re.Pattern, head: str, tail: str,
                 entries: list[tuple[str, str, re.Pattern]], room: int = 4, budget: int = MAX_STRINGS):
        super().__init__(regex, room, budget)
        self._head, self._tail = head, tail
        self._entries = entries                 # (group name, pattern, the pattern compiled)
        self._firsts = [_first_snippets(compiled) for _, _, compiled in entries]
        self._by_char: dict[str, object] = {}
        self._by_subset: dict[tuple[int, ...], object] = {}

    def _matcher(self, ch: str):
        """The match function of the entries that can start with lower-cased character ch."""
        subset = tuple(i for i, firsts in enumerate(self._firsts)
                       if firsts is None or any(re.fullmatch(seq[0], ch) for seq in firsts))
        match = self._by_subset.get(subset)
        if match is None:
            if subset:
                body = "|".join(f"(?P<{self._entries[i][0]}>{self._entries[i][1]})" for i in subset)
                match = re.compile(self._head + body + self._tail, self.regex.flags).match
            else:
                match = _no_match
            self._by_subset[subset] = match
        self._by_char[ch] = match
        return match

    def _tried(self, text: str, low: str, pos: int):
        by_char = self._by_char
        end = pos
        for place in self.places.finditer(low, pos):
            p = place.start()
            if p < end:
                continue
            ch = low[p]
            match = by_char.get(ch) or self._matcher(ch)
            m = match(text, p)
            if m is not None:
                yield m
                end = m.end()


def _first_snippets(regex: re.Pattern) -> Factors | None:
    """`start_sequences(regex, 1)`, from a syntax tree read for this question alone (not kept)."""
    tree = sre_parse.parse(regex.pattern, regex.flags)
    if tree.getwidth()[0] < 1:
        return None
    try:
        found = _starts(list(tree.data), 1, [MAX_STRINGS], bool(regex.flags & re.IGNORECASE))
    except (_TooMany, RecursionError):
        return None
    return None if () in found else found


def _no_match(text: str, pos: int) -> None:
    return None
