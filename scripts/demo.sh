#!/usr/bin/env bash
# Local demo: installs the dependencies (first run), builds the pack, then starts n8n (pinned,
# installed by scripts/install-n8n.sh on first use, several minutes) with the pack, the bundled
# workflows and the HighLevel/Shippo stand-ins on 127.0.0.1. See scripts/demo.js. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "[demo] npm install (from package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
fi
echo "[demo] npm run build"
npm run build
exec node scripts/demo.js "$@"
