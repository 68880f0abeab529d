"""Evidence map: claimed outcomes x direction of effect, coloured by study design."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.review.tables import clean

DIRECTIONS = ("increase", "decrease", "no_effect")
MAX_OUTCOMES = 30
DOTS_PER_ROW = 8
MAX_DOTS = 24


def _outcome_key(value: Any) -> str | None:
    value = clean(value)
    if not value or not str(value).strip():
        return None
    text = re.sub(r"\s+", " ", str(value).strip().lower())
    text = re.sub(r"^(?:and|or|the|their|its)\s+", "", text)
    return text if len(text) <= 40 else text[:39] + "…"


def claim_points(claims: pd.DataFrame, articles: pd.DataFrame | None = None) -> list[dict[str, Any]]:
    """One point per claim: outcome, direction, design (claim's, else the article's, else the
    evidence tier, else "unknown") and hedged."""
    design_of_article: dict[str, Any] = {}
    if articles is not None and len(articles) and "study_design" in articles:
        design_of_article = {str(a): clean(d) for a, d in zip(articles["article_id"], articles["study_design"])}
    points = []
    for row in claims.to_dict(orient="records"):
        row = {k: clean(v) for k, v in row.items()}
        outcome = _outcome_key(row.get("outcome"))
        if outcome is None:
            continue
        design = (row.get("study_design") or design_of_article.get(str(row.get("article_id")))
                  or (f"tier {row['evidence_tier']}" if row.get("evidence_tier") else None) or "unknown")
        points.append({"outcome": outcome, "direction": row.get("direction") or "unstated",
                       "design": str(design), "hedged": bool(row.get("hedged"))})
    return points


def evidence_map(claims: pd.DataFrame, articles: pd.DataFrame | None, out_png: Path,
                 out_svg: Path | None = None) -> list[Path]:
    """Draw the evidence map; write PNG (and SVG). Returns the written paths."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    with plt.rc_context({"svg.fonttype": "none"}):  # SVG keeps real, searchable text
        return _draw(plt, Line2D, claims, articles, Path(out_png), out_svg)


def _draw(plt: Any, Line2D: Any, claims: pd.DataFrame, articles: pd.DataFrame | None,
          out_png: Path, out_svg: Path | None) -> list[Path]:

    points = claim_points(claims, articles)
    counts = Counter(p["outcome"] for p in points)
    outcomes = [o for o, _ in counts.most_common(MAX_OUTCOMES)]
    other = len(counts) > MAX_OUTCOMES
    if other:
        outcomes.append("(other outcomes)")
    directions = list(DIRECTIONS) + (["unstated"] if any(p["direction"] not in DIRECTIONS for p in points) else [])
    designs = sorted({p["design"] for p in points}, key=lambda d: (d == "unknown", d))
    cmap = plt.get_cmap("tab10" if len(designs) <= 10 else "tab20")
    colour = {d: cmap(i % cmap.N) for i, d in enumerate(designs)}

    cells: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for p in points:
        o = p["outcome"] if p["outcome"] in outcomes else "(other outcomes)"
        d = p["direction"] if p["direction"] in DIRECTIONS else "unstated"
        cells[(o, d)].append(p)

    height = max(3.0, 0.42 * len(outcomes) + 1.8)
    fig, ax = plt.subplots(figsize=(10, height))
    if not points:
        ax.text(0.5, 0.5, "No claims with an outcome", ha="center", va="center", fontsize=14)
        ax.set_axis_off()
    else:
        y_of = {o: len(outcomes) - 1 - i for i, o in enumerate(outcomes)}
        for (o, d), pts in cells.items():
            xi, yi = directions.index(d), y_of[o]
            pts = sorted(pts, key=lambda p: (designs.index(p["design"]), p["hedged"]))
            shown = pts[:MAX_DOTS]
            n_rows = (len(shown) - 1) // DOTS_PER_ROW + 1
            for k, p in enumerate(shown):
                col, row = k % DOTS_PER_ROW, k // DOTS_PER_ROW
                x = xi - 0.4 + (col + 0.5) * (0.8 / DOTS_PER_ROW)
                y = yi + (row - (n_rows - 1) / 2) * 0.25
                c = colour[p["design"]]
                ax.scatter([x], [y], s=40, facecolors="none" if p["hedged"] else [c],
                           edgecolors=[c], linewidths=1.4, zorder=3)
            if len(pts) > MAX_DOTS:
                ax.text(xi + 0.42, yi, f"+{len(pts) - MAX_DOTS}", va="center", fontsize=8)
        ax.set_xticks(range(len(directions)))
        ax.set_xticklabels([d.replace("_", " ") for d in directions])
        ax.set_yticks(range(len(outcomes)))
        ax.set_yticklabels(list(reversed(outcomes)), fontsize=9)
        ax.set_xlim(-0.5, len(directions) - 0.5)
        ax.set_ylim(-0.7, len(outcomes) - 0.3)
        for x in range(len(directions) - 1):
            ax.axvline(x + 0.5, color="#dddddd", lw=1, zorder=1)
        for y in range(len(outcomes)):
            ax.axhline(y, color="#f0f0f0", lw=0.8, zorder=0)
        ax.xaxis.tick_top()
        ax.set_xlabel("direction of effect")
        handles = [Line2D([], [], marker="o", ls="", color=colour[d], label=d.replace("_", " "))
                   for d in designs]
        handles.append(Line2D([], [], marker="o", ls="", markerfacecolor="none",
                              markeredgecolor="#555555", label="hedged claim"))
        ax.legend(handles=handles, title="study design / tier", loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
        n_articles = len({str(c) for c in claims.get("article_id", [])})
        ax.set_title(f"Evidence map: {len(points)} claims from {n_articles} article(s)",
                     pad=28, fontsize=12)
    fig.tight_layout()
    out_png.parent.mkdir(parents=True, exist_ok=True)
    written = [out_png]
    fig.savefig(out_png, dpi=120, bbox_inches="tight")
    if out_svg is not None:
        fig.savefig(out_svg, bbox_inches="tight")
        written.append(Path(out_svg))
    plt.close(fig)
    return written
