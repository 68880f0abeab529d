"""spaCy factories of the pipeline's extraction components (namespaced `claims_*`; spaCy forbids "." in factory names).

Each component reads the Doc, calls one extractor package, and stores plain data in a Doc
extension. A component that fails on one document records the failure in `doc._.problems`
and leaves its output empty, so one bad document never loses the others' rows.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.sections import sentence_dicts  # also registers claims_sections
from pipeline.nlp import sentences as _sentences  # noqa: F401  (registers claims_sentences)
from pipeline.nlp.extensions import doc_text, doc_value, register_extensions, set_doc_value

register_extensions()


class _Guarded:
    """Run `fn(doc)`; on failure record a problem instead of raising."""

    def __init__(self, name: str, fn: Callable[[Doc], None]) -> None:
        self.name = name
        self.fn = fn

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.fn(doc)
        except Exception as exc:  # noqa: BLE001 - isolate one document's failure
            where = traceback.extract_tb(exc.__traceback__)[-1]
            problem = {"stage": self.name, "message": f"{type(exc).__name__}: {exc} "
                       f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"}
            set_doc_value(doc, "problems", (doc_value(doc, "problems") or []) + [problem])
        return doc


@Language.factory("claims_entities", assigns=["doc._.entities"],
                  default_config={"lexicon": True, "model": None})
def make_entities(nlp: Language, name: str, lexicon: bool, model: str | None):
    """Offline entity recognizer (vocabularies + rules; a named model's entities merged)."""
    from pipeline.entities import get_recognizer

    recognizer = get_recognizer({"lexicon": lexicon, "model": model})

    def run(doc: Doc) -> None:
        set_doc_value(doc, "entities", [])
        set_doc_value(doc, "entities", recognizer(doc))

    return _Guarded(name, run)


@Language.factory("claims_statistics", assigns=["doc._.statistics"])
def make_statistics(nlp: Language, name: str):
    """P values, CIs, effect measures, descriptives, percentages ... with consistency checks."""
    from pipeline.statistics import find_statistics

    def run(doc: Doc) -> None:
        set_doc_value(doc, "statistics", [])
        set_doc_value(doc, "statistics", find_statistics(doc_text(doc)))

    return _Guarded(name, run)


@Language.factory("claims_sample_sizes", assigns=["doc._.sample_sizes", "doc._.summary"])
def make_sample_sizes(nlp: Language, name: str):
    """Sample sizes with roles, and the article's total / number of studies."""
    from pipeline.sample_sizes import find_sample_sizes, summarize_sample_sizes

    def run(doc: Doc) -> None:
        set_doc_value(doc, "sample_sizes", [])
        bounds = [(s["start"], s["end"]) for s in sentence_dicts(doc)]
        text = doc_text(doc)
        rows = find_sample_sizes(text, bounds)
        set_doc_value(doc, "sample_sizes", rows)
        set_doc_value(doc, "summary", {**(doc_value(doc, "summary") or {}),
                                       **summarize_sample_sizes(rows, text)})

    return _Guarded(name, run)


@Language.factory("claims_claims", assigns=["doc._.claims", "doc._.doses", "doc._.summary"],
                  requires=["doc._.entities", "doc._.statistics", "doc._.sample_sizes"])
def make_claims(nlp: Language, name: str):
    """Intervention -> outcome claims with direction, hedging, design; and doses."""
    from pipeline.claims import find_claims_and_doses

    def run(doc: Doc) -> None:
        set_doc_value(doc, "claims", [])
        set_doc_value(doc, "doses", [])
        claims, doses, summary = find_claims_and_doses(
            doc_text(doc), sentence_dicts(doc), doc_value(doc, "sections") or [],
            doc_value(doc, "entities") or [], doc_value(doc, "statistics") or [],
            doc_value(doc, "sample_sizes") or [])
        set_doc_value(doc, "claims", claims)
        set_doc_value(doc, "doses", doses)
        set_doc_value(doc, "summary", {**(doc_value(doc, "summary") or {}), **(summary or {})})

    return _Guarded(name, run)
