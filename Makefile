# ToKt: every task a newcomer or CI needs. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
VENDOR := static/vendor/designsystemet.css static/vendor/designsystemet-theme.css
export DJANGO_SETTINGS_MODULE := tokt.settings

.PHONY: run test bench lint audit-deps fmt messages check build clean system-packages

run: build ## install, migrate, load demo data, serve on 127.0.0.1:8000
	TOKT_DEMO_MODE=1 $(MANAGE) migrate --noinput -v 0
	TOKT_DEMO_MODE=1 $(MANAGE) load_knowledge
	TOKT_DEMO_MODE=1 $(MANAGE) load_directory
	TOKT_DEMO_MODE=1 $(MANAGE) load_demo_data
	TOKT_DEMO_MODE=1 $(MANAGE) directory_demo_confirm
	TOKT_DEMO_MODE=1 $(MANAGE) runserver 127.0.0.1:8000

test: system-packages build ## the whole suite: SQLite, PostgreSQL and real-browser tests
	scripts/test.sh

system-packages:
	scripts/ensure-system-packages.sh

bench: build ## benchmarks: print numbers and write bench/results/*.json
	scripts/bench.sh

lint: build ## ruff (style, complexity, security), ruff format, mypy, djLint; offline
	$(VENV)/bin/ruff check tokt tests bench conftest.py
	$(VENV)/bin/ruff format --check tokt tests bench conftest.py
	$(VENV)/bin/mypy
	$(VENV)/bin/djlint --lint templates tokt
	@if [ -n "$$TOKT_AUDIT_DEPS" ]; then $(MAKE) --no-print-directory audit-deps; \
	else echo "lint: skipped the dependency audit (needs network): run make audit-deps, or set TOKT_AUDIT_DEPS=1"; fi

# Known vulnerabilities in the locked dependencies (asks the PyPI advisory
# database, so it needs network; CI on a connected machine runs it).
audit-deps: $(VENV)/.installed
	$(VENV)/bin/pip-audit --strict --disable-pip --require-hashes -r requirements/dev.lock

fmt: build
	$(VENV)/bin/ruff format tokt tests bench conftest.py

messages: $(VENV)/.installed ## extract translatable strings into locale/en
	$(MANAGE) makemessages -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var

check: build
	TOKT_ENV=production TOKT_SECRET_KEY=$$($(PY) -c "import secrets;print(secrets.token_urlsafe(64))") TOKT_ALLOWED_HOSTS=tokt.example.org $(MANAGE) check --deploy --fail-level WARNING

build: $(VENV)/.installed $(VENDOR) locale/en/LC_MESSAGES/django.mo

$(VENV)/.installed: requirements/dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	touch $@

# npm ci only when node_modules lacks a locked package (it deletes node_modules first).
node_modules/.installed: package.json package-lock.json
	$(PYTHON) scripts/node-modules-match-lock.py || npm ci --no-audit --no-fund --silent
	touch $@

static/vendor/designsystemet.css: node_modules/.installed
	mkdir -p static/vendor
	cmp -s node_modules/@digdir/designsystemet-css/dist/src/index.css $@ || cp node_modules/@digdir/designsystemet-css/dist/src/index.css $@
	touch $@

static/vendor/designsystemet-theme.css: node_modules/.installed
	mkdir -p static/vendor
	cmp -s node_modules/@digdir/designsystemet-css/dist/theme/designsystemet.css $@ || cp node_modules/@digdir/designsystemet-css/dist/theme/designsystemet.css $@
	touch $@

locale/en/LC_MESSAGES/django.mo: locale/en/LC_MESSAGES/django.po $(VENV)/.installed
	$(MANAGE) compilemessages -v 0 --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules static/vendor var
