"""HTML -> plain text that keeps block structure (one paragraph or heading per line)."""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

DROP_TAGS = ("script", "style", "noscript", "head", "template", "svg", "nav", "footer", "form")
BLOCK_TAGS = frozenset(
    "p div section article main header aside blockquote li ul ol dl dt dd table thead tbody tr "
    "h1 h2 h3 h4 h5 h6 br hr pre figure figcaption caption title".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6 title".split())
CELL_TAGS = frozenset(("td", "th"))
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")

HTML_SNIFF = re.compile(rb"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)


def looks_like_html(data: bytes) -> bool:
    """True when a file's first bytes are an HTML document start."""
    return bool(HTML_SNIFF.match(data[:512]))


def html_to_text(html: str) -> str:
    """Visible text of an HTML document: blocks on their own lines, headings set apart."""
    tree = HTMLParser(html)
    for tag in DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    parts: list[str] = []
    if root is not None:
        _walk(root, parts)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _walk(node, parts: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text(deep=False) or "")
        elif tag in ("-comment",):
            continue
        elif tag in HEADING_TAGS:
            parts.append("\n\n" + (child.text(deep=True) or "").strip() + "\n\n")
        elif tag in CELL_TAGS:
            _walk(child, parts)
            parts.append(" | ")
        elif tag in BLOCK_TAGS:
            parts.append("\n")
            _walk(child, parts)
            parts.append("\n")
        else:
            _walk(child, parts)
