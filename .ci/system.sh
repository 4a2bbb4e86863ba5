#!/usr/bin/env bash
# System packages newsline's tests need (Debian). Idempotent; quiet when present.
set -euo pipefail
need=()
command -v perl >/dev/null || need+=(perl)
perl -MXML::Parser -e1 2>/dev/null || need+=(libxml-parser-perl)
[ -x /usr/bin/chromium ] || need+=(chromium)  # the web app's browser tests (Playwright)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
