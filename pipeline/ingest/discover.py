"""Find input files under a raw directory and read each into articles or problems."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pipeline.ingest.decode import DecodeError, decode_bytes
from pipeline.ingest.html import html_to_text, looks_like_html
from pipeline.ingest.models import RawArticle, ReadProblem

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = {".html": "html", ".htm": "html"}
RECORD_SUFFIXES = {".jsonl": "jsonl"}
# XML is streamed; the root element decides between PubMed (PubmedArticleSet) and JATS (article).
XML_SUFFIXES = {".xml": "xml", ".xml.gz": "xml", ".nxml": "xml", ".nxml.gz": "xml"}
SUPPORTED = {**TEXT_SUFFIXES, **HTML_SUFFIXES, **RECORD_SUFFIXES, **XML_SUFFIXES}


def discover_files(raw_dir: Path) -> list[Path]:
    """Every supported file under raw_dir (recursive, sorted, hidden files skipped)."""
    found = []
    for path in raw_dir.rglob("*"):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and _suffix(path) in SUPPORTED:
            found.append(path)
    return sorted(found)


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".gz":
        return "".join(path.suffixes[-2:]).lower()
    return suffix


def read_articles(raw_dir: Path, max_file_mb: float = 20.0,
                  max_chars: int = 1_000_000) -> Iterator[RawArticle | ReadProblem]:
    """Read every supported file; yield articles, and problems for what could not be used."""
    seen: dict[str, str] = {}
    for path in discover_files(raw_dir):
        source = path.relative_to(raw_dir).as_posix()
        for item in read_file(path, source, max_file_mb):
            if isinstance(item, RawArticle) and len(item.text) > max_chars:
                yield ReadProblem(item.source, "read", f"article has {len(item.text)} characters, over "
                                  f"the {max_chars} limit (max_chars in the config)")
                continue
            if isinstance(item, RawArticle):
                first = seen.setdefault(item.article_id, item.source)
                if first != item.source:
                    yield ReadProblem(item.source, "read",
                                      f"same text as {first}; processed once under that source",
                                      "warning")
                    continue
            yield item


def read_file(path: Path, source: str, max_file_mb: float = 20.0) -> list[RawArticle | ReadProblem]:
    """Read one file; never raises for bad content."""
    if SUPPORTED[_suffix(path)] == "xml":
        return list(read_xml(path, source, max_file_mb))
    try:
        size = path.stat().st_size
        if size > max_file_mb * 1024 * 1024:
            return [ReadProblem(source, "read", f"file is {size / 1048576:.1f} MB, over the "
                                f"{max_file_mb:g} MB limit (max_file_mb in the config)")]
        data = path.read_bytes()
    except OSError as exc:
        return [ReadProblem(source, "read", f"cannot read file: {exc.strerror or exc}")]
    fmt = SUPPORTED[_suffix(path)]
    if fmt == "jsonl":
        return list(_read_jsonl(data, source))
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        return [ReadProblem(source, "decode", str(exc))]
    problems: list[RawArticle | ReadProblem] = []
    if fmt != "html" and looks_like_html(data):
        problems.append(ReadProblem(source, "convert",
                                    f"HTML markup in a .{path.suffix.lstrip('.')} file; converted to text",
                                    "warning"))
        fmt = "html"
    if fmt == "html":
        text = html_to_text(text)
        if not text.strip():
            return problems + [ReadProblem(source, "convert", "HTML has no visible text")]
    return problems + [RawArticle(source=source, text=text, format=fmt)]


def _read_jsonl(data: bytes, source: str) -> Iterator[RawArticle | ReadProblem]:
    try:
        content = decode_bytes(data)
    except DecodeError as exc:
        yield ReadProblem(source, "decode", str(exc))
        return
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}#{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(where, "decode", f"line {lineno} is not JSON: {exc.msg}")
            continue
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield ReadProblem(where, "decode", f"line {lineno} has no non-empty 'text' string")
            continue
        ext = record.get("id")
        yield RawArticle(source=where, text=text, format="jsonl",
                         external_id=None if ext is None else str(ext))


def read_xml(path: Path, source: str, max_file_mb: float = 20.0) -> Iterator[RawArticle | ReadProblem]:
    """PubMed or JATS XML, chosen by the root element; streamed record by record.

    PubMed files hold many small records and are streamed, so the file-size limit does not apply
    to them (baseline files are ~200 MB uncompressed); a JATS file is one article and is refused
    above max_file_mb like any other single-article file.
    """
    from pipeline.ingest.xml_jats import JATS_ROOTS, read_jats_xml
    from pipeline.ingest.xml_pubmed import (PUBMED_ROOTS, XMLStreamError, read_pubmed_xml,
                                            sniff_root)

    try:
        size = path.stat().st_size
        if size == 0:
            yield ReadProblem(source, "decode", "empty file (no XML)")
            return
        root = sniff_root(path)
    except XMLStreamError as exc:
        yield ReadProblem(source, "decode", str(exc))
        return
    except OSError as exc:
        yield ReadProblem(source, "read", f"cannot read file: {exc.strerror or exc}")
        return
    if root in PUBMED_ROOTS:
        yield from read_pubmed_xml(path, source)
    elif root in JATS_ROOTS:
        if size > max_file_mb * 1024 * 1024:
            yield ReadProblem(source, "read", f"file is {size / 1048576:.1f} MB, over the "
                              f"{max_file_mb:g} MB limit (max_file_mb in the config)")
            return
        yield from read_jats_xml(path, source)
    elif root is None:
        yield ReadProblem(source, "decode", "not XML: no root element at the start of the file")
    else:
        yield ReadProblem(source, "decode", f"unsupported XML: root element <{root}> is neither "
                          "PubMed (<PubmedArticleSet>) nor JATS (<article>)")
