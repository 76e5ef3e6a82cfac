# Two commands do all the set-up on a fresh machine:
#   make run   - install, migrate the SQLite database in instance/, load demo data, serve app + worker +
#                customs service-platform simulator (SIMULATOR_PORT, default 5100)
#   make test  - install, lint, the whole suite on SQLite, then on PostgreSQL if TEST_DATABASE_URL
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
CHROMIUM := /usr/lib/chromium/chromium
export FLASK_APP := wsgi

.PHONY: run test install install-test translations extract-messages migrate lint browser-deps worker bench bench-reservations bench-search clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e . --config-settings editable_mode=compat
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]' --config-settings editable_mode=compat
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

translations: install
	$(BIN)/pybabel -q compile -d translations

extract-messages: install
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k _nl:1,2 --no-location --sort-output \
		-o translations/messages.pot .
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching

migrate: install translations
	$(BIN)/flask db upgrade

run: migrate
	$(BIN)/flask customs dev-key  # development signing certificate + callback secret in instance/customs-dev/
	$(BIN)/flask demo load
	@$(BIN)/flask search check >/dev/null 2>&1 || $(BIN)/flask search reindex  # missing or outdated index
	PORT=$(PORT) scripts/serve.sh

worker: migrate
	$(BIN)/flask worker

browser-deps:
	@if [ ! -x $(CHROMIUM) ] || ! command -v pdftotext >/dev/null 2>&1; then \
		if command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian chromium, fonts and poppler-utils for the browser and PDF tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				chromium fonts-noto-cjk fonts-noto-core poppler-utils >/dev/null; \
		else \
			echo "chromium or pdftotext is missing and apt-get is not available" >&2; exit 1; \
		fi; \
	fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test translations browser-deps lint
	@echo "== the whole suite on SQLite"
	env -u TEST_DATABASE_URL $(BIN)/pytest -p no:cacheprovider
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the whole suite again on PostgreSQL ($$TEST_DATABASE_URL)"; \
		$(BIN)/pytest -p no:cacheprovider; \
	else \
		echo "TEST_DATABASE_URL is not set: PostgreSQL pass not run"; \
	fi

bench: install-test translations
	$(BIN)/python bench/outbox_drain.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/documents.py

bench-reservations: install-test translations  # ~30 s: 50 concurrent buyers, 100 units, PostgreSQL
	$(BIN)/python bench/reservations.py

bench-search: install-test translations  # ~12 min: 100,000 listings on Whoosh, PostgreSQL and SQLite FTS5
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) instance/marketplace.sqlite3* translations/*/LC_MESSAGES/*.mo
