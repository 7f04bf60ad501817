// RUN: tsc-opt %s -tsc-convert-ts-to-llvm -split-input-file -verify-diagnostics

// A method that still reads `self` after freezing: the error points at the
// first read.
func.func @forward(%self: !ts.class<"__torch__.M"> {ts.name = "self"}) -> !ts.tensor {
  // expected-error@+1 {{method 'forward' keeps module state (it reads attribute 'weight', which a method assigns or changes in place); compiling module state is not supported yet}}
  %w = ts.prim.GetAttr %self["weight"] : !ts.class<"__torch__.M"> -> !ts.tensor
  return %w : !ts.tensor
}

// -----

// An object graph left unfrozen.
// expected-error@+1 {{the module's object graph must be frozen (-tsc-freeze) before lowering}}
%w = ts.prim.Constant(1 : i64) : i64
func.func @forward(%x: i64) -> i64 {
  return %x : i64
}

// -----

func.func @forward(%x: i64) -> i64 {
  // expected-error@+1 {{cannot compile 'ts.prim.CallMethod': module state and calls must be frozen and inlined before lowering}}
  %r = ts.prim.CallMethod "helper"(%x) : (i64) -> i64
  return %r : i64
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
