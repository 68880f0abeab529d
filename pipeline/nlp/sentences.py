"""Rule sentence splitter for biomedical prose, headings and pasted tables.

Works on characters, then marks tokens. It does not break inside "P=0.008", "vs.", "et al.",
"95% CI 1.01-1.18", "Fig. 2", initials, or decimals, and it starts a new sentence at blank
lines, headings, list items and table rows.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import doc_text

# Words that end with a period but do not end a sentence (lower-cased, without the period).
ABBREVIATIONS = frozenset("""
vs v al e.g eg i.e ie cf approx ca fig figs tab ref refs eq eqs vol pp dr mr mrs ms prof
st jr sr inc ltd co corp resp incl viz sp spp var subsp univ dept est max min mo mos yr yrs
wk wks hr hrs sec no nos ch sect suppl jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# These only act as abbreviations before a number ("No. 5", "Fig. 2").
NEED_DIGIT = frozenset({"no", "nos", "fig", "figs", "tab", "ref", "refs", "eq", "eqs", "vol", "pp", "ch", "sect"})

# a run of sentence-final punctuation (with closing quotes / brackets) before spaces that stay on
# the line and a sentence-opening character (group "next"); spelled with a leading set so the
# regex engine scans for its first character. Group "word" is set when the run opens with a
# period right after a letter or period but not after seven letters: only such a period can end
# an abbreviation or an initial (see `_is_abbreviation`).
_END = re.compile(r"""[.!?](?:(?<=[A-Za-z.]\.)(?<![A-Za-z]{7}\.)(?P<word>))?[.!?]*["'”’)\]]*"""
                  r"""(?=[^\S\n]+(?P<next>["'“‘(\[]?[A-Z0-9\u0391-\u03a9]))""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_CONTINUES = frozenset("abcdefghijklmnopqrstuvwxyz,;(-–")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•▪◦]\s|\d{1,2}[.)]\s|\|)")
_LOWER_START = re.compile(r"[ \t]*[a-z(]")
_LOOK_AHEAD = 40  # characters of the next line read to decide whether a line break wraps


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) character bounds of sentences, whitespace trimmed, in order."""
    bounds = []
    prev = 0
    for cut in _cuts(text) + [len(text)]:
        seg_start, seg_end = _trim(text, prev, cut)
        if seg_end > seg_start:
            bounds.append((seg_start, seg_end))
        prev = cut
    return bounds


def sentence_starts(text: str) -> list[int]:
    """The start offsets of `sentence_bounds(text)`."""
    starts = []
    prev = 0
    for cut in _cuts(text) + [len(text)]:
        start = prev
        while start < cut and text[start].isspace():
            start += 1
        if start < cut:
            starts.append(start)
        prev = cut
    return starts


def _cuts(text: str) -> list[int]:
    """Ascending offsets where a new sentence may begin (line breaks and sentence ends)."""
    line_cuts = _line_cuts(text)
    punct_cuts = _punct_cuts(text)
    if not line_cuts:
        return punct_cuts
    if not punct_cuts:
        return line_cuts
    return sorted(set(line_cuts).union(punct_cuts))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_cuts(text: str) -> list[int]:
    """Cut at newlines unless the line break only wraps a running sentence."""
    cuts = []
    newline = text.find("\n")
    while newline >= 0:
        pos = newline + 1
        wrapped = (newline > 0 and text[newline - 1] in _CONTINUES
                   and _LOWER_START.match(text, pos, pos + _LOOK_AHEAD) is not None
                   and _LIST_ITEM.match(text, pos, pos + _LOOK_AHEAD) is None)
        if not wrapped:
            cuts.append(pos)
        newline = text.find("\n", pos)
    return cuts


def _punct_cuts(text: str) -> list[int]:
    """Cut after sentence-final punctuation that is followed, on the same line, by a
    sentence-opening character, unless it ends an abbreviation."""
    cuts = []
    for match in _END.finditer(text):
        if (match.start("word") >= 0 and match.group(0).rstrip("\"'”’)]") == "."
                and _is_abbreviation(text, match.start(), match.start("next"))):
            continue
        cuts.append(match.end())
    return cuts


def _is_abbreviation(text: str, period: int, next_pos: int) -> bool:
    """Whether the period at `period` ends an abbreviation or an initial."""
    word_match = _WORD_BEFORE.search(text, max(0, period - 12), period)
    if not word_match:
        return False
    word = word_match.group(1).lower().rstrip(".")
    if len(word) == 1 and text[word_match.start()].isupper():
        return True  # an initial: "J. Smith", "E. coli"
    if word in NEED_DIGIT:
        return text[next_pos:next_pos + 1].isdigit()
    return word in ABBREVIATIONS


@Language.component("claims_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Mark token.is_sent_start from `sentence_bounds`."""
    if not len(doc):
        return doc
    starts = numpy.array(sentence_starts(doc_text(doc)), dtype="uint64")
    offsets = doc.to_array(IDX)
    # One array write: assigning token.is_sent_start one token at a time re-checks the whole
    # document on every assignment, which is quadratic in its length.
    values = numpy.full(len(offsets), -1, dtype="int64")
    found = numpy.searchsorted(offsets, starts)
    found = found[found < len(offsets)]
    values[found[offsets[found] == starts[:len(found)]]] = 1
    values[0] = 1
    doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
    return doc
