"""Rows -> pyarrow Tables with the explicit schema and the file metadata (see store.py for writing)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from pipeline import __version__
from pipeline.schema import SCHEMA_VERSION, TABLES


def table_from_rows(name: str, rows: Iterable[dict[str, Any]]) -> pa.Table:
    """Rows -> pyarrow Table with the table's explicit schema (unknown keys dropped)."""
    rows = rows if isinstance(rows, list) else list(rows)
    table = pa.Table.from_pylist(rows, schema=TABLES[name])
    return table.replace_schema_metadata(file_metadata())


def file_metadata() -> dict[str, str]:
    """Metadata written into every Parquet file."""
    return {"schema_version": SCHEMA_VERSION, "pipeline_version": __version__,
            "producer": "claims-pipeline"}
