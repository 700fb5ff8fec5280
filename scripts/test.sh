#!/usr/bin/env bash
# Run tocsin's whole test suite on a fresh machine: system packages the tests run
# for real (PostgreSQL), a local virtual environment, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pkgs+=(postgresql)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"
  else
    echo "tests need Debian packages: ${need_pkgs[*]} (apt-get install ${need_pkgs[*]})" >&2
    exit 2
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements.txt
.venv/bin/python -m pip install -q --no-deps -e .
exec .venv/bin/python -m pytest "$@"
