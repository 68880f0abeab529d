"""Loader of the hand-annotated gold files (`tests/gold/*.jsonl`).

File format (see `tests/gold/README.md`): the first JSON line names the article
(`{"article": "raw/x.md"}`, path relative to the repository root); every other JSON line is one
annotation with `table`, `text`, `occurrence` (1-based, counted over non-overlapping,
case-sensitive substring matches) and the expected column values of that table. Lines starting
with `//` are comments; blank lines are ignored.

`load_gold` resolves `text` + `occurrence` into `start`/`end` offsets of the article text and
raises `ValueError` naming the file and line for anything it cannot read or resolve.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TABLES = ("entities", "statistics", "sample_sizes", "claims", "doses")

#: keys every annotation may carry besides its table's value keys
META_KEYS = frozenset({"table", "text", "occurrence"})

#: value keys allowed per table (the scored columns of `pipeline/schema.py`)
ALLOWED_KEYS: dict[str, frozenset[str]] = {
    "entities": frozenset({"label", "canonical", "source_id"}),
    "statistics": frozenset({"kind", "value", "operator", "lower", "upper", "level", "measure",
                             "sd", "denominator", "unit", "df"}),
    "sample_sizes": frozenset({"n", "n_lower", "role", "population", "organism"}),
    "claims": frozenset({"intervention", "comparator", "outcome", "direction", "valence",
                         "magnitude_text", "magnitude_value", "magnitude_unit", "negated",
                         "hedged", "hedge_cue", "certainty", "population", "organism",
                         "study_design", "evidence_tier", "duration", "section"}),
    "doses": frozenset({"drug", "amount", "upper", "unit", "per", "frequency", "route",
                        "schedule"}),
}

#: closed vocabularies (None = the column must be null)
VOCABULARIES: dict[tuple[str, str], frozenset[Any]] = {
    ("entities", "label"): frozenset({"CHEMICAL", "DISEASE", "ORGANISM", "GENE_OR_PROTEIN"}),
    ("statistics", "kind"): frozenset({"p_value", "confidence_interval", "effect_measure",
                                       "mean_sd", "median", "percentage", "proportion",
                                       "fold_change", "heterogeneity", "test_statistic", "nnt"}),
    ("statistics", "operator"): frozenset({"=", "<", ">", "<=", ">=", None}),
    ("statistics", "measure"): frozenset({"RR", "OR", "HR", "IRR", "MD", "SMD", "ARR", "RRR",
                                          "NNT", "NNH", "beta", "r", "t", "F", "chi2", "z",
                                          "I2", "tau2", "Q", "R2", "SD", "SE", "IQR", "range", None}),
    ("sample_sizes", "role"): frozenset({"enrolled", "randomized", "completed", "analyzed",
                                         "lost_to_follow_up", "excluded", "studies",
                                         "intervention_arm", "control_arm", "subgroup", None}),
    ("claims", "direction"): frozenset({"increase", "decrease", "no_effect", None}),
    ("claims", "valence"): frozenset({"beneficial", "harmful", "neutral", "unknown", None}),
    ("claims", "study_design"): frozenset({"rct", "meta_analysis", "systematic_review",
                                           "observational", "cohort", "case_control",
                                           "case_series", "case_report", "open_label", "pilot",
                                           "animal", "in_vitro", "review", None}),
    ("claims", "certainty"): frozenset({"high", "moderate", "low", "very low", None}),
}

#: keys whose value must be a number (or null)
NUMERIC_KEYS: dict[str, frozenset[str]] = {
    "statistics": frozenset({"value", "lower", "upper", "level", "sd", "denominator"}),
    "sample_sizes": frozenset({"n", "n_lower"}),
    "claims": frozenset({"magnitude_value"}),
    "doses": frozenset({"amount", "upper"}),
}

#: keys whose value must be a boolean (or null)
BOOLEAN_KEYS: dict[str, frozenset[str]] = {"claims": frozenset({"negated", "hedged"})}


@dataclass
class GoldArticle:
    """One annotated article: its path (relative to the repo root), text and resolved records."""

    path: str
    text: str
    records: list[dict[str, Any]] = field(default_factory=list)
    gold_file: str = ""

    def by_table(self, table: str) -> list[dict[str, Any]]:
        return [r for r in self.records if r["table"] == table]


def find_occurrence(text: str, span: str, occurrence: int) -> int:
    """Start offset of the `occurrence`-th (1-based) non-overlapping match of `span`, or -1."""
    if not span or occurrence < 1:
        return -1
    pos, seen = 0, 0
    while True:
        i = text.find(span, pos)
        if i < 0:
            return -1
        seen += 1
        if seen == occurrence:
            return i
        pos = i + len(span)


def count_occurrences(text: str, span: str) -> int:
    n, pos = 0, 0
    while span:
        i = text.find(span, pos)
        if i < 0:
            break
        n += 1
        pos = i + len(span)
    return n


def _fail(gold_file: Path, line_no: int | None, message: str) -> ValueError:
    where = f"{gold_file}:{line_no}" if line_no is not None else str(gold_file)
    return ValueError(f"{where}: {message}")


def load_gold_file(gold_file: Path, repo_root: Path) -> GoldArticle:
    """Read one gold JSONL file and resolve its records against the article text."""
    gold_file = Path(gold_file)
    repo_root = Path(repo_root)
    try:
        lines = gold_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(gold_file, None, f"cannot read gold file ({exc})") from exc

    article: str | None = None
    text = ""
    records: list[dict[str, Any]] = []
    for line_no, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _fail(gold_file, line_no, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(obj, dict):
            raise _fail(gold_file, line_no, "a gold line must be a JSON object")

        if article is None:
            if "article" not in obj or not isinstance(obj["article"], str):
                raise _fail(gold_file, line_no,
                            'the first line must name the article: {"article": "raw/x.md"}')
            article = obj["article"]
            path = repo_root / article
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise _fail(gold_file, line_no, f"cannot read article {article!r} ({exc})") from exc
            continue

        table = obj.get("table")
        if table not in TABLES:
            raise _fail(gold_file, line_no, f"unknown table {table!r} (expected one of {TABLES})")
        span = obj.get("text")
        if not isinstance(span, str) or not span:
            raise _fail(gold_file, line_no, "missing or empty 'text'")
        occurrence = obj.get("occurrence", 1)
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
            raise _fail(gold_file, line_no, f"'occurrence' must be a positive integer, got {occurrence!r}")
        start = find_occurrence(text, span, occurrence)
        if start < 0:
            found = count_occurrences(text, span)
            raise _fail(gold_file, line_no,
                        f"text {span!r} occurrence {occurrence} not found in {article} "
                        f"(it occurs {found} time(s))")
        record = {k: v for k, v in obj.items() if k != "occurrence"}
        record.update({"table": table, "text": span, "occurrence": occurrence,
                       "start": start, "end": start + len(span), "line": line_no})
        records.append(record)

    if article is None:
        raise _fail(gold_file, None, "empty gold file: no article line")
    return GoldArticle(path=article, text=text, records=records, gold_file=str(gold_file))


def load_gold(gold_dir: Path, repo_root: Path) -> list[GoldArticle]:
    """Load every `*.jsonl` gold file of `gold_dir` (sorted by name)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise ValueError(f"{gold_dir}: gold directory does not exist")
    return [load_gold_file(p, repo_root) for p in sorted(gold_dir.glob("*.jsonl"))]


def validate_record(record: dict[str, Any]) -> list[str]:
    """Problems of one resolved record against the allowed keys and vocabularies ([] = fine)."""
    problems: list[str] = []
    table = record.get("table")
    if table not in ALLOWED_KEYS:
        return [f"unknown table {table!r}"]
    allowed = ALLOWED_KEYS[table] | META_KEYS | {"start", "end", "line"}
    for key in record:
        if key not in allowed:
            problems.append(f"key {key!r} is not a column of {table}")
    for (t, key), vocab in VOCABULARIES.items():
        if t == table and key in record and record[key] not in vocab:
            problems.append(f"{key}={record[key]!r} is not in the {table} vocabulary")
    for key in NUMERIC_KEYS.get(table, ()):
        v = record.get(key)
        if key in record and v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            problems.append(f"{key} must be a number or null, got {v!r}")
    for key in BOOLEAN_KEYS.get(table, ()):
        v = record.get(key)
        if key in record and v is not None and not isinstance(v, bool):
            problems.append(f"{key} must be true/false or null, got {v!r}")
    if table == "sample_sizes":
        n = record.get("n")
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            problems.append(f"n must be a non-negative integer, got {n!r}")
        org = record.get("organism")
        if org is not None and (not isinstance(org, str) or org != org.lower()):
            problems.append(f"organism must be lower case, got {org!r}")
    if table == "entities":
        if "label" not in record:
            problems.append("entities need a label")
        canon = record.get("canonical")
        if canon is not None and (not isinstance(canon, str) or canon != canon.lower()):
            problems.append(f"canonical must be lower case, got {canon!r}")
    if table == "statistics" and "kind" not in record:
        problems.append("statistics need a kind")
    if table == "statistics" and record.get("level") is not None and not 0 < record["level"] < 1:
        problems.append(f"level must be a fraction, got {record['level']!r}")
    return problems
