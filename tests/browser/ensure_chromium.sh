#!/usr/bin/env bash
# Install Debian's Chromium when it is missing and we may (root, apt-get present).
# Never downloads a browser any other way; Playwright only drives this one.
set -u
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium package ..."
  (apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; }) ||
    echo "apt-get could not install chromium"
fi
[ -x "$CHROMIUM" ]
