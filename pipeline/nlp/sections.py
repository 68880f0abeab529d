"""Find headings: markdown '#' lines, structured-abstract labels and short title lines."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import doc_text, register_extensions

register_extensions()

_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?P<title>[^\n]*?)[ \t#]*$", re.M)
# "RESULTS:" / "ABSTRACT.METHODS:" / "Methods:" at the start of a line, alone or before text.
_LABEL = re.compile(
    r"^[ \t]*(?P<title>(?:[A-Z][A-Z.&/ -]{2,40}[A-Z])|"
    r"(?:Background|Objectives?|Aims?|Purpose|Introduction|Methods?|Design|Setting|Participants|"
    r"Interventions?|Measurements|Main outcome measures?|Results?|Findings|Conclusions?|"
    r"Interpretation|Discussion|Limitations|Funding|Trial registration|Context))[ \t]*:", re.M)
_LINE = re.compile(r"^[ \t]*(?P<title>\S[^\n]*?)[ \t]*$", re.M)
_NOT_TITLE_END = re.compile(r"[.!?,;:]$")
_NOT_TITLE_START = re.compile(r"[-*•▪◦|>#]|\d+[.)]\s|[a-z]")
MAX_TITLE_WORDS = 14
MAX_TITLE_CHARS = 110


def find_headings(text: str) -> list[dict]:
    """Headings as {start, end, title}, ordered by position (start/end cover the title text)."""
    found: dict[int, dict] = {}
    for match in _MD_HEADING.finditer(text):
        if match.group("title"):
            found[match.start("title")] = _heading(match, "title")
    for match in _LABEL.finditer(text):
        found.setdefault(match.start("title"), _heading(match, "title"))
    for match in _LINE.finditer(text):
        if match.start("title") in found or not _standalone(text, match):
            continue
        title = match.group("title")
        if _looks_like_title(title):
            found[match.start("title")] = _heading(match, "title")
    return [found[key] for key in sorted(found)]


def _heading(match: re.Match, group: str) -> dict:
    return {"start": match.start(group), "end": match.end(group), "title": match.group(group)}


def _standalone(text: str, match: re.Match) -> bool:
    """A line with a line break (or text edge) on both sides."""
    return match.end() == len(text) or text[match.end()] == "\n"


def _looks_like_title(title: str) -> bool:
    if len(title) > MAX_TITLE_CHARS or len(title.split()) > MAX_TITLE_WORDS:
        return False
    if _NOT_TITLE_END.search(title) or _NOT_TITLE_START.match(title):
        return False
    if "|" in title or sum(ch.isdigit() for ch in title) > len(title) / 3:
        return False
    return any(ch.isalpha() for ch in title)


def section_at(headings: list[dict], position: int) -> str | None:
    """Title of the last heading starting at or before `position`."""
    title = None
    for heading in headings:
        if heading["start"] > position:
            break
        title = heading["title"]
    return title


def sentence_dicts(doc: Doc) -> list[dict]:
    """Sentences as {start, end, section}, whitespace trimmed, empty ones dropped.

    Stored once by the sections component in doc._.sentences; computed here when absent."""
    if doc._.sentences is not None:
        return doc._.sentences
    return _compute_sentences(doc, doc._.sections or [])


def _compute_sentences(doc: Doc, headings: list[dict]) -> list[dict]:
    out = []
    text = doc_text(doc)
    for start, end in _sentence_spans(doc, text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            # the heading that opens or precedes the sentence (a heading line is its own section)
            out.append({"start": start, "end": end, "section": section_at(headings, end - 1)})
    return out


def _sentence_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character spans of `doc.sents`, read from the token arrays (no Token objects).

    A sentence runs from its first token to the next sentence's first token; what lies between
    the last token and the next sentence is whitespace, which the caller trims."""
    if not len(doc):
        return []
    columns = doc.to_array([SENT_START, IDX])
    flags = columns[:, 0].astype("int64")
    if not (flags[1:] != 0).any():
        return [(sent.start_char, sent.end_char) for sent in doc.sents]  # spaCy decides
    firsts = numpy.flatnonzero(flags == 1).tolist()
    if not firsts or firsts[0] != 0:
        firsts.insert(0, 0)
    offsets = columns[:, 1]
    starts = [int(offsets[i]) for i in firsts]
    return list(zip(starts, starts[1:] + [len(text)]))


@Language.component("claims_sections")
def set_sections(doc: Doc) -> Doc:
    """Store the headings in doc._.sections and the sentences with their section in doc._.sentences."""
    doc._.sections = find_headings(doc_text(doc))
    doc._.sentences = _compute_sentences(doc, doc._.sections)
    return doc
