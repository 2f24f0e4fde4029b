#!/usr/bin/env bash
# Installs Debian's PostgreSQL server, which the tests start as a throwaway process
# (packages/testkit/src/postgres.ts runs /usr/lib/postgresql/<version>/bin/initdb and postgres).
# Safe to run again: does nothing when a server is already installed.
set -euo pipefail

found=""
for bin in /usr/lib/postgresql/*/bin; do
  if [ -x "$bin/initdb" ] && [ -x "$bin/postgres" ]; then
    found="$bin"
  fi
done
if [ -n "$found" ]; then
  echo "postgres: present ($("$found/postgres" --version))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends postgresql

for bin in /usr/lib/postgresql/*/bin; do
  "$bin/postgres" --version
done
