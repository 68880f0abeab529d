"""Helpers shared by the scale tests: small corpora and config files with small shards."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.nlp.builder import load_config
from pipeline.schema import TABLES

SENTENCES = [
    "Rapamycin reduced CRP by {a}% (P=0.0{b}; 95% CI 0.{b}1-0.9{b}) in {n} older adults.",
    "METHODS: We randomly assigned {n} participants to metformin 500 mg/day or placebo.",
    "Hazard ratio for death was 0.{b}{a} (95% CI 0.5{b} to 0.9{a}) after {a} weeks.",
    "Mean grip strength was {a}.{b}±3.{b} kg vs 2{b}.1±2.{a} kg (p = 0.{a}{b}).",
    "Interleukin-6 (IL-6) fell in {n} mice given dasatinib and quercetin (D+Q).",
]


def article_text(i: int) -> str:
    """A small synthetic abstract, different for every i."""
    lines = [f"Trial {i}: low-dose drugs in ageing", ""]
    for k, sentence in enumerate(SENTENCES):
        lines.append(sentence.format(a=(i + k) % 9 + 1, b=(i * 7 + k) % 9 + 1, n=20 + 3 * i + k))
    return "\n".join(lines) + "\n"


def write_corpus(raw: Path, n: int, repeat: int = 1) -> Path:
    """n .txt articles under raw/ (each `repeat` times longer)."""
    raw.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (raw / f"art{i:04d}.txt").write_text(article_text(i) * repeat, "utf-8")
    return raw


def write_config(path: Path, **claims) -> Path:
    """A config file: the default config with [claims] settings overridden."""
    config = load_config(overrides={f"claims.{k}": v for k, v in claims.items()})
    path.write_text(config.to_str(), "utf-8")
    return path


def sorted_tables(out: Path) -> dict[str, pd.DataFrame]:
    """Every published table, rows in a canonical order, categoricals as plain strings."""
    frames = {}
    for name in TABLES:
        frame = pd.read_parquet(out / f"{name}.parquet")
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.CategoricalDtype):
                frame[column] = frame[column].astype(object)
        key = [c for c in ("article_id", "start", "end", "source", "stage", "message")
               if c in frame.columns]
        frames[name] = frame.sort_values(key, kind="stable").reset_index(drop=True)
    return frames


def assert_same_tables(left: Path, right: Path) -> None:
    a, b = sorted_tables(left), sorted_tables(right)
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], check_dtype=False, obj=name)


@pytest.fixture
def small_shards_config(tmp_path) -> Path:
    return write_config(tmp_path / "small_shards.cfg", shard_size=2)
