"""Shared fixtures: one default pipeline per test session (no trained model)."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def nlp():
    from pipeline.api import get_nlp

    warnings.filterwarnings("ignore", category=FutureWarning)
    return get_nlp(None)
