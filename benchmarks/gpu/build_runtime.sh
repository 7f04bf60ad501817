#!/usr/bin/env bash
# build_runtime.sh DIR: on a GPU machine, builds tsc's runtime
# (libtsc_runtime.so) and tsc-run into DIR/rt against the CUDA LibTorch of
# the Python there (PyTorch's wheel: its headers and libraries). The models
# compiled on the build machine call the runtime through its C ABI
# (tsc_runtime.h), so they load with this build; the runtime's C++ side
# builds against LibTorch 1.13 and 2.x alike (see Allocator.cpp).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$1
py=${PYTHON:-python3}
T=$($py -c "import torch, os; print(os.path.dirname(torch.__file__))")
ABI=$($py -c "import torch; print(int(torch.compiled_with_cxx11_abi()))")
echo "LibTorch $($py -c 'import torch; print(torch.__version__)') at $T"
out=$dir/rt
mkdir -p "$out"
flags=(-std=c++17 -O2 -fPIC -fexceptions -fopenmp -w
  -D_GLIBCXX_USE_CXX11_ABI="$ABI" -I"$root/include" -I"$root/lib/Runtime"
  -I"$dir/include" -isystem "$T/include"
  -isystem "$T/include/torch/csrc/api/include")
pids=()
for f in "$root"/lib/Runtime/*.cpp; do
  g++ "${flags[@]}" -fvisibility=hidden -c "$f" -o "$out/rt_$(basename "$f" .cpp).o" &
  pids+=($!)
done
for f in "$root"/tools/tsc-run/*.cpp; do
  g++ "${flags[@]}" -c "$f" -o "$out/run_$(basename "$f" .cpp).o" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || exit 1; done
# libtorch_cuda has no symbol the runtime names: --no-as-needed keeps it,
# so that its CUDA operators are registered.
libs=(-L"$T/lib" -Wl,-rpath,"$T/lib" -Wl,--no-as-needed -ltorch -ltorch_cuda
  -ltorch_cpu -lc10_cuda -lc10 -Wl,--as-needed -ldl)
g++ -shared -fopenmp -o "$out/libtsc_runtime.so" "$out"/rt_*.o "${libs[@]}" || exit 1
g++ -fopenmp -o "$out/tsc-run" "$out"/run_*.o -L"$out" -Wl,-rpath,"$out" \
  -ltsc_runtime "${libs[@]}" || exit 1
echo "built $out/libtsc_runtime.so and $out/tsc-run"
