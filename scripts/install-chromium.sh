#!/usr/bin/env bash
# Installs Debian's Chromium (for `npm run screenshots`, which drives it through playwright-core)
# where it is missing, and prints where it is:
#   CHROMIUM=<path of chromium>
# Playwright never downloads a browser of its own here: the chromium package comes from Debian
# (apt-get, as root or through sudo).
set -euo pipefail
log() { echo "[install-chromium] $*" >&2; }

chromium=""
if [ -x /usr/bin/chromium ]; then chromium=/usr/bin/chromium; fi
if [ -z "$chromium" ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo > /dev/null; then sudo="sudo -n"; else log "chromium is missing and this user cannot run apt-get"; exit 1; fi
  fi
  log "installing chromium (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2 || log "apt-get update failed; trying the install anyway"
  $sudo apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
  chromium=/usr/bin/chromium
fi
[ -x "$chromium" ] || { log "chromium not found after install"; exit 1; }
echo "CHROMIUM=$chromium"
