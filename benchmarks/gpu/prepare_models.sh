#!/usr/bin/env bash
# prepare_models.sh DIR [MODEL...]: on the build machine, compiles the
# benchmark's models (make_models.py; default: all but resnet18, whose
# weights are 45 MB) for CUDA as shared libraries (tsc --target=cuda
# --emit=shared, PTX for ARCH, default sm_80), with their archives and
# inputs, and copies the header-only libraries tsc-run needs (CLI11,
# nlohmann/json) into DIR/include: run_models.sh then runs them on a GPU
# machine that has a CUDA LibTorch but neither tsc nor those headers.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$1
shift
models=("$@")
[ ${#models[@]} -gt 0 ] || models=(mycell gru_loop lstm mlp_b1 mlp_b256
  gelu_chain layernorm_chain swish_chain control_flow mobilenet_v2
  transformer_layer)
tsc=${TSC:-$root/build/bin/tsc}
mkdir -p "$dir/include"
/usr/bin/python3 "$root/benchmarks/make_models.py" "$dir" "${models[@]}"
for m in "${models[@]}"; do
  "$tsc" "$dir/$m.pt" --target=cuda --cuda-arch="${ARCH:-sm_80}" --emit=shared -o "$dir/$m.cuda.so"
done
cp -r /usr/include/CLI /usr/include/nlohmann "$dir/include/"
printf '%s\n' "${models[@]}" >"$dir/models.txt"
echo "prepared ${#models[@]} models in $dir"
