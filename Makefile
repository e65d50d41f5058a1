# ToKt: every task a newcomer or CI needs. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
VENDOR := static/vendor/designsystemet.css static/vendor/designsystemet-theme.css static/vendor/htmx.min.js
export DJANGO_SETTINGS_MODULE := tokt.settings

.PHONY: run test bench lint fmt messages check build clean system-packages

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

lint: build
	$(VENV)/bin/ruff check tokt tests bench
	$(VENV)/bin/ruff format --check tokt tests bench

fmt: build
	$(VENV)/bin/ruff format tokt tests bench

messages: $(VENV)/.installed ## extract translatable strings into locale/en
	$(MANAGE) makemessages -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var

check: build
	TOKT_ENV=production TOKT_SECRET_KEY=$$($(PY) -c "import secrets;print(secrets.token_urlsafe(64))") TOKT_ALLOWED_HOSTS=tokt.example.org $(MANAGE) check --deploy --fail-level WARNING

build: $(VENV)/.installed $(VENDOR) locale/en/LC_MESSAGES/django.mo

$(VENV)/.installed: requirements/dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

static/vendor/designsystemet.css: node_modules/.installed
	mkdir -p static/vendor
	cp node_modules/@digdir/designsystemet-css/dist/src/index.css $@

static/vendor/designsystemet-theme.css: node_modules/.installed
	mkdir -p static/vendor
	cp node_modules/@digdir/designsystemet-css/dist/theme/designsystemet.css $@

static/vendor/htmx.min.js: node_modules/.installed
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js $@

locale/en/LC_MESSAGES/django.mo: locale/en/LC_MESSAGES/django.po $(VENV)/.installed
	$(MANAGE) compilemessages -v 0 --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules static/vendor var
