#!/usr/bin/env bash
# Sets up, builds and runs every test (ctest runs the lit suite; its summary
# is the last thing printed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TSC_BUILD_DIR:-$ROOT/build}"
bash "$ROOT/utils/setup.sh"
bash "$ROOT/utils/build.sh"
cd "$BUILD"
ctest --output-on-failure
