"""Reading the output tables back for review and plots."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.schema import TABLES


def read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """`out_dir/<name>.parquet` (file or partitioned directory) as a DataFrame.

    A missing table gives an empty DataFrame with the schema's columns. Dictionary-encoded
    label columns come back as plain strings.
    """
    out_dir = Path(out_dir)
    for path in (out_dir / f"{name}.parquet", out_dir / name):
        if path.exists():
            df = pd.read_parquet(path)
            break
    else:
        cols = [f.name for f in TABLES[name]] if name in TABLES else []
        return pd.DataFrame(columns=cols)
    for col in df.columns:
        if isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df


def read_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(out_dir, name) for name in TABLES}


def clean(value: Any) -> Any:
    """numpy / pandas scalars and arrays -> Python values; NaN/NA -> None."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        if value is pd.NA or value is pd.NaT:
            return None
    except TypeError:  # pragma: no cover
        pass
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: clean(v) for k, v in r.items()} for r in df.to_dict(orient="records")]
