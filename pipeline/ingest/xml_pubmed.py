"""PubMed / MEDLINE XML (baseline and update files, `.xml` or `.xml.gz`): one article per record.

Files are streamed with `iterparse` and every finished record is cleared, so memory stays flat
however many `PubmedArticle` records a file holds. An article's text is its title, a blank
line, then the abstract; each labelled part of a structured abstract starts with its label on
a line of its own (a heading for the section finder):

    Effect of X on Y in older adults.

    BACKGROUND
    ...

    METHODS
    ...

Sources are "<file>#<PMID>" ("#<PMID>.v2" for the numbered versions a few journals publish).
A file that stops being well-formed XML gives one error row; records read before the error
are kept. The helpers here (opening, sniffing, whitespace, error wording) are shared with the
JATS reader.
"""
from __future__ import annotations

import codecs
import gzip
import re
import zlib
from collections.abc import Iterator
from html.entities import name2codepoint
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET

from pipeline.ingest.models import RawArticle, ReadProblem

FORMAT = "pubmed_xml"
RECORD_TAGS = frozenset({"PubmedArticle", "PubmedBookArticle"})
PUBMED_ROOTS = frozenset({"PubmedArticleSet", "PubmedArticle", "PubmedBookArticleSet",
                          "PubmedBookArticle", "MedlineCitationSet"})
SNIFF_BYTES = 65536

_SPACE = re.compile(r"\s+")
_ROOT_TAG = re.compile(r"<(?![?!/])([A-Za-z_][\w.:-]*)")
_SKIP_PROLOG = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.S | re.I)
# Errors that mean "the stream itself is broken" (bad gzip, truncated file), not bad XML.
STREAM_ERRORS = (OSError, EOFError, zlib.error)


class XMLStreamError(ValueError):
    """The file cannot be read as (gzip-compressed) XML; the message says why in one line."""


def local_name(tag: object) -> str:
    """Element name without its namespace ("{ns}math" -> "math"; comments -> "")."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def clean(text: str | None) -> str:
    """Collapse whitespace runs to single spaces and strip."""
    return _SPACE.sub(" ", text or "").strip()


def open_stream(path: Path) -> IO[bytes]:
    """Binary stream of the file, transparently decompressing `.gz`."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def sniff_root(path: Path) -> str | None:
    """Name of the XML root element, from the first bytes of the (decompressed) file."""
    chunks: list[bytes] = []
    try:
        with open_stream(path) as handle:
            while sum(map(len, chunks)) < SNIFF_BYTES:
                chunk = handle.read(4096)
                if not chunk:
                    break
                chunks.append(chunk)
    except STREAM_ERRORS as exc:
        if not chunks:  # a stream that breaks later is reported by the parser, with a count
            raise XMLStreamError(stream_message(exc)) from None
    return sniff_root_bytes(b"".join(chunks))


def sniff_root_bytes(head: bytes) -> str | None:
    """Name of the first element in `head`, skipping the XML declaration, comments and DOCTYPE."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            text = head.decode(codec, errors="ignore")
            break
    else:
        if head[:2] in (b"<\x00", b"\x00<"):
            text = head.decode("utf-16-le" if head[:1] == b"<" else "utf-16-be", errors="ignore")
        else:
            text = head.decode("latin-1")
    text = _SKIP_PROLOG.sub(" ", text)
    match = _ROOT_TAG.search(text)
    if not match or text[:match.start()].strip():
        return None
    return local_name(match.group(1))


def stream_message(exc: BaseException) -> str:
    """One-line reason for a broken compressed stream or unreadable file."""
    if isinstance(exc, EOFError):
        return "truncated gzip file (compressed stream ends early)"
    if isinstance(exc, (gzip.BadGzipFile, zlib.error)):
        return f"not a valid gzip file ({exc})"
    return f"cannot read file: {getattr(exc, 'strerror', None) or exc}"


def xml_error(exc: BaseException, records: int, what: str = "record") -> str:
    """One-line message for a parse failure after `records` good records."""
    reason = stream_message(exc) if isinstance(exc, STREAM_ERRORS) else f"malformed XML: {exc}"
    if records:
        return f"{reason}; the {records} {what}{'s' if records != 1 else ''} before it were kept"
    return reason


def make_parser() -> ET.XMLParser:
    """An XML parser that also knows the HTML named entities (&nbsp;, &ndash; ...).

    Named entities are resolved this way only in documents with a DOCTYPE (as PubMed and PMC
    files have); expat refuses unknown entities in documents without one.
    """
    parser = ET.XMLParser()
    parser.entity.update({name: chr(code) for name, code in name2codepoint.items()})
    return parser


def element_text(elem: ET.Element | None) -> str:
    """All text inside an element (inline markup such as <i>, <sup> flattened), cleaned."""
    if elem is None:
        return ""
    return clean("".join(elem.itertext()))


def read_pubmed_xml(path: Path, source: str) -> Iterator[RawArticle | ReadProblem]:
    """Articles of a PubMed XML file, streamed; one problem row for a record or file that fails."""
    records = 0
    try:
        with open_stream(path) as handle:
            root = None
            for event, elem in ET.iterparse(handle, events=("start", "end"), parser=make_parser()):
                if event == "start":
                    if root is None:
                        root = elem
                    continue
                if elem.tag not in RECORD_TAGS:
                    continue
                records += 1
                yield record_to_article(elem, source, records)
                elem.clear()
                if root is not None and root is not elem:
                    root.clear()  # drop finished records so memory does not grow
    except (ET.ParseError, *STREAM_ERRORS) as exc:
        yield ReadProblem(source, "decode", xml_error(exc, records))
        return
    if records == 0:
        yield ReadProblem(source, "decode", "no PubmedArticle records in the XML file")


def record_to_article(record: ET.Element, source: str, index: int) -> RawArticle | ReadProblem:
    """One PubmedArticle / PubmedBookArticle element as an article (or a problem if no text)."""
    node = record.find(".//PMID")
    pmid = clean(node.text) if node is not None else ""
    version = clean(node.get("Version")) if node is not None else ""
    # a few journals publish numbered versions of a record under one PMID (Version="2", ...)
    where = f"{source}#{pmid or index}" + (f".v{version}" if pmid and version not in ("", "1") else "")
    pmid = pmid or None
    text = record_text(record)
    if not text:
        return ReadProblem(where, "decode", f"PubMed record {pmid or index} has no title or abstract text")
    return RawArticle(source=where, text=text, format=FORMAT, external_id=pmid)


def record_text(record: ET.Element) -> str:
    """Title, blank line, abstract (structured-abstract labels as heading lines)."""
    title = (element_text(record.find(".//ArticleTitle")) or element_text(record.find(".//BookTitle"))
             or element_text(record.find(".//VernacularTitle")))
    abstract = record.find(".//Abstract")
    parts = [title] if title else []
    if abstract is not None:
        for block in abstract.findall("AbstractText"):
            body = element_text(block)
            label = clean(block.get("Label"))
            if label and body:
                parts.append(f"{label.rstrip(':')}\n{body}")
            elif body:
                parts.append(body)
    return "\n\n".join(parts) + "\n" if parts else ""
