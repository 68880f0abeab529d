"""Review of the extracted rows: an HTML page of highlighted spans and an evidence map.

    python -m pipeline review [--out DIR] [--gold DIR]      (or python -m pipeline.review)
"""
from __future__ import annotations

from pipeline.review.build import build_review, main

__all__ = ["build_review", "main"]
