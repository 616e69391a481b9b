#!/usr/bin/env bash
# Screenshots of the bundled workflows open in the n8n editor (docs/images/workflow-<name>.png):
# installs the dependencies where missing, builds the pack, makes sure the pinned n8n
# (scripts/install-n8n.sh, several minutes the first time) and Debian's Chromium
# (scripts/install-chromium.sh) are there, then runs scripts/screenshots.js, which boots the
# demo's stack on free ports and photographs each workflow. Arguments (workflow names) are passed on.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ ! -d node_modules/playwright-core ]; then
  echo "[screenshots] npm ci (exactly package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "[screenshots] npm run build"
# @n8n/node-cli draws spinners; without a terminal print plain lines instead.
if [ -t 1 ]; then npm run build; else CI=true NO_COLOR=1 npm run build; fi
bash scripts/install-n8n.sh > /dev/null
CHROMIUM="$(bash scripts/install-chromium.sh | sed -n 's/^CHROMIUM=//p')"
export CHROMIUM
exec node scripts/screenshots.js "$@"
