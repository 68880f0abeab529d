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

_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s)""")
_NEXT_START = re.compile(r"""\s+(?=["'“‘(\[]?[A-Z0-9\u0391-\u03a9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LINE_BREAK = re.compile(r"\n")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•▪◦]\s|\d{1,2}[.)]\s|\|)")
_CONTINUES = re.compile(r"[a-z,;(\-–]$")
_LOWER_START = re.compile(r"[ \t]*[a-z(]")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) character bounds of sentences, whitespace trimmed, in order."""
    cuts = sorted(set(_line_cuts(text)) | set(_punct_cuts(text)))
    bounds = []
    prev = 0
    for cut in cuts + [len(text)]:
        seg_start, seg_end = _trim(text, prev, cut)
        if seg_end > seg_start:
            bounds.append((seg_start, seg_end))
        prev = cut
    return bounds


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_cuts(text: str):
    """Cut at newlines unless the line break only wraps a running sentence."""
    for match in _LINE_BREAK.finditer(text):
        pos = match.end()
        before = text[max(0, match.start() - 1):match.start()]
        after_line = text[pos:pos + 40]
        wrapped = (bool(_CONTINUES.search(before)) and bool(_LOWER_START.match(after_line))
                   and not _LIST_ITEM.match(after_line))
        if not wrapped:
            yield pos


def _punct_cuts(text: str):
    for match in _END.finditer(text):
        nxt = _NEXT_START.match(text, match.end())
        if not nxt:
            continue
        if "\n" in nxt.group(0):
            continue  # the line rule decides
        if _is_abbreviation(text, match, nxt.end()):
            continue
        yield match.end()


def _is_abbreviation(text: str, match: re.Match, next_pos: int) -> bool:
    if not match.group(0).startswith(".") or len(match.group(0).rstrip("\"'”’)]")) > 1:
        return False
    word_match = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
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
    starts = numpy.fromiter((start for start, _ in sentence_bounds(doc_text(doc))), dtype="uint64")
    # One array write: assigning token.is_sent_start one token at a time re-checks the whole
    # document on every assignment, which is quadratic in its length.
    is_start = numpy.isin(doc.to_array(IDX), starts)
    is_start[0] = True
    values = numpy.where(is_start, 1, -1).astype("int64")
    doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
    return doc
