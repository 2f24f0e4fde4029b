#!/usr/bin/env bash
# Installs Debian's Chromium, which the browser tests drive through playwright-core at
# /usr/bin/chromium. Playwright's own browser download is never used. Safe to run again.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core

/usr/bin/chromium --version
