# Two commands: `make run` sets everything up and serves on http://127.0.0.1:5000;
# `make test` runs every test (SQLite, then PostgreSQL, then the browser).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := wsgi

.PHONY: run test lint serve setup db translations clean bench bench-scripts

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m portal.i18n_tools compile > /dev/null

db: $(STAMP) translations
	mkdir -p instance
	$(BIN)/flask db upgrade
	$(BIN)/flask seed reference > /dev/null
	$(BIN)/flask seed demo

setup: db

run: setup
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: $(STAMP) translations
	tests/run_all.sh

# ruff, mypy and the import contracts alone, in seconds (also the first part of `make test`).
lint: $(STAMP)
	tests/lint.sh

serve: $(STAMP) translations
	$(BIN)/gunicorn --worker-class gthread --workers $${WORKERS:-4} --threads $${THREADS:-4} \
		--bind $${BIND:-127.0.0.1:8000} --access-logfile - wsgi:app

# The load test: its own PostgreSQL database, a generated region (SCALE=1 by default), gunicorn and wrk
# (Debian's package, installed by bench/ensure_wrk.sh when missing).
bench: $(STAMP) translations
	bench/ensure_wrk.sh
	$(BIN)/python bench/load.py --scale $${SCALE:-1}

# The other benchmark scripts, each on its own data, one after another.
bench-scripts: $(STAMP) translations
	@for script in bench/*.py; do case "$$script" in bench/load*.py) ;; *) $(BIN)/python "$$script";; esac; done; true

clean:
	rm -rf $(VENV) instance/portal.db .test-results
