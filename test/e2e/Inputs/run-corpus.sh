#!/usr/bin/env bash
# run-corpus.sh [-O N] DIR [NAME...]: compiles DIR/NAME.pt to a shared
# object (at -O N if given; names from stdin if none given), runs it
# on DIR/NAME.inputs.pt with tsc-run and compares every output with LibTorch's
# TorchScript interpreter on the same inputs (tsc-run --compare; tolerance
# rtol 1e-5, atol 1e-6). Each model is called twice on one loaded instance
# (module state carries over; a second call must still match). A
# DIR/NAME.tolerance file holds tsc-run options that replace the default
# tolerance for that model (corpus.py writes them, with its reasons). With
# TSC_LSAN_PRELOAD set (lit sets it), tsc-run runs under LeakSanitizer and a
# leak fails the model. Prints one line per model; exits 1 at the first
# model that does not compile, does not match or leaks.
set -uo pipefail
opt=()
if [ "${1:-}" = "-O" ]; then
  opt=(-O "$2")
  shift 2
fi
dir=$1
shift
names=("$@")
# No names: one per line on stdin.
[ ${#names[@]} -eq 0 ] && mapfile -t names
for name in "${names[@]}"; do
  tolerance=()
  [ -f "$dir/$name.tolerance" ] && read -r -a tolerance < "$dir/$name.tolerance"
  if ! tsc "$dir/$name.pt" "${opt[@]}" --emit=shared -o "$dir/$name.so"; then
    echo "run-corpus: $name: compile failed" >&2
    exit 1
  fi
  if ! out=$(env ${TSC_LSAN_PRELOAD:+LD_PRELOAD="$TSC_LSAN_PRELOAD"} \
      LSAN_OPTIONS=exitcode=23 tsc-run "$dir/$name.so" \
      --inputs "$dir/$name.inputs.pt" \
      --compare "$dir/$name.pt" --calls 2 "${tolerance[@]}" 2>&1); then
    echo "$out" >&2
    echo "run-corpus: $name: failed, does not match the interpreter or leaks (above)" >&2
    exit 1
  fi
  echo "$name: $(echo "$out" | tail -n 1)"
done
