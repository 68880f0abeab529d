"""Custom Doc attributes set by the pipeline's components.

Every value is plain data (lists of dicts of str/int/float/bool/None) so Docs survive
serialisation between processes. Offsets are character offsets into `doc.text`.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

# name -> what a component stores there
DOC_EXTENSIONS: dict[str, str] = {
    "sections": "list of {start, end, title}: headings, in order",
    "sentences": "list of {start, end, section}: sentences, whitespace trimmed, in order",
    "entities": "list of {start, end, label, canonical, source_id, source}",
    "statistics": "list of statistics dicts (columns of the statistics table); index = stat_id",
    "sample_sizes": "list of sample-size dicts; index = sample_id",
    "claims": "list of claim dicts; index = claim_id",
    "doses": "list of dose dicts; index = dose_id",
    "summary": "dict of article-level values (study_design, sample_size_total, n_studies)",
    "problems": "list of {stage, message}: components that failed on this doc (kept as warnings)",
    "text": "str: the document text, cached (spaCy's Doc.text rebuilds it from every token)",
}


def register_extensions() -> None:
    """Declare the Doc extensions once per process (idempotent)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _key(name: str) -> tuple[str, str, None, None]:
    # where spaCy's `doc._.<name>` keeps a value without getter or setter
    return ("._.", name, None, None)


_KEYS = {name: _key(name) for name in DOC_EXTENSIONS}
_TEXT_KEY = _KEYS["text"]


def doc_value(doc: Doc, name: str) -> Any:
    """`doc._.<name>` for one of DOC_EXTENSIONS, read from `doc.user_data` directly.

    spaCy builds an accessor object on every `doc._` (thousands per document over the whole
    pipeline); these extensions have a None default and no getter, so the stored value (or None)
    is what `doc._.<name>` gives."""
    return doc.user_data.get(_KEYS[name])


def set_doc_value(doc: Doc, name: str, value: Any) -> None:
    """`doc._.<name> = value` for an extension without setter, written to `doc.user_data` directly."""
    doc.user_data[_KEYS.get(name) or _key(name)] = value


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc and cached in `doc._.text`.

    spaCy's `Doc.text` joins the text of every token on each call; the components read the
    text many times, so they all read it through here."""
    user_data = doc.user_data
    text = user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        user_data[_TEXT_KEY] = text
    return text
