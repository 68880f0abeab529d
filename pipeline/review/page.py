"""Self-contained HTML review page of the extracted spans.

Every span of the entities, statistics, sample_sizes, doses and claims tables is drawn over the
article text as a `<mark>`. Spans of different tables overlap (a P value inside a claim, an
entity inside a dose), so marks are nested; when two spans cross, the later one is split into
fragments that carry the same id and hover text. Each table has its own frame colour, each
entity label its own fill, and a small tag after the span names its label/kind. Hovering shows
every value of the row. When gold annotations exist for an article, predicted spans the gold
does not support are underlined with a red wave and tagged ✗, and gold spans the pipeline
missed are drawn as hatched marks tagged "missed".
"""
from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import pandas as pd

from pipeline.evaluation.scoring import (
    LABEL_KEYS,
    NO_LABEL,
    NULL_LABEL,
    SCORED_TABLES,
    match_articles,
    realign_records,
    score_table,
)
from pipeline.review.tables import clean, records

LAYER_TABLES = ("claims", "statistics", "sample_sizes", "doses", "entities")
ENTITY_FILLS = {
    "CHEMICAL": "#d6e9ff",
    "DISEASE": "#ffd9d9",
    "ORGANISM": "#daf5d5",
    "GENE_OR_PROTEIN": "#eadcff",
}
HOVER_KEYS = {
    "entities": ("label", "canonical", "source_id", "source"),
    "statistics": ("kind", "value", "operator", "lower", "upper", "level", "measure", "sd",
                   "denominator", "unit", "df", "estimate_id", "linked_ids",
                   "ci_contains_estimate", "recomputed_p", "consistent", "flags", "stat_id"),
    "sample_sizes": ("n", "n_lower", "role", "population", "organism", "sample_id"),
    "doses": ("drug", "amount", "upper", "unit", "per", "frequency", "route", "schedule", "dose_id"),
    "claims": ("direction", "valence", "intervention", "comparator", "outcome", "magnitude_text",
               "negated", "hedged", "hedge_cue", "certainty", "population", "organism",
               "study_design", "evidence_tier", "duration", "statistic_ids", "claim_id"),
}
TAG_KEYS = {"entities": "label", "statistics": "kind", "sample_sizes": "role",
            "doses": "unit", "claims": "direction"}


@dataclass
class Mark:
    start: int
    end: int
    table: str
    tag: str
    title: str
    status: str = "pred"          # pred | ok | spurious | missed
    label: str | None = None      # entity label (fill colour)
    uid: str = ""
    order: int = 0


@dataclass
class ArticleView:
    article_id: str
    source: str
    title: str
    text: str
    marks: list[Mark] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    gold_summary: dict[str, dict[str, int]] | None = None
    n_by_table: dict[str, int] = field(default_factory=dict)


# ------------------------------------------------------------------------------ formatting

def _fmt_value(v: Any) -> str:
    v = clean(v)
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, list):
        return "[" + ", ".join(_fmt_value(x) for x in v) + "]"
    return str(v)


def hover_text(table: str, row: Mapping[str, Any], status: str = "pred") -> str:
    head = {"missed": "MISSED (gold) ", "spurious": "SPURIOUS ", "ok": "matched "}.get(status, "")
    lines = [f"{head}{table}: {row.get('text', '')!s}"]
    for key in HOVER_KEYS.get(table, ()):
        if key in row and clean(row.get(key)) is not None:
            lines.append(f"{key} = {_fmt_value(row[key])}")
    return "\n".join(lines)


def _tag(table: str, row: Mapping[str, Any]) -> str:
    key = TAG_KEYS.get(table)
    value = clean(row.get(key)) if key else None
    if table == "sample_sizes":
        n = clean(row.get("n"))
        return f"n={n}" + (f" {value}" if value else "") if n is not None else (value or "n")
    if value is None:
        return {"doses": "dose", "claims": "claim", "statistics": "stat"}.get(table, table)
    return str(value)


# ------------------------------------------------------------------------------ nesting

def render_marked_text(text: str, marks: Sequence[Mark]) -> str:
    """Text with every mark as (possibly split) nested `<mark>` elements."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    rank = {t: i for i, t in enumerate(LAYER_TABLES)}
    # outer first: earlier start, then longer, then table layer order
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, rank.get(m.table, 99), m.order))
    priority = {id(m): i for i, m in enumerate(ordered)}
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    starts: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        starts[m.start].append(m)
    active: list[Mark] = []
    stack: list[Mark] = []
    out: list[str] = []

    def open_tag(m: Mark, first: bool) -> str:
        classes = [f"t-{m.table}", f"s-{m.status}"]
        if m.label:
            classes.append(f"l-{m.label}")
        if not first:
            classes.append("cont")
        return (f'<mark class="{" ".join(classes)}" data-id="{html.escape(m.uid)}" '
                f'title="{html.escape(m.title, quote=True)}">')

    def close_tag(m: Mark, pos: int) -> str:
        if pos == m.end:
            prefix = {"spurious": "✗ ", "missed": "missed ", "ok": "✓ "}.get(m.status, "")
            return f'<span class="tag">{html.escape(prefix + m.tag)}</span></mark>'
        return "</mark>"

    opened_once: set[int] = set()
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        desired = sorted(active, key=lambda m: priority[id(m)])
        k = 0
        while k < len(stack) and k < len(desired) and stack[k] is desired[k]:
            k += 1
        for m in reversed(stack[k:]):
            out.append(close_tag(m, a))
        stack = stack[:k]
        for m in desired[k:]:
            out.append(open_tag(m, id(m) not in opened_once))
            opened_once.add(id(m))
            stack.append(m)
        out.append(html.escape(text[a:b]))
    for m in reversed(stack):
        out.append(close_tag(m, len(text)))
    return "".join(out)


# ------------------------------------------------------------------------------ building views

def _gval(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def build_views(tables: Mapping[str, pd.DataFrame], gold: Sequence[Any] | None = None,
                max_articles: int | None = None) -> tuple[list[ArticleView], int]:
    """One ArticleView per article (gold articles first). Returns (views, total articles)."""
    articles = records(tables.get("articles", pd.DataFrame()))
    gold = list(gold or [])
    gmap = match_articles(gold, articles) if gold else {}
    gold_of_article = {str(row["article_id"]): g for g in gold
                       for path, row in gmap.items() if path == str(_gval(g, "path"))}
    gold_tables = {str(r["table"]) for g in gold for r in (_gval(g, "records") or [])}

    rows_by_article: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for name in LAYER_TABLES:
        df = tables.get(name)
        if df is None or not len(df):
            continue
        for r in records(df):
            rows_by_article[str(r.get("article_id"))][name].append(r)
    stats_by_article: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
    for r in records(tables.get("statistics", pd.DataFrame())):
        if r.get("stat_id") is not None:
            stats_by_article[str(r["article_id"])][int(r["stat_id"])] = r

    articles.sort(key=lambda a: (str(a["article_id"]) not in gold_of_article, str(a.get("source"))))
    total = len(articles)
    if max_articles is not None:
        articles = articles[:max_articles]

    views = []
    for a in articles:
        aid = str(a["article_id"])
        text = a.get("text") or ""
        view = ArticleView(article_id=aid, source=str(a.get("source") or aid),
                           title=str(a.get("title") or a.get("source") or aid), text=text)
        rows = rows_by_article.get(aid, {})
        spurious: set[tuple[str, int]] = set()
        g = gold_of_article.get(aid)
        if g is not None:
            view.gold_summary = {}
            grecs = list(_gval(g, "records") or [])
            grecs, lost = realign_records(grecs, _gval(g, "text"), text)
            for name in SCORED_TABLES:
                if name not in gold_tables:
                    continue
                details: list[dict[str, Any]] = []
                preds = [{**r, "_idx": i} for i, r in enumerate(rows.get(name, []))]
                gl = [r for r in grecs if r["table"] == name]
                score_table(name, gl, preds, details=details)
                n_missed = n_spurious = 0
                gold_lookup = {(int(r["start"]), int(r["end"])): r for r in gl}
                for d in details:
                    if d["type"] == "missed":
                        n_missed += 1
                        grow = gold_lookup.get((d["start"], d["end"]), {})
                        view.marks.append(Mark(d["start"], d["end"], name,
                                               _tag(name, grow) if grow else name,
                                               hover_text(name, {**grow, "text": text[d["start"]:d["end"]]}, "missed"),
                                               status="missed",
                                               label=grow.get("label") if name == "entities" else None,
                                               uid=f"{aid}-gold-{name}-{d['start']}"))
                    elif d["type"] == "spurious":
                        n_spurious += 1
                        spurious.add((name, d["start"], d["end"], d.get("label")))
                n_lost = sum(1 for r in lost if r["table"] == name)
                view.gold_summary[name] = {"gold": len(gl) + n_lost, "predicted": len(preds),
                                           "matched": len(preds) - n_spurious,
                                           "missed": n_missed + n_lost, "spurious": n_spurious}
        for name in LAYER_TABLES:
            label_key = LABEL_KEYS.get(name)
            for i, r in enumerate(rows.get(name, [])):
                start, end = int(r["start"]), int(r["end"])
                status = "pred"
                if view.gold_summary is not None and name in view.gold_summary:
                    lab = clean(r.get(label_key)) if label_key else NO_LABEL
                    lab = NULL_LABEL if lab is None else str(lab)
                    status = "spurious" if (name, start, end, lab) in spurious else "ok"
                view.marks.append(Mark(start, end, name, _tag(name, r), hover_text(name, r, status),
                                       status=status,
                                       label=str(r.get("label")) if name == "entities" and r.get("label") else None,
                                       uid=f"{aid}-{name}-{i}", order=i))
            view.n_by_table[name] = len(rows.get(name, []))
        for c in rows.get("claims", []):
            pvals = []
            for sid in c.get("statistic_ids") or []:
                s = stats_by_article[aid].get(int(sid))
                if s is not None and s.get("kind") == "p_value":
                    pvals.append(str(s.get("text")))
            view.claims.append({**c, "p_values": pvals})
        views.append(view)
    return views, total


# ------------------------------------------------------------------------------ page

CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid #ddd;padding:8px 16px}
header h1{font-size:18px;margin:0 0 4px}
main{padding:8px 16px 40px;max-width:1300px}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;font-size:13px}
.legend label{cursor:pointer;user-select:none}
.legend .sw{display:inline-block;padding:0 4px;line-height:1.5}
section.article{background:#fff;border:1px solid #ddd;border-radius:6px;margin:16px 0;padding:12px 16px}
section.article h2{font-size:16px;margin:0 0 2px}
.meta{color:#666;font-size:12px;margin-bottom:8px}
.text{white-space:pre-wrap;line-height:2.35;font-size:14.5px;overflow-wrap:anywhere}
mark{background:transparent;color:inherit;border-radius:3px;padding:1px 1px;border:1.5px solid transparent}
mark .tag{font-size:9.5px;font-weight:600;vertical-align:super;line-height:1;margin-left:2px;padding:0 2px;border-radius:2px;color:#fff;white-space:nowrap}
mark.t-claims{background:#fff6d1;border:none;border-bottom:3px solid #c99a00;border-radius:0;padding:3px 0}
mark.t-claims>.tag{background:#c99a00}
mark.t-statistics{border-color:#1f6fb5;background:#eaf3fc}
mark.t-statistics>.tag{background:#1f6fb5}
mark.t-sample_sizes{border-color:#e07000;background:#fff0e0}
mark.t-sample_sizes>.tag{background:#e07000}
mark.t-doses{border-color:#138a72;background:#e2f6f1}
mark.t-doses>.tag{background:#138a72}
mark.t-entities{border-color:#7a4bb3;border-style:dotted}
mark.t-entities>.tag{background:#7a4bb3}
mark.l-CHEMICAL{background:#d6e9ff}mark.l-DISEASE{background:#ffd9d9}
mark.l-ORGANISM{background:#daf5d5}mark.l-GENE_OR_PROTEIN{background:#eadcff}
mark.s-spurious{text-decoration:underline wavy #d40000;text-decoration-skip-ink:none;text-underline-offset:3px}
mark.s-spurious>.tag{background:#d40000 !important}
mark.s-missed{border:2px dashed #d40000 !important;background:repeating-linear-gradient(135deg,#fff 0 4px,#ffe1e1 4px 8px) !important}
mark.s-missed>.tag{background:#fff !important;color:#d40000;border:1px solid #d40000}
mark.cont{border-left-style:none;border-top-left-radius:0;border-bottom-left-radius:0}
mark:hover{outline:2px solid #000}
body.hide-tags mark .tag{display:none}
body.hide-claims mark.t-claims,body.hide-statistics mark.t-statistics,body.hide-sample_sizes mark.t-sample_sizes,
body.hide-doses mark.t-doses,body.hide-entities mark.t-entities,body.hide-missed mark.s-missed{background:none !important;border-color:transparent !important;text-decoration:none;outline:none}
body.hide-claims mark.t-claims>.tag,body.hide-statistics mark.t-statistics>.tag,body.hide-sample_sizes mark.t-sample_sizes>.tag,
body.hide-doses mark.t-doses>.tag,body.hide-entities mark.t-entities>.tag,body.hide-missed mark.s-missed>.tag{display:none}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.num{text-align:right}
details summary{cursor:pointer;color:#333;font-weight:600;margin-top:6px}
nav.toc{font-size:13px;columns:3;margin:8px 0}
nav.toc a{text-decoration:none}
.dir-increase{color:#0a7a28}.dir-decrease{color:#b30000}.dir-no_effect{color:#666}
"""

JS = """
document.querySelectorAll('input[data-hide]').forEach(function(cb){
  cb.addEventListener('change',function(){document.body.classList.toggle('hide-'+cb.dataset.hide,!cb.checked);});
});
"""


def _legend() -> str:
    items = []
    for t in LAYER_TABLES:
        items.append(f'<label><input type="checkbox" checked data-hide="{t}"> '
                     f'<mark class="t-{t}"><span class="sw">{t}</span></mark></label>')
    ents = " ".join(f'<mark class="t-entities l-{lab}"><span class="sw">{lab}</span></mark>'
                    for lab in ENTITY_FILLS)
    items.append(f"<span>entity labels: {ents}</span>")
    items.append('<label><input type="checkbox" checked data-hide="missed"> '
                 '<mark class="t-statistics s-missed"><span class="sw">missed gold span</span></mark></label>')
    items.append('<span><mark class="t-statistics s-spurious"><span class="sw">spurious prediction</span>'
                 '<span class="tag">✗</span></mark></span>')
    items.append('<label><input type="checkbox" checked data-hide="tags-off" '
                 'onchange="document.body.classList.toggle(\'hide-tags\',!this.checked)"> tags</label>')
    return '<div class="legend">' + "".join(items) + "</div>"


def _claims_table(claims: list[dict[str, Any]]) -> str:
    if not claims:
        return '<p class="meta">No claims.</p>'
    head = ("#", "claim", "intervention", "outcome", "direction", "valence", "design", "hedged", "P values")
    out = ["<table class=\"claims\"><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for c in claims:
        text = str(c.get("text") or "")
        short = text if len(text) <= 160 else text[:157] + "…"
        direction = clean(c.get("direction"))
        cells = [
            _fmt_value(c.get("claim_id")) if c.get("claim_id") is not None else "",
            html.escape(short),
            html.escape(_fmt_value(c.get("intervention")) if c.get("intervention") is not None else "–"),
            html.escape(_fmt_value(c.get("outcome")) if c.get("outcome") is not None else "–"),
            f'<span class="dir-{html.escape(str(direction))}">{html.escape(str(direction or "–"))}</span>',
            html.escape(str(clean(c.get("valence")) or "–")),
            html.escape(str(clean(c.get("study_design")) or clean(c.get("evidence_tier")) or "–")),
            {True: "yes", False: "no"}.get(clean(c.get("hedged")), "–")
            + (f" ({html.escape(str(c['hedge_cue']))})" if clean(c.get("hedge_cue")) else ""),
            html.escape(", ".join(c.get("p_values") or []) or "–"),
        ]
        out.append("<tr>" + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _gold_table(summary: dict[str, dict[str, int]]) -> str:
    head = ("table", "gold", "predicted", "matched", "missed", "spurious")
    out = ["<table class=\"gold\"><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for name, s in summary.items():
        out.append(f"<tr><td>{name}</td>" + "".join(
            f'<td class="num">{s[k]}</td>' for k in head[1:]) + "</tr>")
    out.append("</table>")
    return "".join(out)


def render_page(views: Sequence[ArticleView], total: int, title: str = "Extraction review",
                extra_html: str = "") -> str:
    parts = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
             f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>",
             f"<header><h1>{html.escape(title)}</h1>{_legend()}</header><main>"]
    shown = f"{len(views)} of {total} articles" if len(views) < total else f"{total} articles"
    n_gold = sum(1 for v in views if v.gold_summary is not None)
    parts.append(f'<p class="meta">{shown}; {n_gold} with gold annotations. Hover a span for its '
                 "values. Tags: ✓ matches gold, ✗ not in the gold, <i>missed</i> = gold span not "
                 "extracted.</p>")
    parts.append(extra_html)
    parts.append('<nav class="toc">' + "".join(
        f'<div><a href="#a-{html.escape(v.article_id)}">{html.escape(v.source)}</a>'
        f'{" ★" if v.gold_summary is not None else ""}</div>' for v in views) + "</nav>")
    for v in views:
        counts = ", ".join(f"{n} {t}" for t, n in v.n_by_table.items())
        parts.append(f'<section class="article" id="a-{html.escape(v.article_id)}">'
                     f"<h2>{html.escape(v.title)}</h2>"
                     f'<div class="meta">{html.escape(v.source)} · id {html.escape(v.article_id)}'
                     f" · {len(v.text)} chars · {html.escape(counts)}</div>")
        if v.gold_summary is not None:
            parts.append("<details open><summary>Against gold</summary>"
                         + _gold_table(v.gold_summary) + "</details>")
        parts.append(f"<details open><summary>Claims ({len(v.claims)})</summary>"
                     + _claims_table(v.claims) + "</details>")
        parts.append("<details open><summary>Text</summary><div class=\"text\">"
                     + render_marked_text(v.text, v.marks) + "</div></details></section>")
    parts.append(f"</main><script>{JS}</script></body></html>")
    return "".join(parts)
