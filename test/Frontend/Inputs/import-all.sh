#!/usr/bin/env bash
# import-all.sh DIR: imports every archive DIR/<name>.pt with tsc, checks
# that the ts dialect it writes parses back and verifies in tsc-opt
# (-verify-roundtrip), and leaves DIR/<name>.mlir with large tensor constants
# elided, for FileCheck.
set -euo pipefail
dir=$1
for pt in "$dir"/*.pt; do
  case $pt in *.inputs.pt) continue ;; esac
  base=${pt%.pt}
  if ! tsc "$pt" --emit=ts -o "$base.full.mlir"; then
    echo "import-all: import failed: $pt" >&2
    exit 1
  fi
  if ! tsc-opt "$base.full.mlir" -verify-roundtrip \
      --mlir-elide-elementsattrs-if-larger=16 -o "$base.mlir"; then
    echo "import-all: round trip failed: $pt" >&2
    exit 1
  fi
  rm "$base.full.mlir"
done
