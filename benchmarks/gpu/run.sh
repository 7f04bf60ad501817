#!/usr/bin/env bash
# run.sh DIR [--check-only]: on a GPU machine (the CUDA driver; g++; Python with numpy, and
# PyTorch with CUDA for the reference timings), over what prepare.sh wrote to
# DIR on the build machine. Needs neither tsc nor LibTorch 1.13:
#   1. builds tsc-cuda-kernel-run from its source (no CUDA headers needed);
#   2. runs each case's kernel, as the runtime launches it, and compares with
#      the interpreter's output computed on the build machine;
#   3. runs each case again under compute-sanitizer's memcheck, if present;
#   4. times the benchmark's kernels at their sizes and at large ones;
#   5. times TorchScript on the same GPU (torch_reference.py).
# --check-only stops after 3.
# Prints everything; exits non-zero if a kernel's output does not match.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(cd "$1" && pwd)
py=${PYTHON:-python3}
kr=$dir/tsc-cuda-kernel-run
failed=0

echo "== machine"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv
g++ -O2 -std=c++17 -I"$root/lib/Runtime" \
  "$root/tools/tsc-cuda-kernel-run/tsc-cuda-kernel-run.cpp" \
  "$root/lib/Runtime/CudaDriver.cpp" -ldl -o "$kr" || exit 1
"$kr" --probe || exit 1
ptxas=$(command -v ptxas || echo /usr/local/cuda/bin/ptxas)
if [ -x "$ptxas" ]; then
  echo "== registers ($("$ptxas" --version | tail -1))"
  for p in "$dir"/*.ptx; do
    arch=$(sed -n 's/^\.target //p' "$p")
    printf '%s (%s): ' "$(basename "$p" .ptx)" "$arch"
    "$ptxas" -v -arch="$arch" "$p" -o /dev/null 2>&1 | grep -o 'Used [0-9]* registers.*' || echo "ptxas failed"
  done
fi

# args PTX MODE A B: the kernel-run arguments of a case (elements A, or
# rows A of length B).
args() {
  if [ "$2" = elements ]; then echo "$dir/$1 __tsc_fusion_0 --elements $3"
  else echo "$dir/$1 __tsc_fusion_0 --rows $3 --row-length $4"; fi
}

echo "== results against the interpreter (LibTorch 1.13, CPU)"
while read -r name ptx mode a b rest; do
  if [ "$mode" = elements ]; then inputs=$b; expected=${rest%% *}
  else inputs=${rest%% *}; expected=${rest##* }; fi
  in=$(echo "$inputs" | sed "s|\([^,]*\)|$dir/\1|g")
  # The kernels have two versions: 128-bit accesses for aligned buffers,
  # one element at a time otherwise (--misalign).
  for flag in "" --misalign; do
    printf '%s%s: ' "$name" "${flag:+ $flag}"
    # shellcheck disable=SC2046
    if "$kr" $(args "$ptx" "$mode" "$a" "$b") --inputs "$in" \
        -o "$dir/$name.got.bin" $flag; then
      "$py" "$root/benchmarks/gpu/compare.py" "$dir/$name.got.bin" "$dir/$expected" || failed=1
    else
      failed=1
    fi
  done
  if command -v compute-sanitizer >/dev/null; then
    # shellcheck disable=SC2046
    compute-sanitizer --tool memcheck --error-exitcode 3 "$kr" \
      $(args "$ptx" "$mode" "$a" "$b") --inputs "$in" \
      -o "$dir/$name.san.bin" 2>&1 | tail -1 | sed 's/^/  memcheck: /'
    [ "${PIPESTATUS[0]}" = 0 ] || failed=1
  fi
done <"$dir/cases.txt"

[ "${2:-}" = --check-only ] && exit $failed

echo "== kernel times (tsc-cuda-kernel-run --repeat, CUDA events)"
"$py" - "$dir" <<'PY'
import numpy as np, sys
d = sys.argv[1]
rng = np.random.default_rng(0)
for n in [1 << 20, 1 << 26]:
    rng.standard_normal(n, dtype=np.float32).tofile("%s/big%d.bin" % (d, n))
for r in [1024, 65536]:
    rng.standard_normal(r * 1024, dtype=np.float32).tofile("%s/rows%d.bin" % (d, r))
PY
for n in 1048576 67108864; do
  for m in gelu_chain swish_chain; do
    for flag in "" --misalign; do
      printf '%s n=%s%s: ' "$m" "$n" "${flag:+ $flag}"
      "$kr" "$dir/$m.ptx" __tsc_fusion_0 --elements $n --inputs "$dir/big$n.bin" \
        -o "$dir/t.bin" --repeat 200 --rounds 7 $flag
    done
  done
done
for r in 1024 65536; do
  for flag in "" --misalign; do
    printf 'layernorm_chain %sx1024%s: ' "$r" "${flag:+ $flag}"
    "$kr" "$dir/layernorm_chain.ptx" __tsc_fusion_0 --rows $r --row-length 1024 \
      --inputs "$dir/rows$r.bin,$dir/layernorm_chain.in1.bin,$dir/layernorm_chain.in2.bin" \
      -o "$dir/t.bin" --repeat 200 --rounds 7 $flag
  done
done
rm -f "$dir"/big*.bin "$dir"/rows*.bin "$dir/t.bin"

echo "== TorchScript on the same GPU"
"$py" "$root/benchmarks/gpu/torch_reference.py" "$dir"
exit $failed
