// RUN: tsc-opt %s -split-input-file -verify-diagnostics -tsc-refine-arguments="shapes=x=2x?:float32,n=scalar" | FileCheck %s

// Every method's argument `x` gets the stated sizes and dtype (torch's
// dtype names are accepted); a method returning the argument keeps its
// declared result type through a cast.
// CHECK-LABEL: func.func @forward(%arg0: !ts.tensor<[2, ?], f32> {ts.name = "x"}) -> !ts.tensor
// CHECK:         %[[C:.*]] = ts.prim.unchecked_cast %arg0 : !ts.tensor<[2, ?], f32> to !ts.tensor
// CHECK:         return %[[C]]
// CHECK-LABEL: func.func @other(%arg0: !ts.tensor<[2, ?], f32> {ts.name = "x"}, %arg1: !ts.tensor<[]> {ts.name = "n"}) -> !ts.tensor
// CHECK:         ts.aten.relu %arg0
func.func @forward(%x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
  return %x : !ts.tensor
}
func.func @other(%x: !ts.tensor {ts.name = "x"}, %n: !ts.tensor {ts.name = "n"}) -> !ts.tensor {
  %r = ts.aten.relu %x : (!ts.tensor) -> !ts.tensor
  return %r : !ts.tensor
}

// -----

// A refinement the archive already has is kept; one that contradicts it is
// an error.
// expected-error@+1 {{--input-shape: argument 'x' of method 'traced' is '!ts.tensor<[3, 4], f32>', which '!ts.tensor<[2, ?], f32>' contradicts}}
func.func @traced(%x: !ts.tensor<[3, 4], f32> {ts.name = "x"}, %n: !ts.tensor {ts.name = "n"}) -> !ts.tensor {
  return %n : !ts.tensor
}

// -----

// expected-error@+1 {{--input-shape: argument 'x' of method 'scalar' is not a tensor (it is 'i64')}}
func.func @scalar(%x: i64 {ts.name = "x"}, %n: !ts.tensor {ts.name = "n"}) -> i64 {
  return %x : i64
}

// -----

// expected-error@+1 {{--input-shape: no method has an argument named 'x'}}
module {
  func.func @forward(%y: !ts.tensor {ts.name = "y"}, %n: !ts.tensor {ts.name = "n"}) -> !ts.tensor {
    return %y : !ts.tensor
  }
}
