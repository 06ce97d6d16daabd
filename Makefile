# The two commands: `make run` and `make test`. Everything else here supports them.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed

.PHONY: run test install lint checks pytest fuzz clean

## Set up (if needed), migrate, load demo content, serve on http://127.0.0.1:8000 with the worker.
run: install
	$(MANAGE) compile_translations
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	@echo "Site: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/   (Ctrl+C stops both)"
	@$(MANAGE) run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

## Set up (if needed), then every check and the whole test suite.
test: install lint checks pytest

install: $(INSTALLED)

$(INSTALLED): requirements/base.txt requirements/dev.txt constraints.txt
	@$(PYTHON) --version >/dev/null 2>&1 || { echo "Python 3.11 is needed: $(PYTHON) was not found." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt -c constraints.txt
	touch $(INSTALLED)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

checks: install
	DJANGO_SETTINGS_MODULE=pdu_site.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=pdu_site.settings.test $(MANAGE) makemigrations --check --dry-run

# Two test processes: one per core on the 2-core machines this runs on. PYTEST_WORKERS=0 for one.
PYTEST_WORKERS ?= 2

pytest: install
	$(MANAGE) compile_translations
	$(BIN)/pytest --numprocesses $(PYTEST_WORKERS) $(PYTEST_ARGS)

## Many more generated inputs than `make test` tries, new ones each run (tests/fuzz).
fuzz: install
	$(MANAGE) compile_translations
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest tests/fuzz -n 2 $(PYTEST_ARGS)

## Benchmarks on this machine (docs/performance.md): about 30 minutes on a quiet machine.
## BENCH_ARGS="--seconds 5 --mixed-seconds 30" for a quick try; needs wrk, PostgreSQL, Redis.
.PHONY: bench
bench: install
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/bench.txt -c constraints.txt
	$(BIN)/python scripts/benchmark/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
