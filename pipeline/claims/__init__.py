"""Claims and doses from article text plus the entity, statistics and sample-size tables.

Entry point: :func:`find_claims_and_doses`. Everything is rule and lexicon based (lexicons in
``pipeline/claims/data``); see README.md in this folder for what a claim is and how each column
is decided.
"""
from __future__ import annotations

import re

import logging

from . import context as ctx
from .canonical import canonical_intervention
from .doses import doses_of_sentence
from .extract import ArticleContext, claims_of_sentence
from .lexicons import LexiconError, lexicons as _lexicons

__all__ = ["find_claims_and_doses", "LexiconError", "CLAIM_KEYS", "DOSE_KEYS"]

log = logging.getLogger(__name__)

CLAIM_KEYS = ("start", "end", "intervention", "intervention_canonical", "comparator", "outcome", "direction", "valence",
              "magnitude_text", "magnitude_value", "magnitude_unit", "statistic_ids", "sample_size_ids",
              "negated", "hedged", "hedge_cue", "certainty", "population", "organism", "study_design",
              "evidence_tier", "duration", "section")
DOSE_KEYS = ("start", "end", "drug", "amount", "upper", "unit", "per", "frequency", "route", "schedule",
             "claim_id")


def _norm_sentences(text: str, sentences: list[dict] | None, sections: list[dict] | None) -> list[dict]:
    """Valid sentences with a section; split and assign headings ourselves when not given."""
    n = len(text)
    out = []
    for s in sentences or []:
        try:
            a, b = int(s["start"]), int(s["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= a < b <= n:
            out.append({"start": a, "end": b, "section": s.get("section")})
    if not out:
        out = [{"start": a, "end": b, "section": None} for a, b in ctx.split_sentences(text)]
    out = [piece for sent in out for piece in _bounded(text, sent)]
    heads = [h for h in (sections or []) if isinstance(h, dict) and "start" in h and h.get("title")]
    if not heads and not any(s["section"] for s in out):
        heads = ctx.detect_headings(text)
    if heads and not any(s["section"] for s in out):
        heads = sorted(heads, key=lambda h: h["start"])
        k = -1
        for s in out:
            while k + 1 < len(heads) and heads[k + 1]["start"] <= s["start"]:
                k += 1
            s["section"] = heads[k]["title"] if k >= 0 else None
    heading_spans = {(h["start"], h.get("end")) for h in heads}
    for s in out:
        s["is_heading"] = (s["start"], s["end"]) in heading_spans
    out.sort(key=lambda s: s["start"])
    return out


# A "sentence" longer than this is a table dump or text without punctuation; claim rules look at
# the whole sentence around every cue, so it is cut into pieces to keep the cost linear.
MAX_SENTENCE_CHARS = 1000
_PIECE_BREAK = re.compile(r"[;|]\s*|,\s+|\s+")


def _bounded(text: str, sent: dict) -> list[dict]:
    """The sentence itself, or pieces of at most MAX_SENTENCE_CHARS cut at clause breaks."""
    start, end = sent["start"], sent["end"]
    if end - start <= MAX_SENTENCE_CHARS:
        return [sent]
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = None
        for match in _PIECE_BREAK.finditer(text, start + MAX_SENTENCE_CHARS // 2, limit):
            cut = match.end()
        cut = cut or limit
        pieces.append({**sent, "start": start, "end": cut})
        start = cut
    pieces.append({**sent, "start": start, "end": end})
    return pieces


def _rows_by_sentence(rows: list[dict], sentences: list[dict], n: int) -> list[list[tuple[int, dict]]]:
    buckets: list[list[tuple[int, dict]]] = [[] for _ in sentences]
    starts = [s["start"] for s in sentences]
    import bisect
    for i, r in enumerate(rows or []):
        try:
            a = int(r["start"])
            b = int(r["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if not 0 <= a < b <= n:
            continue
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and a < sentences[k]["end"]:
            buckets[k].append((i, r))
    return buckets


def _looks_like_heading(text: str, start: int, end: int) -> bool:
    """A short line of its own without final punctuation (titles in plain text)."""
    if not ((start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")):
        return False
    line = text[start:end]
    return "\n" not in line and len(line.split()) <= 16 and not line.rstrip().endswith((".", "?", "!", ":", ";"))


def _main_drug(text: str, entities: list[dict]) -> str | None:
    """The article's most mentioned drug: the drug of doses whose sentences name none."""
    from collections import Counter

    from .doses import _DRUG_NEAR
    counts: Counter = Counter()
    for e in entities:
        if e.get("label") == "CHEMICAL":
            counts[(e.get("canonical") or text[e["start"]:e["end"]]).strip().lower()] += 1
    if not counts:
        for m in _DRUG_NEAR.finditer(text[:200_000]):
            counts[m.group(0).lower()] += 1
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 2 else None


# sections whose claims are about earlier work, the problem or other studies, not the article's intervention
_BACKGROUND_SECTION = re.compile(r"\b(?:background|introduction|objectives?|aims?|purpose|context|rationale|discussion|limitations?)\b",
                                 re.IGNORECASE)


def _fill_article_intervention(claims: list[dict]) -> None:
    """Claims that name no intervention, in their sentence or just before it, are about the
    article's own drug: the recognised chemical (a canonical intervention) that most claims name,
    at least two and at least a third of the claims that name one. "Body weight and food intake
    were unchanged", in a report whose other results name urolithin A, is about urolithin A.
    Background and objective sections are left alone."""
    counts: dict[str, int] = {}
    first: dict[str, dict] = {}
    named = 0
    for c in claims:
        iv = c.get("intervention")
        if not iv:
            continue
        named += 1
        if c.get("intervention_canonical"):
            key = iv.lower()
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, c)
    if not counts:
        return
    key = max(counts, key=lambda k: counts[k])     # the first named among equals
    if counts[key] < 2 or 3 * counts[key] < named:
        return
    source = first[key]
    for c in claims:
        if not c.get("intervention") and not _BACKGROUND_SECTION.search(c.get("section") or ""):
            c["intervention"] = source["intervention"]
            c["intervention_canonical"] = source["intervention_canonical"]


def find_claims_and_doses(text: str, sentences: list[dict], sections: list[dict], entities: list[dict],
                          statistics: list[dict], sample_sizes: list[dict]
                          ) -> tuple[list[dict], list[dict], dict]:
    """(claims, doses, article_summary) of one article. Never raises: on an internal error the
    rows found so far are returned and the error is logged."""
    claims: list[dict] = []
    doses: list[dict] = []
    summary: dict = {"study_design": None}
    try:
        if not isinstance(text, str) or not text:
            return claims, doses, summary
        _lexicons()
        sents = _norm_sentences(text, sentences, sections)
        statistics = [r for r in (statistics or []) if isinstance(r, dict)]
        sample_sizes = [r for r in (sample_sizes or []) if isinstance(r, dict)]
        entities = [e for e in (entities or []) if isinstance(e, dict)]
        actx = ArticleContext(text, sents, sections or [], entities, statistics, sample_sizes)
        summary["study_design"] = actx.design
        stat_b = _rows_by_sentence(statistics, sents, len(text))
        samp_b = _rows_by_sentence(sample_sizes, sents, len(text))
        taken = []
        for rows in (statistics, sample_sizes):
            for r in rows:
                try:
                    # percentages, P values, sample sizes: never doses; mean_sd with mass units may be
                    if r.get("kind") not in ("mean_sd", "median"):
                        taken.append((int(r["start"]), int(r["end"])))
                except (KeyError, TypeError, ValueError):
                    pass
        main_drug: list[str | None] = []      # the article's main drug, found when first needed
        for k, s in enumerate(sents):
            section = s["section"]
            skip = ctx.is_method_section(section) and not s["is_heading"]
            try:
                rows = claims_of_sentence(actx, s["start"], s["end"], section, stat_b[k], samp_b[k], skip=skip)
                if rows and (s["is_heading"] or _looks_like_heading(text, s["start"], s["end"])):
                    # a title states a claim only when it names its intervention itself
                    head = text[s["start"]:s["end"]].lower()
                    rows = [r for r in rows if r["intervention"] and r["intervention"].lower() in head
                            and r["outcome"] and not ctx.tier_of_heading(head)]
            except Exception:  # a bad sentence must not lose the article
                log.exception("claims: sentence %d failed", k)
                rows = []
            first_claim = len(claims)
            for row in rows:   # the intervention may be named anywhere in the sentence
                row["intervention_canonical"] = canonical_intervention(
                    row.get("intervention"), s["start"], s["end"], text, actx.entities)
            claims.extend(rows)
            try:
                prev_start = sents[k - 1]["start"] if k > 0 and sents[k - 1]["section"] == section else None
                ds = doses_of_sentence(text, s["start"], s["end"], actx.entities, taken, prev_start)
            except Exception:
                log.exception("doses: sentence %d failed", k)
                ds = []
            for d in ds:
                d["claim_id"] = first_claim if rows else None
                if d["drug"] is None:
                    if not main_drug:
                        try:
                            main_drug.append(_main_drug(text, actx.entities))
                        except Exception:
                            claims.clear()       # as when the article fails before its sentences
                            doses.clear()
                            raise
                    d["drug"] = main_drug[0]
            doses.extend(ds)
        _fill_article_intervention(claims)
    except Exception:
        log.exception("claims: article failed")
    claims = [{k: c.get(k) for k in CLAIM_KEYS} for c in claims]
    doses = [{k: d.get(k) for k in DOSE_KEYS} for d in doses]
    return claims, doses, summary
