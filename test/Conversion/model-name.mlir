// RUN: not tsc-opt %s -tsc-convert-ts-to-llvm=model-name=1bad 2>&1 | FileCheck %s
// CHECK: model name '1bad' is not a C identifier
func.func @forward(%x: i64 {ts.name = "x"}) -> i64 {
  return %x : i64
}
