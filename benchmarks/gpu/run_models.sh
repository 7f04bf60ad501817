#!/usr/bin/env bash
# run_models.sh DIR: on a GPU machine, after prepare_models.sh DIR on the
# build machine: builds the runtime against the CUDA LibTorch there
# (build_runtime.sh), then for each model runs the compiled shared library
# with tsc-run on CUDA copies of its inputs (three calls on one instance)
# and compares the outputs with TorchScript's on the same GPU (models.py);
# then times both, each call waited for (median of 50). Prints which calls
# ran a tsc GPU kernel (TSC_TRACE_FUSION). Exits non-zero on a mismatch.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(cd "$1" && pwd)
py=${PYTHON:-python3}
bash "$root/benchmarks/gpu/build_runtime.sh" "$dir" || exit 1
run=$dir/rt/tsc-run
failed=0
while read -r m; do
  "$py" "$root/benchmarks/gpu/models.py" "$dir" "$m" inputs || { failed=1; continue; }
  if ! TSC_TRACE_FUSION=1 "$run" "$dir/$m.cuda.so" --name "$m" \
      --inputs "$dir/$m.cuda_inputs.pt" --output "$dir/$m.out.pt" --calls 3 \
      >"$dir/$m.log" 2>&1; then
    echo "$m: tsc-run failed:"; tail -5 "$dir/$m.log" | sed 's/^/  /'
    failed=1
    continue
  fi
  kernels=$(grep -c "tsc: fusion: kernel" "$dir/$m.log")
  ms=$("$run" "$dir/$m.cuda.so" --name "$m" --inputs "$dir/$m.cuda_inputs.pt" \
    --repeat 50 | sed -n 's/^compiled: median \([^ ]*\) ms.*/\1/p')
  "$py" "$root/benchmarks/gpu/models.py" "$dir" "$m" compare "$kernels" "$ms" || failed=1
done <"$dir/models.txt"
exit $failed
