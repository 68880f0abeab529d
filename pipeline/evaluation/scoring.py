"""Span and value scoring of predicted table rows against gold annotations.

Everything here works on plain data: gold records and predicted rows are dicts with at least
`start`, `end` (character offsets, end exclusive) and the table's columns. Results are plain
dicts (JSON-serialisable), so scorecards can be stored and compared between runs.

Matching
--------
* **exact**: a predicted span matches a gold span when both offsets are equal and the labels
  agree. Each gold span and each predicted span is used at most once.
* **overlap**: a predicted span matches a gold span when they share at least one character and
  the labels agree. Matching is one-to-one and greedy: candidate pairs are taken in order of
  decreasing overlap (ties: smaller boundary distance first, then document order), and a pair is
  kept only if neither side is already matched.

"Label" means the table's label column: entities `label`, statistics `kind`, sample_sizes
`role`, claims `direction`; doses are not split by label (everything is `all`). A gold record
without the label key matches a prediction of any label. Claims are scored by overlap only
(their span is a sentence or clause), so their exact figures are `None`.

Rows of a table's scores
------------------------
* one row per gold/predicted label (label-aware matching; precision of a label is computed over
  the predictions carrying that label, recall over the gold records carrying it);
* `ALL`: micro average of the label-aware matching over every label;
* `ANY_LABEL`: span detection alone (labels ignored); its value accuracy includes the label key.

Values
------
On every overlap-matched pair, each value key present in the gold record (a key naming a column
of the table in `pipeline.schema`; bookkeeping keys such as `occurrence` or `line` are ignored) is
compared with the predicted column (absent keys are not scored; a gold `null` requires a null
prediction):

* numbers: equal when `math.isclose(pred, gold, rel_tol=1e-6)` or when the prediction rounded to
  the number of decimals the gold value states equals it (gold `0.008` accepts `0.0080` and
  `0.00800001`); integer-valued gold numbers need the close match;
* `operator`, `role`, `direction`, `n`: exact equality;
* `intervention`, `outcome`, `population`, `comparator`: free text, correct when the F1 of their
  lower-cased word tokens is >= 0.5;
* other strings: case-insensitive equality after trimming whitespace;
* booleans: equality; lists: equality of the sorted elements.

`values_exact` is a stricter detection score: a prediction counts as correct only if it is
overlap-matched *and* every gold value key matches (`P = correct / n_pred`,
`R = correct / n_gold`).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable, Mapping, Sequence

# --------------------------------------------------------------------------------------------
# Configuration

SCORED_TABLES = ("entities", "statistics", "sample_sizes", "claims", "doses")

#: label column per table; None = the table is not split by label
LABEL_KEYS: dict[str, str | None] = {
    "entities": "label",
    "statistics": "kind",
    "sample_sizes": "role",
    "claims": "direction",
    "doses": None,
}

#: tables scored by overlap only
OVERLAP_ONLY = frozenset({"claims"})

#: keys of a gold record that are not column values
META_KEYS = frozenset({"table", "text", "occurrence", "start", "end", "article", "note", "comment",
                       "doc", "article_id", "sentence_id", "line", "gold_file"})

EXACT_KEYS = frozenset({"operator", "role", "direction", "n"})
FREE_TEXT_KEYS = frozenset({"intervention", "outcome", "population", "comparator"})
FREE_TEXT_THRESHOLD = 0.5
REL_TOL = 1e-6

ALL = "ALL"
ANY_LABEL = "ANY_LABEL"
NO_LABEL = "all"      # label used for tables without a label key
NULL_LABEL = "null"   # label of a record whose label column is null
_WILDCARD = object()  # label of a gold record without the label key


# --------------------------------------------------------------------------------------------
# Small helpers

def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:  # pandas.NA / NaT / numpy nan
        import pandas as pd
        if value is pd.NA or value is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, str) and value == "":
        return True
    if hasattr(value, "__len__") and not isinstance(value, (str, bytes, dict)):
        try:
            return len(value) == 0
        except TypeError:
            return False
    return False


def _plain(value: Any) -> Any:
    """numpy scalars/arrays -> Python values."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return value.tolist()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            return value.item()
        except (TypeError, ValueError):
            return value
    return value


def label_of(record: Mapping[str, Any], table: str, *, gold: bool = False) -> Any:
    key = LABEL_KEYS.get(table)
    if key is None:
        return NO_LABEL
    if key not in record:
        return _WILDCARD if gold else NULL_LABEL
    value = record[key]
    if _is_missing(value):
        return NULL_LABEL
    return str(_plain(value))


def _labels_compatible(gold_label: Any, pred_label: Any) -> bool:
    return gold_label is _WILDCARD or gold_label == pred_label


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, Any]:
    p = tp_pred / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp_gold / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if (p + r) else 0.0
    return {"tp": tp_gold, "precision": round(p, 6), "recall": round(r, 6), "f1": round(f, 6)}


# --------------------------------------------------------------------------------------------
# Value comparison

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _decimals(value: float) -> int:
    """Number of decimals the value states (0.008 -> 3, 1.5 -> 1, 36.0 -> 0)."""
    try:
        d = Decimal(repr(float(value))).normalize()
    except (InvalidOperation, ValueError, OverflowError):
        return 0
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def numbers_equal(gold: float, pred: float, rel_tol: float = REL_TOL) -> bool:
    """Gold and predicted numbers agree to the precision the gold value states."""
    gold, pred = float(gold), float(pred)
    if math.isnan(gold) or math.isnan(pred):
        return False
    if math.isclose(gold, pred, rel_tol=rel_tol, abs_tol=1e-12):
        return True
    places = _decimals(gold)
    if places == 0:
        return False
    return math.isclose(round(pred, places), gold, rel_tol=rel_tol, abs_tol=1e-12)


def token_f1(gold: str, pred: str) -> float:
    """F1 of the lower-cased word tokens of two strings (bag of tokens)."""
    g = [t.lower() for t in _TOKEN.findall(str(gold))]
    p = [t.lower() for t in _TOKEN.findall(str(pred))]
    if not g and not p:
        return 1.0
    if not g or not p:
        return 0.0
    remaining = defaultdict(int)
    for t in g:
        remaining[t] += 1
    common = 0
    for t in p:
        if remaining[t] > 0:
            remaining[t] -= 1
            common += 1
    if common == 0:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)


def _to_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace("\u2212", "-"))
        except ValueError:
            return None
    return None


def values_equal(key: str, gold: Any, pred: Any) -> bool:
    """Does the predicted value of column `key` agree with the gold value? (see module doc)"""
    gold, pred = _plain(gold), _plain(pred)
    if _is_missing(gold):
        return _is_missing(pred)
    if _is_missing(pred):
        return False
    if isinstance(gold, bool) or isinstance(pred, bool):
        if isinstance(gold, bool) and isinstance(pred, bool):
            return gold == pred
        return False
    if isinstance(gold, (list, tuple)):
        if not isinstance(pred, (list, tuple)):
            return False
        try:
            return sorted(gold) == sorted(pred)
        except TypeError:
            return list(gold) == list(pred)
    if key == "n":
        g, p = _to_number(gold), _to_number(pred)
        return g is not None and p is not None and g == p
    if key in EXACT_KEYS:
        return str(gold) == str(pred)
    if key in FREE_TEXT_KEYS:
        return token_f1(str(gold), str(pred)) >= FREE_TEXT_THRESHOLD
    if isinstance(gold, (int, float)):
        p = _to_number(pred)
        return p is not None and numbers_equal(gold, p)
    return str(gold).strip().casefold() == str(pred).strip().casefold()


def _columns(table: str) -> frozenset[str] | None:
    try:
        from pipeline.schema import TABLES
    except ImportError:  # pragma: no cover
        return None
    schema = TABLES.get(table)
    return frozenset(schema.names) if schema is not None else None


def value_keys(record: Mapping[str, Any], table: str | None = None) -> list[str]:
    """The value keys of a gold record: the keys that are columns of the table (offsets,
    provenance and bookkeeping such as `occurrence` or `line` excluded)."""
    cols = _columns(table) if table else None
    return [k for k in record
            if k not in META_KEYS and not k.startswith("_") and (cols is None or k in cols)]


# --------------------------------------------------------------------------------------------
# Matching

def match_spans(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    mode: str = "overlap",
    compatible: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one matching of gold and predicted spans of one document.

    Returns (gold index, predicted index) pairs. `mode` is "exact" (same start and end) or
    "overlap" (at least one shared character; greedy by largest overlap). `compatible(i, j)`
    may forbid pairs (e.g. different labels).
    """
    if mode not in ("exact", "overlap"):
        raise ValueError(f"unknown matching mode {mode!r}")
    candidates: list[tuple[int, int, int, int]] = []  # (-overlap, distance, gi, pj)
    order = sorted(range(len(pred)), key=lambda j: (int(pred[j]["start"]), int(pred[j]["end"])))
    for i, g in enumerate(gold):
        gs, ge = int(g["start"]), int(g["end"])
        for j in order:
            ps, pe = int(pred[j]["start"]), int(pred[j]["end"])
            if mode == "exact":
                if ps != gs or pe != ge:
                    continue
                overlap = ge - gs
            else:
                overlap = min(ge, pe) - max(gs, ps)
                if overlap <= 0:
                    # zero-length spans overlap nothing
                    continue
            if compatible is not None and not compatible(i, j):
                continue
            candidates.append((-overlap, abs(gs - ps) + abs(ge - pe), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _neg, _dist, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    pairs.sort()
    return pairs


def _label_matcher(gold_labels: Sequence[Any], pred_labels: Sequence[Any]) -> Callable[[int, int], bool]:
    return lambda i, j: _labels_compatible(gold_labels[i], pred_labels[j])


# --------------------------------------------------------------------------------------------
# Scoring one table

class _Counts:
    def __init__(self) -> None:
        self.n_gold = 0
        self.n_pred = 0
        self.exact_gold = 0
        self.exact_pred = 0
        self.overlap_gold = 0
        self.overlap_pred = 0
        self.vexact_gold = 0
        self.vexact_pred = 0
        self.by_key: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # key -> [compared, correct]

    def add(self, other: "_Counts") -> None:
        for name in ("n_gold", "n_pred", "exact_gold", "exact_pred", "overlap_gold",
                     "overlap_pred", "vexact_gold", "vexact_pred"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k, (c, ok) in other.by_key.items():
            self.by_key[k][0] += c
            self.by_key[k][1] += ok

    def result(self, with_exact: bool) -> dict[str, Any]:
        compared = sum(c for c, _ in self.by_key.values())
        correct = sum(ok for _, ok in self.by_key.values())
        return {
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "exact": _prf(self.exact_pred, self.n_pred, self.exact_gold, self.n_gold) if with_exact else None,
            "overlap": _prf(self.overlap_pred, self.n_pred, self.overlap_gold, self.n_gold),
            "values": {
                "n_compared": compared,
                "n_correct": correct,
                "accuracy": round(correct / compared, 6) if compared else None,
                "by_key": {
                    k: {"n_compared": c, "n_correct": ok, "accuracy": round(ok / c, 6) if c else None}
                    for k, (c, ok) in sorted(self.by_key.items())
                },
            },
            "values_exact": _prf(self.vexact_pred, self.n_pred, self.vexact_gold, self.n_gold),
        }


def _score_doc(
    table: str,
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    use_labels: bool,
    counts: Mapping[Any, _Counts] | None,
    details: list[dict[str, Any]] | None,
    doc: Any,
) -> None:
    """Score one document; add the counts to `counts[label]`."""
    label_key = LABEL_KEYS.get(table)
    g_labels = [label_of(g, table, gold=True) for g in gold]
    p_labels = [label_of(p, table) for p in pred]
    compat = _label_matcher(g_labels, p_labels) if use_labels else None

    exact_pairs = match_spans(gold, pred, "exact", compat)
    overlap_pairs = match_spans(gold, pred, "overlap", compat)

    def bucket_g(i: int) -> Any:
        lab = g_labels[i]
        if lab is _WILDCARD:  # count a wildcard gold under the label it was matched with
            for gi, pj in overlap_pairs:
                if gi == i:
                    return p_labels[pj]
            return "unspecified"
        return lab

    def bucket_p(j: int) -> Any:
        return p_labels[j] if use_labels else ANY_LABEL

    def c(label: Any) -> _Counts:
        return counts[label]  # type: ignore[index]

    for i in range(len(gold)):
        c(bucket_g(i) if use_labels else ANY_LABEL).n_gold += 1
    for j in range(len(pred)):
        c(bucket_p(j)).n_pred += 1
    for i, j in exact_pairs:
        c(bucket_g(i) if use_labels else ANY_LABEL).exact_gold += 1
        c(bucket_p(j)).exact_pred += 1
    matched_g = {i for i, _ in overlap_pairs}
    matched_p = {j for _, j in overlap_pairs}
    for i, j in overlap_pairs:
        gb = bucket_g(i) if use_labels else ANY_LABEL
        c(gb).overlap_gold += 1
        c(bucket_p(j)).overlap_pred += 1
        all_ok = True
        wrong: dict[str, Any] = {}
        for key in value_keys(gold[i], table):
            if use_labels and key == label_key:
                continue  # equal by construction of the label-aware matching
            ok = values_equal(key, gold[i][key], pred[j].get(key))
            c(gb).by_key[key][0] += 1
            c(gb).by_key[key][1] += int(ok)
            if not ok:
                all_ok = False
                wrong[key] = {"gold": _plain(gold[i][key]), "pred": _jsonable(pred[j].get(key))}
        if all_ok:
            c(gb).vexact_gold += 1
            c(bucket_p(j)).vexact_pred += 1
        elif details is not None:
            details.append({"type": "value_mismatch", "doc": doc, "table": table,
                            "label": p_labels[j],
                            "start": int(gold[i]["start"]), "end": int(gold[i]["end"]),
                            "text": gold[i].get("text"), "pred_text": pred[j].get("text"),
                            "values": wrong})
    if details is not None:
        for i in range(len(gold)):
            if i not in matched_g:
                details.append({"type": "missed", "doc": doc, "table": table,
                                "start": int(gold[i]["start"]), "end": int(gold[i]["end"]),
                                "text": gold[i].get("text"),
                                "label": None if g_labels[i] is _WILDCARD else g_labels[i]})
        for j in range(len(pred)):
            if j not in matched_p:
                details.append({"type": "spurious", "doc": doc, "table": table,
                                "start": int(pred[j]["start"]), "end": int(pred[j]["end"]),
                                "text": pred[j].get("text"), "label": p_labels[j]})


def _jsonable(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is not None and not isinstance(value, (str, int, float, bool, list, dict)):
        return str(value)
    return value


def score_table(
    table: str,
    gold: Iterable[Mapping[str, Any]],
    pred: Iterable[Mapping[str, Any]],
    *,
    details: list[dict[str, Any]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Score the predicted rows of one table against its gold records.

    Both iterables hold dicts with `start`, `end` and the table's columns; a `doc` key (any
    hashable, e.g. the article path) keeps documents apart: spans only match within the same
    doc. Returns {label: scores, ..., "ALL": scores, "ANY_LABEL": scores}. When `details` is a
    list, missed, spurious and value-mismatched spans are appended to it.
    """
    gold_by_doc: dict[Any, list[Mapping[str, Any]]] = defaultdict(list)
    pred_by_doc: dict[Any, list[Mapping[str, Any]]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g.get("doc")].append(g)
    for p in pred:
        pred_by_doc[p.get("doc")].append(p)

    per_label: dict[Any, _Counts] = defaultdict(_Counts)
    any_label: dict[Any, _Counts] = defaultdict(_Counts)
    for doc in sorted(set(gold_by_doc) | set(pred_by_doc), key=lambda d: (d is None, str(d))):
        g, p = gold_by_doc.get(doc, []), pred_by_doc.get(doc, [])
        _score_doc(table, g, p, True, per_label, details, doc)
        _score_doc(table, g, p, False, any_label, None, doc)

    with_exact = table not in OVERLAP_ONLY
    out: dict[str, dict[str, Any]] = {}
    total = _Counts()
    for label in sorted(per_label, key=str):
        total.add(per_label[label])
        out[str(label)] = per_label[label].result(with_exact)
    out[ALL] = total.result(with_exact)
    out[ANY_LABEL] = any_label[ANY_LABEL].result(with_exact)
    return out


# --------------------------------------------------------------------------------------------
# Scoring a corpus: gold articles + predicted tables

def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def rows_of(table: Any) -> list[dict[str, Any]]:
    """A DataFrame, a pyarrow Table or a list of dicts -> list of plain dicts."""
    if table is None:
        return []
    if isinstance(table, list):
        return [dict(r) for r in table]
    if hasattr(table, "to_pylist"):  # pyarrow.Table
        return table.to_pylist()
    if hasattr(table, "to_dict"):  # pandas.DataFrame
        df = table
        out = []
        for rec in df.to_dict(orient="records"):
            out.append({k: _plain(v) if not isinstance(v, (list, dict)) else v for k, v in rec.items()})
        return out
    return [dict(r) for r in table]


def _occurrence_in(text: str, span_text: str, start: int) -> int:
    """1-based occurrence number of span_text ending at `start` (non-overlapping matches)."""
    k, pos = 0, 0
    while True:
        idx = text.find(span_text, pos)
        if idx < 0 or idx > start:
            return k if k else 1
        k += 1
        if idx == start:
            return k
        pos = idx + max(1, len(span_text))


def _find_occurrence(text: str, span_text: str, occurrence: int) -> int | None:
    pos, k = 0, 0
    while True:
        idx = text.find(span_text, pos)
        if idx < 0:
            return None
        k += 1
        if k == occurrence:
            return idx
        pos = idx + max(1, len(span_text))


def realign_records(records: Sequence[Mapping[str, Any]], gold_text: str, target_text: str
                    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Move gold offsets from `gold_text` to `target_text` (same occurrence of the same text).

    Returns (realigned records, records that could not be found in the target text).
    """
    if gold_text == target_text:
        return [dict(r) for r in records], []
    moved, lost = [], []
    for r in records:
        start, end = int(r["start"]), int(r["end"])
        span = r.get("text") or gold_text[start:end]
        occ = _occurrence_in(gold_text, span, start)
        idx = _find_occurrence(target_text, span, occ)
        if idx is None:
            lost.append(dict(r))
            continue
        new = dict(r)
        new["start"], new["end"] = idx, idx + len(span)
        moved.append(new)
    return moved, lost


def match_articles(gold_articles: Sequence[Any], articles: Sequence[Mapping[str, Any]]
                   ) -> dict[str, Mapping[str, Any]]:
    """Map gold article path -> predicted `articles` row.

    Tried in order: `source == path`; the path ends with `/source` (sources are relative to the
    raw dir); the article text is identical.
    """
    by_source = {str(a.get("source")): a for a in articles}
    by_text: dict[str, Mapping[str, Any]] = {}
    for a in articles:
        if isinstance(a.get("text"), str):
            by_text.setdefault(a["text"], a)
    out: dict[str, Mapping[str, Any]] = {}
    for g in gold_articles:
        path = str(_get(g, "path"))
        row = by_source.get(path)
        if row is None:
            for src, a in by_source.items():
                if src and (path.endswith("/" + src) or src.endswith("/" + path)):
                    row = a
                    break
        if row is None:
            row = by_text.get(_get(g, "text"))
        if row is not None:
            out[path] = row
    return out


def score_corpus(
    gold_articles: Sequence[Any],
    tables: Mapping[str, Any],
    *,
    table_names: Sequence[str] | None = None,
    details: bool = False,
) -> dict[str, Any]:
    """Score predicted tables against gold articles.

    `gold_articles`: objects (or dicts) with `path`, `text`, `records` (dicts with `table`,
    `start`, `end`, `text` and value keys). `tables`: table name -> DataFrame / list of dicts,
    including `articles` (to map `article_id` to the gold path via `source`).
    Only predicted rows of gold articles are scored. A table is scored when the gold holds at
    least one record of it (or when it is named in `table_names`).

    Returns {"n_articles", "n_articles_matched", "tables": {table: {label: scores}},
    "warnings": [...], "details": [...] (only with details=True)}.
    """
    articles = rows_of(tables.get("articles"))
    amap = match_articles(gold_articles, articles)
    warnings: list[str] = []
    gold_by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    id_to_doc: dict[str, str] = {}
    for g in gold_articles:
        path = str(_get(g, "path"))
        row = amap.get(path)
        records = list(_get(g, "records", []) or [])
        if row is None:
            warnings.append(f"{path}: no predicted article (all its gold spans count as missed)")
        else:
            id_to_doc[str(row.get("article_id"))] = path
            target = row.get("text")
            if isinstance(target, str) and target != _get(g, "text"):
                records, lost = realign_records(records, _get(g, "text"), target)
                for r in lost:
                    warnings.append(f"{path}: gold span {r.get('text')!r} not found in the "
                                    "predicted article text (counted as missed)")
                    gold_by_table[r["table"]].append({**r, "doc": path, "start": -2, "end": -1})
        for r in records:
            gold_by_table[str(r["table"])].append({**r, "doc": path})

    names = list(table_names) if table_names else [t for t in SCORED_TABLES if gold_by_table.get(t)]
    detail_list: list[dict[str, Any]] | None = [] if details else None
    out_tables: dict[str, Any] = {}
    for name in names:
        preds = []
        for row in rows_of(tables.get(name)):
            doc = id_to_doc.get(str(row.get("article_id")))
            if doc is not None:
                preds.append({**row, "doc": doc})
        out_tables[name] = score_table(name, gold_by_table.get(name, []), preds, details=detail_list)
    result: dict[str, Any] = {
        "n_articles": len(gold_articles),
        "n_articles_matched": len(amap),
        "tables": out_tables,
        "warnings": warnings,
    }
    if details:
        result["details"] = detail_list
    return result
