# Two commands for a fresh machine: `make run` (the web app with demo data) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app webapp
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint bench bench-webhook translations

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(FLASK) db upgrade
	$(FLASK) demo
	$(FLASK) run --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-dev
	$(PY) -m pytest

bench: $(VENV)/.installed-dev
	$(PY) -m nlp bench

bench-webhook: $(VENV)/.installed-dev
	$(PY) bench/line_webhook_load.py

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .

# After changing user-facing text: refresh the catalog, translate the new entries, compile.
translations: $(VENV)/.installed-dev
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -o webapp/translations/messages.pot .
	$(VENV)/bin/pybabel update -i webapp/translations/messages.pot -d webapp/translations -w 120
	$(VENV)/bin/pybabel compile -d webapp/translations
