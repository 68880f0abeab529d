"""Explicit pyarrow schemas for every output table.

The output contract: one Parquet file (or partitioned dataset) per table, columns exactly as
declared here, never inferred from data. Every span table starts with the provenance columns
`article_id, sentence_id, start, end, text` where `text == article_text[start:end]`.
Within-article integer ids (`entity_id`, `stat_id`, ...) let rows point at each other; join on
`(article_id, <id>)`.
"""
from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1.1"  # 1.1: claims.intervention_canonical

# Label-like columns are dictionary-encoded: small files, fast group-bys.
LABEL = pa.dictionary(pa.int32(), pa.string())
INT_LIST = pa.list_(pa.int32())


def _f(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": doc})


SPAN_FIELDS = [
    _f("article_id", pa.string(), "stable id of the article (content hash prefix)", False),
    _f("sentence_id", pa.int32(), "0-based index of the sentence holding the span start", False),
    _f("start", pa.int32(), "character offset of the span start in the article text", False),
    _f("end", pa.int32(), "character offset of the span end (exclusive)", False),
    _f("text", pa.string(), "article_text[start:end]", False),
]

ARTICLES = pa.schema([
    _f("article_id", pa.string(), "stable id: first 16 hex chars of the sha256 of the text", False),
    _f("source", pa.string(), "path relative to the raw dir (plus #record for multi-record files)", False),
    _f("external_id", pa.string(), "id given by the source (PMID, PMCID, JSONL id) or null"),
    _f("format", LABEL, "input format: txt, md, html, jsonl, pubmed_xml, jats_xml"),
    _f("title", pa.string(), "first heading or first non-empty line"),
    _f("text", pa.large_string(), "the article text all offsets refer to"),
    _f("n_chars", pa.int32(), "number of characters of text", False),
    _f("n_sentences", pa.int32(), "number of sentences", False),
    _f("sha256", pa.string(), "sha256 of the UTF-8 text", False),
    _f("study_design", LABEL, "dominant study design of the article or null"),
    _f("sample_size_total", pa.int64(), "participants of the primary study, null for reviews without one"),
    _f("n_studies", pa.int32(), "number of studies pooled by a review or null"),
])

SENTENCES = pa.schema(SPAN_FIELDS + [
    _f("section", pa.string(), "nearest heading above the sentence, or null"),
])

ENTITIES = pa.schema(SPAN_FIELDS + [
    _f("entity_id", pa.int32(), "id of the entity within its article", False),
    _f("label", LABEL, "CHEMICAL, DISEASE, ORGANISM, GENE_OR_PROTEIN", False),
    _f("canonical", pa.string(), "normalised name of the concept or null"),
    _f("source_id", pa.string(), "vocabulary id (MeSH:D..., DrugBank:DB...) or null"),
    _f("source", LABEL, "which lexicon, rule or model found it"),
])

STATISTICS = pa.schema(SPAN_FIELDS + [
    _f("stat_id", pa.int32(), "id of the statistic within its article", False),
    _f("kind", LABEL, "p_value, confidence_interval, effect_measure, mean_sd, median, percentage, "
       "proportion, fold_change, heterogeneity, test_statistic, nnt", False),
    _f("value", pa.float64(), "the point value (P, estimate, mean, percentage, fold, numerator)"),
    _f("operator", LABEL, "comparator of value: =, <, >, <=, >="),
    _f("lower", pa.float64(), "lower bound of an interval (CI, IQR, range)"),
    _f("upper", pa.float64(), "upper bound of an interval"),
    _f("level", pa.float64(), "interval level as a fraction (0.95)"),
    _f("measure", LABEL, "RR, OR, HR, IRR, MD, SMD, ARR, RRR, NNT, NNH, beta, r, t, F, chi2, z, I2, SD, IQR, range"),
    _f("sd", pa.float64(), "standard deviation (or SE) of a mean"),
    _f("denominator", pa.int64(), "y of 'x of y' / 'x/y'"),
    _f("unit", LABEL, "unit written after the value (%, kg, mg/dL, ...)"),
    _f("df", pa.string(), "degrees of freedom of a test statistic, as written"),
    _f("estimate_id", pa.int32(), "stat_id of the estimate a CI or P value belongs to"),
    _f("linked_ids", INT_LIST, "stat_ids of closely linked rows (percentage <-> x of y, pairs)"),
    _f("ci_contains_estimate", pa.bool_(), "for a CI with a linked estimate: does it contain it"),
    _f("recomputed_p", pa.float64(), "P recomputed from a ratio CI (log scale, normal approximation)"),
    _f("consistent", pa.bool_(), "false when a check failed (see flags), null when nothing to check"),
    _f("flags", pa.string(), "semicolon-separated names of failed checks, or null"),
])

SAMPLE_SIZES = pa.schema(SPAN_FIELDS + [
    _f("sample_id", pa.int32(), "id of the sample size within its article", False),
    _f("n", pa.int64(), "the count (upper bound of a range)", False),
    _f("n_lower", pa.int64(), "lower bound when written as a range (n=9-10) or null"),
    _f("role", LABEL, "enrolled, randomized, completed, analyzed, lost_to_follow_up, excluded, "
       "studies, intervention_arm, control_arm, subgroup, or null"),
    _f("population", pa.string(), "the counted noun phrase (postmenopausal women, mice)"),
    _f("organism", LABEL, "human, mouse, rat, ... when stated or implied"),
])

CLAIMS = pa.schema(SPAN_FIELDS + [
    _f("claim_id", pa.int32(), "id of the claim within its article", False),
    _f("intervention", pa.string(), "the intervention as written"),
    _f("intervention_canonical", pa.string(),
       "the intervention with its drug mentions replaced by their canonical names, or null"),
    _f("comparator", pa.string(), "placebo, usual care, control ... when stated"),
    _f("outcome", pa.string(), "the measured outcome as a short phrase"),
    _f("direction", LABEL, "increase, decrease, no_effect"),
    _f("valence", LABEL, "beneficial, harmful, neutral, unknown"),
    _f("magnitude_text", pa.string(), "the magnitude as written (by 93%, 8-fold)"),
    _f("magnitude_value", pa.float64(), "numeric magnitude"),
    _f("magnitude_unit", pa.string(), "unit of the magnitude (%, fold, kg)"),
    _f("statistic_ids", INT_LIST, "stat_ids in the same sentence"),
    _f("sample_size_ids", INT_LIST, "sample_ids in the same sentence"),
    _f("negated", pa.bool_(), "the claim is negated"),
    _f("hedged", pa.bool_(), "the claim is hedged"),
    _f("hedge_cue", pa.string(), "the hedging cue word"),
    _f("certainty", pa.string(), "certainty of evidence as stated (low, moderate, high)"),
    _f("population", pa.string(), "in whom (older adults, cancer patients)"),
    _f("organism", LABEL, "human, mouse, rat, ..."),
    _f("study_design", LABEL, "rct, meta_analysis, systematic_review, observational, cohort, ..."),
    _f("evidence_tier", pa.string(), "evidence tier or grade stated by the article"),
    _f("duration", pa.string(), "duration as written (over 48 weeks)"),
    _f("section", pa.string(), "section / health-goal heading"),
])

DOSES = pa.schema(SPAN_FIELDS + [
    _f("dose_id", pa.int32(), "id of the dose within its article", False),
    _f("drug", pa.string(), "drug the dose belongs to or null"),
    _f("amount", pa.float64(), "amount (lower bound of a range)"),
    _f("upper", pa.float64(), "upper bound of a range (2-6 mg) or null"),
    _f("unit", LABEL, "mg, g, mcg, IU, mg/kg ..."),
    _f("per", LABEL, "day, week, month, dose ..."),
    _f("frequency", pa.string(), "frequency as written (once weekly, intermittent)"),
    _f("route", LABEL, "oral, topical, intravenous, ..."),
    _f("schedule", pa.string(), "schedule notes (six doses over two weeks)"),
    _f("claim_id", pa.int32(), "claim of the same sentence, or null"),
])

ERRORS = pa.schema([
    _f("source", pa.string(), "path relative to the raw dir", False),
    _f("stage", LABEL, "read, decode, convert, nlp, extract, write", False),
    _f("message", pa.string(), "what went wrong, in one line", False),
    _f("severity", LABEL, "error (file skipped) or warning (file processed)", False),
])

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "sentences": SENTENCES,
    "entities": ENTITIES,
    "statistics": STATISTICS,
    "sample_sizes": SAMPLE_SIZES,
    "claims": CLAIMS,
    "doses": DOSES,
    "errors": ERRORS,
}

SPAN_TABLES = ("sentences", "entities", "statistics", "sample_sizes", "claims", "doses")
