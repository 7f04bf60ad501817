#!/usr/bin/env bash
# Installs the Debian packages tsc needs to build and test. Idempotent: when
# every package is already installed it returns without touching apt.
set -euo pipefail

PACKAGES=(
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools
  libtorch-dev python3-torch python3-torchvision
  libcli11-dev nlohmann-json3-dev libopenblas0-pthread liblsan0
  ninja-build cmake g++
)
# The headers of the oneDNN and ideep that LibTorch 1.13 is built on: with
# them the runtime applies convolution post-ops in oneDNN; without, it runs
# those operators one after the other (and the tests expect that).
OPTIONAL=(libdnnl-dev libideep-dev)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
optional=()
for p in "${OPTIONAL[@]}"; do
  installed "$p" || optional+=("$p")
done

if [ "${#missing[@]}" -eq 0 ] && [ "${#optional[@]}" -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || [ "${#missing[@]}" -eq 0 ]
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "${#optional[@]}" -gt 0 ]; then
  echo "setup: installing ${optional[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${optional[@]}" ||
    echo "setup: warning: ${optional[*]} not installed; convolutions will run their post-ops separately"
fi
