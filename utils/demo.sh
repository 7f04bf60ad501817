#!/usr/bin/env bash
# Sets up and builds tsc, compiles the bundled MyCell model to an object
# file, links it into a small C++ program and runs it next to LibTorch's
# TorchScript interpreter.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TSC_BUILD_DIR:-$ROOT/build}"
bash "$ROOT/utils/setup.sh"
bash "$ROOT/utils/build.sh"
OUT="$BUILD/demo"
mkdir -p "$OUT"
set -x
/usr/bin/python3 "$ROOT/examples/mycell/make_model.py" "$OUT/mycell.pt"
"$BUILD/bin/tsc" "$OUT/mycell.pt" -o "$OUT/mycell.o" --name mycell
c++ -std=c++17 -O1 -I"$ROOT/include" -I"$OUT" \
  -isystem /usr/include/torch/csrc/api/include \
  "$ROOT/examples/mycell/main.cpp" "$OUT/mycell.o" \
  -L"$BUILD/lib" -ltsc_runtime -Wl,-rpath,"$BUILD/lib" \
  -ltorch -ltorch_cpu -lc10 -o "$OUT/mycell_demo"
"$OUT/mycell_demo" "$OUT/mycell.pt"
