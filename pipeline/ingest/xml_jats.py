"""PMC / JATS full-text XML (`.nxml`, or `.xml` whose root element is `article`).

One article per `<article>` element (a `<pmc-articleset>` wrapper may hold several). The text is
laid out for the section finder and sentence splitter:

    Article title

    Abstract

    BACKGROUND            <- abstract <sec> titles
    paragraph ...

    Methods               <- body <sec> titles (nested sections too), one heading line each
    paragraph ...

    Table 1 Baseline characteristics
    Characteristic | Drug (n=50) | Placebo (n=48)
    Age, years | 71 (6) | 70 (7)

    - list item

Back matter (references, acknowledgements, footnotes) is left out. Inline markup is flattened;
superscripts after a digit become "^" (10^6), citation superscripts become "[1]".
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from pipeline.ingest.models import RawArticle, ReadProblem
from pipeline.ingest.xml_pubmed import (STREAM_ERRORS, clean, local_name, make_parser,
                                        open_stream, xml_error)

FORMAT = "jats_xml"
JATS_ROOTS = frozenset({"article", "pmc-articleset", "articles"})

# never rendered
SKIP = frozenset({"tex-math", "graphic", "inline-graphic", "media", "object-id", "fn",
                  "supplementary-material", "alt-text", "long-desc", "ref-list", "fn-group",
                  "permissions", "disp-formula", "disp-formula-group", "chem-struct-wrap",
                  "processing-meta", "counts", "funding-group"})
# children of a <p> that are blocks of their own
BLOCK_IN_P = frozenset({"table-wrap", "table-wrap-group", "list", "fig", "fig-group",
                        "disp-quote", "boxed-text", "def-list", "statement", "speech",
                        "verse-group", "preformat"})
# containers whose children are rendered block by block
CONTAINERS = frozenset({"body", "abstract", "trans-abstract", "sec", "boxed-text", "app",
                        "table-wrap-group", "fig-group", "statement", "disp-quote", "bio",
                        "notes", "glossary", "speech", "verse-group"})
_NUMERIC = re.compile(r"[-−–+]?\d+(?:[.,]\d+)?")
_TRAILING = re.compile(r"[\s.:;,]+$")


def read_jats_xml(path: Path, source: str) -> Iterator[RawArticle | ReadProblem]:
    """Articles of a JATS file, streamed per <article>; one problem row if the XML breaks."""
    count = 0
    wrapped = False
    try:
        with open_stream(path) as handle:
            root = None
            for event, elem in ET.iterparse(handle, events=("start", "end"), parser=make_parser()):
                if event == "start":
                    if root is None:
                        root = elem
                        wrapped = local_name(elem.tag) != "article"
                    continue
                if local_name(elem.tag) != "article" or (elem is not root and not wrapped):
                    continue
                count += 1
                yield article_to_raw(elem, source, count, wrapped)
                if elem is not root:
                    elem.clear()
                    root.clear()
    except (ET.ParseError, *STREAM_ERRORS) as exc:
        yield ReadProblem(source, "decode", xml_error(exc, count, "article"))
        return
    if count == 0:
        yield ReadProblem(source, "decode", "no <article> element in the JATS XML file")


def article_to_raw(article: ET.Element, source: str, index: int, wrapped: bool) -> RawArticle | ReadProblem:
    """One <article> element as a RawArticle (or a problem when it has no text)."""
    ext = article_id(article)
    where = f"{source}#{ext or index}" if wrapped else source
    text = article_text(article)
    if not text.strip():
        return ReadProblem(where, "decode", "JATS article has no title, abstract or body text")
    return RawArticle(source=where, text=text, format=FORMAT, external_id=ext)


def article_id(article: ET.Element) -> str | None:
    """PMCID ("PMC123"), else PMID, else DOI, from front/article-meta."""
    ids: dict[str, str] = {}
    meta = _meta(article)
    for node in (meta.findall("article-id") if meta is not None else []):
        kind, value = node.get("pub-id-type", ""), clean("".join(node.itertext()))
        if value:
            ids.setdefault(kind, value)
    pmc = ids.get("pmcid") or ids.get("pmc")
    if pmc:
        return pmc if pmc.upper().startswith("PMC") else f"PMC{pmc}"
    return ids.get("pmid") or ids.get("doi")


def _meta(article: ET.Element) -> ET.Element | None:
    front = _child(article, "front")
    return _child(front, "article-meta") if front is not None else None


def _child(elem: ET.Element | None, name: str) -> ET.Element | None:
    if elem is None:
        return None
    for child in elem:
        if local_name(child.tag) == name:
            return child
    return None


def article_text(article: ET.Element) -> str:
    """Title, abstract and body as blocks separated by blank lines."""
    blocks: list[str] = []
    meta = _meta(article)
    if meta is not None:
        group = _child(meta, "title-group")
        title = inline_text(_child(group, "article-title")) if group is not None else ""
        if title:
            blocks.append(title)
        abstracts = [a for a in meta if local_name(a.tag) == "abstract"]
        main = [a for a in abstracts if a.get("abstract-type") is None] or abstracts[:1]
        for abstract in main:
            inner: list[str] = []
            render_blocks(abstract, inner)
            if inner and inner[0].lower() == "abstract":
                inner = inner[1:]
            if inner:
                blocks.append("Abstract")
                blocks.extend(inner)
    body = _child(article, "body")
    if body is not None:
        render_blocks(body, blocks)
    floats = _child(article, "floats-group")
    if floats is not None:
        render_blocks(floats, blocks)
    return "\n\n".join(b for b in blocks if b) + "\n" if blocks else ""


def render_blocks(container: ET.Element, blocks: list[str]) -> None:
    """Append the blocks of a container element (sections, paragraphs, tables, lists)."""
    for child in container:
        name = local_name(child.tag)
        if not name or name in SKIP or name in ("label", "caption"):
            continue
        if name == "title":
            heading = _TRAILING.sub("", inline_text(child))
            if heading:
                blocks.append(heading)
        elif name == "p":
            render_paragraph(child, blocks)
        elif name == "table-wrap":
            render_table_wrap(child, blocks)
        elif name == "list":
            render_list(child, blocks)
        elif name == "fig":
            caption = _caption(child)
            if caption:
                blocks.append(caption)
        elif name == "table":
            render_table(child, blocks)
        elif name in CONTAINERS or any(True for _ in child):
            if name not in CONTAINERS and not _has_block_children(child):
                text = inline_text(child)
                if text:
                    blocks.append(text)
            else:
                render_blocks(child, blocks)
        else:
            text = inline_text(child)
            if text:
                blocks.append(text)


def _has_block_children(elem: ET.Element) -> bool:
    return any(local_name(c.tag) in BLOCK_IN_P | CONTAINERS | {"p", "title", "table"}
               for c in elem)


def render_paragraph(p: ET.Element, blocks: list[str]) -> None:
    """A paragraph's running text, then the blocks nested in it (tables, lists, figures)."""
    text = inline_text(p)
    if text:
        blocks.append(text)
    nested = ET.Element("nested")
    nested.extend(c for c in p if local_name(c.tag) in BLOCK_IN_P)
    if len(nested):
        render_blocks(nested, blocks)


def render_table_wrap(wrap: ET.Element, blocks: list[str]) -> None:
    """Label and caption on one line, then one line per table row, then table footnotes."""
    caption = _caption(wrap)
    if caption:
        blocks.append(caption)
    for child in wrap.iter():
        if local_name(child.tag) == "table":
            render_table(child, blocks)
    foot = _child(wrap, "table-wrap-foot")
    if foot is not None:
        for node in foot.iter():
            if local_name(node.tag) == "p":
                text = inline_text(node)
                if text:
                    blocks.append(text)


def render_table(table: ET.Element, blocks: list[str]) -> None:
    """Rows as "cell | cell | cell" lines (one block)."""
    lines = []
    for row in table.iter():
        if local_name(row.tag) != "tr":
            continue
        cells = [inline_text(cell) for cell in row if local_name(cell.tag) in ("td", "th")]
        if any(cells):
            lines.append(" | ".join(cells))
    if lines:
        blocks.append("\n".join(lines))


def render_list(lst: ET.Element, blocks: list[str]) -> None:
    """List items as "- item" lines (one block)."""
    lines = []
    for item in lst:
        if local_name(item.tag) != "list-item":
            continue
        texts = []
        for part in item:
            if local_name(part.tag) == "list":
                nested: list[str] = []
                render_list(part, nested)
                texts.extend(nested)
            elif local_name(part.tag) != "label":
                texts.append(inline_text(part))
        text = " ".join(t for t in texts if t) or inline_text(item)
        if text:
            lines.append(text if text.startswith("- ") else f"- {text}")
    if lines:
        blocks.append("\n".join(lines))


def _caption(elem: ET.Element) -> str:
    label = inline_text(_child(elem, "label"))
    caption = _child(elem, "caption")
    title = ""
    rest = ""
    if caption is not None:
        title_node = _child(caption, "title")
        title = inline_text(title_node)
        rest = " ".join(inline_text(p) for p in caption if local_name(p.tag) == "p")
        if not title and not rest:
            rest = inline_text(caption)
    head = " ".join(x for x in (label, _TRAILING.sub("", title)) if x)
    if rest:
        return f"{head}. {rest}" if head else rest
    return head


def inline_text(elem: ET.Element | None) -> str:
    """Running text of an element with inline markup flattened and nested blocks left out."""
    if elem is None:
        return ""
    out: list[str] = []
    _inline(elem, out)
    return clean("".join(out))


def _inline(elem: ET.Element, out: list[str]) -> None:
    if elem.text:
        out.append(elem.text)
    for child in elem:
        name = local_name(child.tag)
        if name and name not in SKIP and name not in BLOCK_IN_P:
            if name == "sup":
                out.append(_superscript(child, out))
            elif name == "alternatives":
                first = next((c for c in child if local_name(c.tag) not in SKIP), None)
                if first is not None:
                    _inline(first, out)
            else:
                _inline(child, out)
        if child.tail:
            out.append(child.tail)


def _superscript(sup: ET.Element, out: list[str]) -> str:
    parts: list[str] = []
    _inline(sup, parts)
    text = clean("".join(parts))
    if not text:
        return ""
    before = out[-1][-1:] if out and out[-1] else ""
    citation = any(local_name(c.tag) == "xref" and c.get("ref-type") == "bibr" for c in sup)
    if citation:
        return f" [{text}]" if before and not before.isspace() else f"[{text}]"
    if _NUMERIC.fullmatch(text) and before.isdigit():
        return f"^{text}"
    return text
