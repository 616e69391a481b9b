#!/usr/bin/env bash
# Screenshots of the bundled workflows open in the n8n editor (docs/images/workflow-<name>.png):
# installs the dependencies where missing, builds the pack, makes sure the pinned n8n
# (scripts/install-n8n.sh, several minutes the first time) and Debian's Chromium
# (scripts/install-chromium.sh) are there, then runs scripts/screenshots.js, which boots the
# demo's stack on free ports and photographs each workflow. Arguments (workflow names) are passed on.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ ! -d node_modules/playwright-core ]; then
  echo "[screenshots] npm install (from package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
fi
echo "[screenshots] npm run build"
npm run build
bash scripts/install-n8n.sh > /dev/null
CHROMIUM="$(bash scripts/install-chromium.sh | sed -n 's/^CHROMIUM=//p')"
export CHROMIUM
exec node scripts/screenshots.js "$@"
