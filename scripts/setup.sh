#!/usr/bin/env bash
# Installs every system-level thing the test suites need: Debian packages, the Kafka broker jars
# from Maven Central, and the Helm tooling. Safe to run again; each step skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."
for step in postgres kafka chromium helm; do
  echo "setup: $step"
  bash "scripts/setup/$step.sh"
done
