# Loadline: `make run` serves the app with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install frontend openapi migrate demo run test lint format lock clean backup restore verify-access-log verify-decisions

install: $(VENV)/.installed frontend

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv
	$(UV) pip install --quiet --python $(PY) -r requirements.lock
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $@

frontend: frontend/dist/index.html

frontend/dist/index.html: $(shell find frontend/src frontend/public -type f 2>/dev/null) frontend/package.json frontend/package-lock.json frontend/vite.config.ts frontend/index.html frontend/openapi.json frontend/tsconfig.json frontend/tsconfig.sw.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build

openapi: $(VENV)/.installed  ## regenerate frontend/openapi.json (the typed client's source) from the app
	$(PY) -m scripts.openapi_snapshot

migrate: $(VENV)/.installed
	$(VENV)/bin/alembic upgrade head

demo: migrate
	HOST=$(HOST) PORT=$(PORT) $(PY) -m app.demo

run: install demo
	$(VENV)/bin/uvicorn app.main:app --host $(HOST) --port $(PORT)

test: install
	$(PY) -m tests.run

backup: $(VENV)/.installed  ## online backup of DATABASE_URL into var/backups/
	$(PY) -m app.ops backup

restore: $(VENV)/.installed  ## make restore FILE=var/backups/... (stop the app first)
	$(PY) -m app.ops restore $(FILE)

verify-access-log: $(VENV)/.installed  ## check the access log's hash chain
	$(PY) -m app.ops verify-access-log

verify-decisions: $(VENV)/.installed  ## replay every stored decision (older rulesets are named)
	$(PY) -m app.ops verify-decisions

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

lock:  ## re-resolve requirements.lock after changing pyproject.toml
	test -x $(UV) || ($(PYTHON) -m venv $(VENV) && $(VENV)/bin/pip install --quiet uv)
	$(UV) pip compile --quiet --python-version 3.11 --extra test pyproject.toml -o requirements.lock
	$(UV) pip compile --quiet --python-version 3.11 pyproject.toml -o requirements-runtime.lock

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var
