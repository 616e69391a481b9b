#!/usr/bin/env bash
# Runs the pre-publish part of n8n's community-package scan on this repository and its packed
# tarball (scripts/scan-package.mjs). The scanner is installed once, pinned, into
# $N8N_HOME/scan-community-package-<version> (install scripts off: one of its dependencies'
# install script only checks for pnpm). Needs `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/.."

SCAN_VERSION="${SCAN_VERSION:-0.32.0}"
N8N_HOME="${N8N_HOME:-$HOME/.cache/n8n-nodes-highlevel-shipping}"
scan_dir="$N8N_HOME/scan-community-package-$SCAN_VERSION"
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

if [ ! -f "$scan_dir/.done" ]; then
  echo "[scan-package] installing @n8n/scan-community-package@$SCAN_VERSION" >&2
  mkdir -p "$scan_dir"
  ( cd "$scan_dir" && { [ -f package.json ] || npm init -y >/dev/null; } )
  ( cd "$scan_dir" && npm install "@n8n/scan-community-package@$SCAN_VERSION" --no-save --ignore-scripts --loglevel=error >&2 )
  touch "$scan_dir/.done"
fi

packed="$(mktemp -d)"
trap 'rm -rf "$packed"' EXIT
tarball="$(npm pack --ignore-scripts --loglevel=error --pack-destination "$packed" | tail -1)"
tar -xzf "$packed/$tarball" -C "$packed"
node scripts/scan-package.mjs "$scan_dir" "$packed/package"
