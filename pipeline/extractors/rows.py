"""Doc -> rows for every table. Pure functions; workers return these rows, never Docs."""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from pipeline.ingest.models import RawArticle
from pipeline.nlp.extensions import doc_text
from pipeline.nlp.sections import sentence_dicts
from pipeline.schema import TABLES

ID_COLUMNS = {"entities": "entity_id", "statistics": "stat_id", "sample_sizes": "sample_id",
              "claims": "claim_id", "doses": "dose_id"}


def doc_to_rows(doc: Doc, article: RawArticle) -> dict[str, list[dict[str, Any]]]:
    """All table rows of one processed article (errors hold the components' failures)."""
    text = doc_text(doc)
    sentences = sentence_dicts(doc)
    starts = [s["start"] for s in sentences]
    article_id = article.article_id

    def sentence_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    summary = doc._.summary or {}
    rows["articles"].append({
        "article_id": article_id, "source": article.source, "external_id": article.external_id,
        "format": article.format, "title": article_title(doc), "text": text,
        "n_chars": len(text), "n_sentences": len(sentences), "sha256": article.sha256,
        "study_design": summary.get("study_design"),
        "sample_size_total": summary.get("sample_size_total"),
        "n_studies": summary.get("n_studies"),
    })
    for i, sent in enumerate(sentences):
        rows["sentences"].append({"article_id": article_id, "sentence_id": i,
                                  "start": sent["start"], "end": sent["end"],
                                  "text": text[sent["start"]:sent["end"]],
                                  "section": sent["section"]})
    for table, id_column in ID_COLUMNS.items():
        for index, item in enumerate(getattr(doc._, table) or []):
            start, end = int(item["start"]), int(item["end"])
            rows[table].append({**item, "article_id": article_id, "sentence_id": sentence_of(start),
                                "start": start, "end": end, "text": text[start:end],
                                id_column: index})
    for problem in doc._.problems or []:
        rows["errors"].append({"source": article.source, "stage": problem["stage"],
                               "message": problem["message"], "severity": "warning"})
    return rows


def article_title(doc: Doc) -> str | None:
    """First heading if it opens the article, else the first non-empty line."""
    for line in doc_text(doc).splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:300] or None
    return None
