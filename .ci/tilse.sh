#!/usr/bin/env bash
# Install the reference evaluation toolkit tilse in its own virtual environment.
# Idempotent: does nothing that is already done. Prints the interpreter path on stdout
# (the last line), which .ci/run exports as NEWSLINE_TILSE_PYTHON.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${NEWSLINE_TILSE_VENV:-$root/.venv-tilse}"

# ROUGE-1.5.5.pl (bundled with tilse) needs Perl's XML::Parser.
if ! perl -MXML::Parser -e 1 >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq libxml-parser-perl >&2
fi

if ! "$venv/bin/python" -c "import tilse" >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip >&2
    "$venv/bin/pip" install -q "tilse==0.2.1" >&2
fi

echo "$venv/bin/python"
