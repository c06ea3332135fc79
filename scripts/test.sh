#!/usr/bin/env bash
# Installs everything the tests need and runs every test:
#   Debian's chromium, poppler-utils, nginx (with brotli), redis-server, openssl and Node.js; the Python test extras
#   (ruff among them); npm's axe-core and ESLint.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
packages="chromium poppler-utils fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 nginx libnginx-mod-http-brotli-filter redis-server openssl"
# Node.js may already come from another packaging that bundles npm; Debian's npm would conflict.
command -v npm >/dev/null || packages="$packages nodejs npm"
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null

python3 -m venv .venv
.venv/bin/pip install --quiet -e '.[test]'
npm install --no-audit --no-fund --loglevel=error

.venv/bin/flask --app webapp translate compile
# The linters first, and any finding fails the run: ruff on the Python code's style and complexity
# (pyproject.toml [tool.ruff]); ESLint on the phone's JavaScript, the node tests and the service
# worker as the app serves it (eslint.config.js).
.venv/bin/ruff check .
.venv/bin/python -c 'import pathlib, webapp; pathlib.Path("build").mkdir(exist_ok=True); pathlib.Path("build/sw.js").write_bytes(webapp.create_app({"TESTING": True}).test_client().get("/sw.js").data)'
npx eslint .
# The tests see only the fonts a clean Debian has with the packages above (fonts-dejavu-core), not
# any this machine has had installed by hand: pytest, WeasyPrint and Chromium read fontconfig's
# configuration from FONTCONFIG_FILE (tests/fonts/debian-default.conf). The documents use only the
# fonts Tirkeu ships whatever the server has (webapp/documents/render.py).
export FONTCONFIG_FILE="$PWD/tests/fonts/debian-default.conf"
# pytest exits 5 when it collects no tests: that is a failure here, as is any other non-zero code.
.venv/bin/python -m pytest "$@"
# The browser's evaluator against the same vectors, on the rule data the app serves; and the
# phone's modules against Python's own outputs for the vectors and 10 000 seeded random cases.
.venv/bin/flask --app webapp rules export build/rules.json
.venv/bin/flask --app webapp golden write build/golden
node --test tests/js/
# The same tests on the modules as the app serves them (without their comment-only lines).
.venv/bin/python -m tests.served_files build/served
TIRKEU_SERVED=build/served node --import ./tests/js/served.mjs --test tests/js/
