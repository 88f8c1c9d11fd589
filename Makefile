# The README's commands. Everything runs inside .venv, which these targets create.
# Debian's CPython 3.11 when it is there with its venv module: it is built with profile-guided
# and link-time optimisation, and a page costs it about 8% less CPU than the plain source
# build that comes first on PATH on our machines (pyenv's), measured with bench/serve.
# Otherwise the first python3 on PATH. Switching interpreters needs a new venv (make clean).
PYTHON ?= $(shell /usr/bin/python3.11 -c 'import ensurepip, sys; print(sys.executable)' 2>/dev/null || echo python3)
PORT ?= 8000
# The suite on every core (pytest-xdist); `make test PYTEST_ARGS=tests/test_pages.py` runs
# one file alone.
PYTEST_ARGS ?= -n auto --dist worksteal
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: help run test install install-dev lint format audit lock clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check pip==25.3

# Stamps re-run the install whenever a lock file changes.
$(VENV)/.base-installed: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@ $(VENV)/.base-installed

install: $(VENV)/.base-installed  ## Create .venv with the site's locked dependencies
install-dev: $(VENV)/.dev-installed  ## The same, with the test and lint tools

# Admin e-mails link to the address the site is served on, whatever PORT is.
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: install  ## Start the site with demo content on SQLite (PORT=8000)
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) compile_catalogues
	$(MANAGE) load_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin at http://127.0.0.1:$(PORT)/admin/)"
	@# The task worker (renditions, Wagtail's index and purges) lives as long as the server.
	$(MANAGE) db_worker --no-startup-delay & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-dev  ## ruff, ruff format, djhtml and the apps' layering, checking only
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	$(BIN)/lint-imports --no-cache

format: install-dev  ## Fix what lint finds that a tool can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

# Known vulnerabilities in the locked packages (pip-audit; see scripts/audit_dependencies.py).
audit: install-dev  ## Known vulnerabilities in the locked packages
	$(BIN)/python scripts/audit_dependencies.py

test: lint audit  ## The whole suite, lint and audit included
	$(MANAGE) compile_catalogues
	$(BIN)/pytest $(PYTEST_ARGS)

# Regenerate the lock files from pyproject.toml (needs the network to PyPI).
lock:  ## Regenerate requirements/*.txt from pyproject.toml
	$(PYTHON) -m venv /tmp/meridian-lock && /tmp/meridian-lock/bin/pip install --quiet uv==0.13.8
	/tmp/meridian-lock/bin/uv pip compile pyproject.toml --python-version 3.11 --no-header -q -o requirements/base.txt
	/tmp/meridian-lock/bin/uv pip compile pyproject.toml --group dev --python-version 3.11 --no-header -q -o requirements/dev.txt

clean:  ## Remove .venv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 media staticfiles
