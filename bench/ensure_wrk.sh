#!/usr/bin/env bash
# Install Debian's wrk (the load generator of `make bench`) when it is missing and we may:
# as root, or through sudo without a password. Never downloads it any other way.
set -u
command -v wrk >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "wrk is missing; install it with: apt-get install wrk" >&2
  exit 1
fi
if command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's wrk package ..."
  export DEBIAN_FRONTEND=noninteractive
  ($SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 ||
    { $SUDO apt-get update -qq >/dev/null 2>&1 &&
      $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1; }) ||
    echo "apt-get could not install wrk" >&2
fi
command -v wrk >/dev/null 2>&1
