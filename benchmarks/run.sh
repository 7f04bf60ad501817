#!/usr/bin/env bash
# benchmarks/run.sh [OUT] [-- tsc-bench options]: builds tsc and tsc-bench,
# writes the benchmark models to OUT (default build/bench), compiles each
# with tsc --mcpu=native and the example inputs' --input-shape (wall time and peak memory of the compiler, from
# /usr/bin/time; the fusion kernels are vectorized for the CPU tsc targets,
# while ATen picks its kernels' ISA at run time), measures the peak memory
# of each loaded model on each side (a process each), then runs tsc-bench
# over all of them. Prints Markdown tables: the figures of
# docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/build/bench}"
shift || true
[ "${1:-}" = "--" ] && shift
bash "$ROOT/utils/build.sh" >/dev/null
ninja -C "$ROOT/build" tsc-bench >/dev/null
mkdir -p "$OUT"
/usr/bin/python3 "$ROOT/benchmarks/make_models.py" "$OUT" 2>/dev/null
MODELS="mycell gru_loop lstm mlp_b1 mlp_b256 gelu_chain layernorm_chain swish_chain control_flow resnet18 mobilenet_v2 transformer_layer"
echo "| model | tsc compile s | tsc peak MB |"
echo "|---|---|---|"
for m in $MODELS; do
  /usr/bin/time -f "%e %M" -o "$OUT/$m.time" \
    "$ROOT/build/bin/tsc" "$OUT/$m.pt" $(cat "$OUT/$m.shapes") \
    --emit=shared --mcpu=native -o "$OUT/$m.so"
  read -r secs kb < "$OUT/$m.time"
  echo "| $m | $secs | $((kb / 1024)) |"
done
# The objects were just written: their pages are dirty in the page cache,
# which the kernel cannot reclaim when the runtime hands back a packed
# weight's original pages. Write them out first, as a deployed model's
# would be.
sync
echo
echo "| model | peak RSS compiled MB | peak RSS interpreter MB |"
echo "|---|---|---|"
for m in $MODELS; do
  c=$("$ROOT/build/bin/tsc-bench" "$OUT" --models "$m" --rss compiled)
  i=$("$ROOT/build/bin/tsc-bench" "$OUT" --models "$m" --rss interpreter)
  echo "| $m | $c | $i |"
done
echo
"$ROOT/build/bin/tsc-bench" "$OUT" --models "${MODELS// /,}" "$@"
