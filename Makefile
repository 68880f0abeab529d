# Two commands on a fresh machine: `make extract` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    ?= raw
OUT    ?= outputs
NPROC  ?= 1

.PHONY: setup extract test eval baseline review bench bench-accuracy clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the project with its test tools

extract: $(STAMP)  ## raw/ -> outputs/<table>.parquet (incremental; FORCE=1 redoes all)
	$(PY) -m pipeline extract --raw $(RAW) --out $(OUT) --n-process $(NPROC) $(if $(FORCE),--force,)

test: $(STAMP)  ## the full test suite
	$(PY) -m pytest

eval: $(STAMP)  ## scorecard against tests/gold (and ../shared/benchmarks when present)
	$(PY) -m pipeline evaluate --benchmarks

baseline: $(STAMP)  ## record the current gold scores as the regression baseline
	$(PY) -m pipeline evaluate --write-baseline

review: extract  ## outputs/review.html and the evidence map
	$(PY) -m pipeline review --out $(OUT) --gold tests/gold

bench: $(STAMP)  ## throughput, per-stage time, memory, multi-process speed-up
	$(PY) -m pipeline.bench

bench-accuracy: $(STAMP)  ## benchmark accuracy figures (skips when ../shared is absent)
	$(PY) -m pipeline.evaluation.pico
	$(PY) -m pipeline.evaluation.ner_bench
	$(PY) -m pipeline.evaluation.evidence_inference

clean:
	rm -rf $(OUT)/*.parquet $(OUT)/_parts $(OUT)/_manifest.json
