"""Rows do not depend on Python's per-process string/None hashing: separate processes with
different hash seeds give identical entities (ties between equal candidates included)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXT = ("In this cohort, severe G6PD deficiency affected red cell survival. "
        "Patients with G6PD deficiency reported more AEs (adverse events) than controls. "
        "Adverse events (AEs) were mild. Glucose-6-phosphate dehydrogenase (G6PD) deficiency "
        "and vitamin D deficiency were recorded; rapamycin (sirolimus) lowered IL-6.")
SCRIPT = """
import json, sys, warnings
warnings.filterwarnings("ignore")
from pipeline.api import extract_texts
tables = extract_texts({"a.txt": sys.argv[1]})
print(json.dumps({name: tables[name].astype(str).values.tolist()
                  for name in ("entities", "claims", "statistics", "sample_sizes")}))
"""


def _rows(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONWARNINGS": "ignore"}
    out = subprocess.run([sys.executable, "-c", SCRIPT, TEXT], cwd=REPO, env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_rows_are_the_same_under_different_hash_seeds():
    first = _rows("1")
    assert first["entities"], "the text has entities"
    for seed in ("2", "3", "4", "5", "6", "7"):
        assert _rows(seed) == first
