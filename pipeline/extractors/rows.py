"""Doc -> rows for every table. Pure functions; workers return these rows, never Docs."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from pipeline.ingest.models import RawArticle
from pipeline.nlp.extensions import doc_text, doc_value
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

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    summary = doc_value(doc, "summary") or {}
    rows["articles"].append({
        "article_id": article_id, "source": article.source, "external_id": article.external_id,
        "format": article.format, "title": article_title(doc), "text": text,
        "n_chars": len(text), "n_sentences": len(sentences), "sha256": article.sha256,
        "study_design": summary.get("study_design"),
        "sample_size_total": summary.get("sample_size_total"),
        "n_studies": summary.get("n_studies"),
    })
    rows["sentences"] = [{"article_id": article_id, "sentence_id": i,
                          "start": sent["start"], "end": sent["end"],
                          "text": text[sent["start"]:sent["end"]],
                          "section": sent["section"]} for i, sent in enumerate(sentences)]
    for table, id_column in ID_COLUMNS.items():
        table_rows = rows[table]
        for index, item in enumerate(doc_value(doc, table) or []):
            start, end = int(item["start"]), int(item["end"])
            # the sentence holding `start` (the first one for an offset before every sentence)
            sentence_id = bisect_right(starts, start) - 1
            table_rows.append({**item, "article_id": article_id,
                               "sentence_id": sentence_id if sentence_id > 0 else 0,
                               "start": start, "end": end, "text": text[start:end],
                               id_column: index})
    for problem in doc_value(doc, "problems") or []:
        rows["errors"].append({"source": article.source, "stage": problem["stage"],
                               "message": problem["message"], "severity": "warning"})
    return rows


_NOT_SPACE = re.compile(r"\S")
# the line boundaries of str.splitlines
_LINE_BOUNDARY = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def article_title(doc: Doc) -> str | None:
    """First heading if it opens the article, else the first non-empty line."""
    text = doc_text(doc)
    first = _NOT_SPACE.search(text)
    if first is None:
        return None
    boundary = _LINE_BOUNDARY.search(text, first.start())
    line = text[first.start():boundary.start() if boundary else len(text)]
    return line.strip().lstrip("#").strip()[:300] or None
