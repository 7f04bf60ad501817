#!/usr/bin/env bash
# prepare.sh DIR [ARCH]: on the build machine, writes to DIR what run.sh
# needs on a GPU machine: the models' PTX (tsc --target=cuda, for ARCH,
# default sm_90), the kernels' inputs, the interpreter's outputs and
# cases.txt. DIR must lie inside the repository when the GPU machine only
# gets the working tree (the device tool): carry it there.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$1
arch=${2:-sm_90}
python=/usr/bin/python3
tsc=${TSC:-$root/build/bin/tsc}
mkdir -p "$dir"
$python "$root/benchmarks/make_models.py" "$dir" gelu_chain layernorm_chain swish_chain
$python "$root/test/e2e/Inputs/cuda_exec.py" models "$dir"
for m in ew softmax layernorm bcast gelu_chain layernorm_chain swish_chain; do
  "$tsc" "$dir/$m.pt" --target=cuda --cuda-arch="$arch" --emit=ptx -o "$dir/$m.ptx"
done
$python "$root/benchmarks/gpu/prepare.py" "$dir"
# What the cases hold again, in their own files.
rm -f "$dir"/*.inputs.pt "$dir/x.bin" "$dir/rows.bin"
echo "prepared $(wc -l <"$dir/cases.txt") cases in $dir for $arch"
