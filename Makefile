# Wegweiser — `make run` sets everything up and starts the assistant; `make test` tests it.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: run test test-fast test-e2e train eval bench db migrate seed validate clean help constraints

help:
	@echo "make run    - install, migrate, seed, train if needed, start Rasa :5005, actions :5055, web :8000"
	@echo "make test   - everything CI runs: data validation, unit, API/CLI and end-to-end tests"
	@echo "make train  - train the model if its inputs changed"
	@echo "make eval   - intent accuracy/F1 per language on held-out data, language identification"
	@echo "make bench  - search and conversation latency benchmarks"

$(STAMP): requirements.txt requirements-dev.txt constraints.txt
	@test -x $(PY) || $$(scripts/find-python310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<24.1"
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	@touch $(STAMP)

constraints: $(STAMP)
	(echo "# Full pin set of the tested environment (pip freeze). Regenerate: make constraints"; \
	 $(PY) -m pip freeze | grep -v "^-e") > constraints.txt

migrate: $(STAMP)
	$(PY) -m directory migrate

seed: migrate
	$(PY) -m directory seed

db: seed

train: $(STAMP)
	$(PY) -m scripts.model train

validate: $(STAMP)
	$(PY) -m rasa data validate --config config.yml --domain domain.yml --data nlu --fail-on-warnings

run: db train
	$(PY) -m scripts.supervise

test-fast: $(STAMP)
	$(PY) -m pytest -m "not e2e" -q

test-e2e: train
	$(PY) -m pytest -m e2e -q

test: validate train
	$(PY) -m pytest -q -p no:cacheprovider

eval: train
	$(PY) -m scripts.evaluate

bench: db train
	$(PY) -m scripts.bench_search
	$(PY) -m scripts.bench_conversation

clean:
	rm -rf models .pytest_cache
