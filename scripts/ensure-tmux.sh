#!/usr/bin/env bash
# Installs tmux when it is missing: the end-to-end tests (Tests/EndToEndTests)
# drive optiscope inside tmux. Quiet and non-interactive, for CI.
set -euo pipefail

if command -v tmux > /dev/null 2>&1; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq > /dev/null
$sudo apt-get install -y -qq --no-install-recommends tmux > /dev/null
tmux -V
