#!/usr/bin/env bash
# Builds tsc with AddressSanitizer in build-asan/ and compiles every fixture
# of the frontend's corpus with it (import, -tsc-freeze, lowering, object
# emission). Prints the fixtures ASan reports and exits 1 if any.
#
# LLVM's allocators poison memory from inline header code compiled with
# ASan while Debian's libMLIR is not instrumented; allow_user_poisoning=0
# turns off those manual annotations (and their false reports) and keeps
# every other check. Leak checking is off: LLVM and LibTorch keep
# process-lifetime singletons.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TSC_ASAN_BUILD_DIR:-$ROOT/build-asan}"
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=address -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address"
fi
ninja -C "$BUILD" tsc tsc-opt
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
/usr/bin/python3 "$ROOT/test/Frontend/Inputs/corpus.py" "$WORK" 2>/dev/null
export ASAN_OPTIONS=detect_leaks=0:allow_user_poisoning=0
failed=0
count=0
for pt in "$WORK"/*.pt; do
  case $pt in *.inputs.pt) continue ;; esac
  count=$((count + 1))
  if ! "$BUILD/bin/tsc" "$pt" -o "$WORK/out.o" >"$WORK/log" 2>&1 &&
      grep -q AddressSanitizer "$WORK/log"; then
    echo "ASan: $(basename "$pt")"
    grep -m 5 "ERROR\|#[0-9] " "$WORK/log"
    failed=$((failed + 1))
  fi
done
echo "$count fixtures compiled under ASan, $failed reported"
[ "$failed" -eq 0 ]
