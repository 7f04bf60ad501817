// RUN: tsc-opt %s -tsc-convert-ts-to-llvm -split-input-file -verify-diagnostics

func.func @forward(%self: !ts.class<"__torch__.M"> {ts.name = "self"}) -> !ts.tensor {
  // expected-error@+1 {{cannot compile 'ts.prim.GetAttr': module state and calls must be frozen and inlined before lowering}}
  %w = ts.prim.GetAttr %self["weight"] : !ts.class<"__torch__.M"> -> !ts.tensor
  return %w : !ts.tensor
}

// -----

// expected-error@+1 {{method 'two' must have exactly one result, has 2}}
func.func @two(%x: i64) -> (i64, i64) {
  return %x, %x : i64, i64
}

// -----

// expected-error@+1 {{the module has no method to compile}}
module {
  func.func private @helper(%x: i64) -> i64
}
