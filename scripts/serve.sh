#!/usr/bin/env bash
# Installs Tirkeu into .venv and runs it on http://127.0.0.1:5000 with the embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet -e .
.venv/bin/flask --app webapp translate compile
exec .venv/bin/flask --app webapp run --host 127.0.0.1 --port "${PORT:-5000}"
