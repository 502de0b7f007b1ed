#!/usr/bin/env bash
# Installs Debian's Chromium for the explorer's browser tests (tests/explorer), which drive it with playwright-core.
# Never downloads a browser from elsewhere (no `npx playwright install`). Safe to run more than once.
set -euo pipefail
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then
    echo "chromium is already installed: $("$candidate" --version 2>/dev/null || echo "$candidate")"
    exit 0
  fi
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium
echo "installed chromium: $(chromium --version 2>/dev/null || echo chromium)"
