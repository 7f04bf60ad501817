// RUN: tsc-opt %s -tsc-convert-ts-to-llvm -split-input-file -verify-diagnostics

// A method of the module object with no object graph to build it from.
// expected-error@+1 {{method 'forward' takes 'self' of type '!ts.class<"__torch__.M">' but the module has no root object of that class}}
func.func @forward(%self: !ts.class<"__torch__.M"> {ts.name = "self"}) -> !ts.tensor {
  %w = ts.prim.GetAttr %self["weight"] : !ts.class<"__torch__.M"> -> !ts.tensor
  return %w : !ts.tensor
}

// -----

// Methods disagreeing about the class of `self`.
%0 = ts.object []() root : () -> !ts.class<"__torch__.M">
func.func @forward(%self: !ts.class<"__torch__.M"> {ts.name = "self"}) -> i64 {
  %n = ts.prim.GetAttr %self["n"] : !ts.class<"__torch__.M"> -> i64
  return %n : i64
}
// expected-error@+1 {{method 'other' takes 'self' of type '!ts.class<"__torch__.N">', the root object is '!ts.class<"__torch__.M">'}}
func.func @other(%self: !ts.class<"__torch__.N"> {ts.name = "self"}) -> i64 {
  %n = ts.prim.GetAttr %self["n"] : !ts.class<"__torch__.N"> -> i64
  return %n : i64
}

// -----

func.func @forward(%x: i64) -> i64 {
  // expected-error@+1 {{cannot compile the call of method 'helper' on 'i64': calls through a module interface are compiled only when the module is known (no method assigns the attribute)}}
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
