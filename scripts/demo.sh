#!/usr/bin/env bash
# Local demo: installs the dependencies (first run), builds the pack, then starts n8n (pinned,
# installed by scripts/install-n8n.sh on first use, several minutes) with the pack, the bundled
# workflows and the HighLevel/Shippo stand-ins on 127.0.0.1. See scripts/demo.js. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "[demo] npm ci (exactly package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "[demo] npm run build"
# @n8n/node-cli draws spinners; without a terminal print plain lines instead.
if [ -t 1 ]; then npm run build; else CI=true NO_COLOR=1 npm run build; fi
exec node scripts/demo.js "$@"
