"""Find headings: markdown '#' lines, structured-abstract labels and short title lines."""
from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import doc_text, doc_value, register_extensions, set_doc_value

register_extensions()

_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?P<title>[^\n]*?)[ \t#]*$", re.M)
# "RESULTS:" / "ABSTRACT.METHODS:" / "Methods:" at the start of a line, alone or before text.
_LABEL = re.compile(
    r"^[ \t]*(?P<title>(?:[A-Z][A-Z.&/ -]{2,40}[A-Z])|"
    r"(?:Background|Objectives?|Aims?|Purpose|Introduction|Methods?|Design|Setting|Participants|"
    r"Interventions?|Measurements|Main outcome measures?|Results?|Findings|Conclusions?|"
    r"Interpretation|Discussion|Limitations|Funding|Trial registration|Context))[ \t]*:", re.M)
_NOT_TITLE_END = re.compile(r"[.!?,;:]$")
_NOT_TITLE_START = re.compile(r"[-*•▪◦|>#]|\d+[.)]\s|[a-z]")
MAX_TITLE_WORDS = 14
MAX_TITLE_CHARS = 110


def find_headings(text: str) -> list[dict]:
    """Headings as {start, end, title}, ordered by position (start/end cover the title text)."""
    found: dict[int, dict] = {}
    line_starts = _line_starts(text)
    if "#" in text:
        for match in _matches_at_lines(_MD_HEADING, text, line_starts):
            if match.group("title"):
                found[match.start("title")] = _heading(match, "title")
    for match in _matches_at_lines(_LABEL, text, line_starts):
        found.setdefault(match.start("title"), _heading(match, "title"))
    for start, end in _line_titles(text, line_starts):
        if start in found:
            continue
        title = text[start:end]
        if _looks_like_title(title):
            found[start] = {"start": start, "end": end, "title": title}
    return [found[key] for key in sorted(found)]


def _line_starts(text: str) -> list[int]:
    """Offsets where a line begins: 0 and every position after a newline."""
    starts = [0]
    newline = text.find("\n")
    while newline >= 0:
        starts.append(newline + 1)
        newline = text.find("\n", newline + 1)
    return starts


def _matches_at_lines(pattern: re.Pattern, text: str, line_starts: list[int]):
    """The matches of `pattern.finditer(text)` for a multi-line pattern that begins with "^" and
    never reaches past its line's end: the pattern tried at each line start only."""
    match = pattern.match
    for start in line_starts:
        m = match(text, start)
        if m is not None:
            yield m


def _line_titles(text: str, line_starts: list[int]):
    r"""(start, end) of each line's text without the spaces and tabs around it, for lines whose
    first character after them is not whitespace (`^[ \t]*(\S[^\n]*?)[ \t]*$` per line)."""
    ends = line_starts[1:]
    for i, start in enumerate(line_starts):
        end = ends[i] - 1 if i < len(ends) else len(text)
        line = text[start:end]
        content = line.lstrip(" \t")
        if not content or content[0].isspace():
            continue
        yield start + len(line) - len(content), start + len(line.rstrip(" \t"))


def _heading(match: re.Match, group: str) -> dict:
    return {"start": match.start(group), "end": match.end(group), "title": match.group(group)}


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
    sentences = doc_value(doc, "sentences")
    if sentences is not None:
        return sentences
    return _compute_sentences(doc, doc_value(doc, "sections") or [])


def _compute_sentences(doc: Doc, headings: list[dict]) -> list[dict]:
    out = []
    text = doc_text(doc)
    heading_starts = [heading["start"] for heading in headings]
    titles = [None] + [heading["title"] for heading in headings]
    for start, end in _sentence_spans(doc, text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            # the heading that opens or precedes the sentence (a heading line is its own section):
            # section_at(headings, end - 1)
            out.append({"start": start, "end": end,
                        "section": titles[bisect_right(heading_starts, end - 1)]})
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
    starts = columns[firsts, 1].tolist()
    return list(zip(starts, starts[1:] + [len(text)]))


@Language.component("claims_sections")
def set_sections(doc: Doc) -> Doc:
    """Store the headings in doc._.sections and the sentences with their section in doc._.sentences."""
    headings = find_headings(doc_text(doc))
    set_doc_value(doc, "sections", headings)
    set_doc_value(doc, "sentences", _compute_sentences(doc, headings))
    return doc
