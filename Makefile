# The README's commands. Everything runs inside .venv, which these targets create.
# Debian's CPython 3.11 when it is there with its venv module: it is built with profile-guided
# and link-time optimisation, and a page costs it about 8% less CPU than the plain source
# build that comes first on PATH on our machines (pyenv's), measured with bench/serve.
# Otherwise the first python3 on PATH. Switching interpreters needs a new venv (make clean).
PYTHON ?= $(shell /usr/bin/python3.11 -c 'import ensurepip, sys; print(sys.executable)' 2>/dev/null || echo python3)
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test install install-dev lint audit lock clean

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

install: $(VENV)/.base-installed
install-dev: $(VENV)/.dev-installed

run: install
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) compile_catalogues
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} $(MANAGE) load_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin at http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Known vulnerabilities in the locked packages (pip-audit; see tools/audit_dependencies.py).
audit: install-dev
	$(BIN)/python tools/audit_dependencies.py

test: lint audit
	$(MANAGE) compile_catalogues
	$(BIN)/pytest $(PYTEST_ARGS)

# Regenerate the lock files from pyproject.toml (needs the network to PyPI).
lock:
	$(PYTHON) -m venv /tmp/meridian-lock && /tmp/meridian-lock/bin/pip install --quiet uv==0.13.8
	/tmp/meridian-lock/bin/uv pip compile pyproject.toml --python-version 3.11 --no-header -q -o requirements/base.txt
	/tmp/meridian-lock/bin/uv pip compile pyproject.toml --group dev --python-version 3.11 --no-header -q -o requirements/dev.txt

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
