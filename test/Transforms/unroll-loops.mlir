// RUN: tsc-opt %s -tsc-unroll-loops -split-input-file | FileCheck %s
// RUN: tsc-opt %s -tsc-unroll-loops=max-trip-count=2 -split-input-file | FileCheck %s --check-prefix=MAX2

// for i in range(3): h = h * x[i]. Three copies, i = 0, 1, 2, each
// reading the carried value of the one before.
// CHECK-LABEL: func.func @for_range
// CHECK-NOT:     ts.prim.Loop
// CHECK:         %[[Z:.*]] = ts.prim.Constant(0 : i64) : i64
// CHECK:         %[[I0:.*]] = ts.prim.Constant(0 : i64) : i64
// CHECK:         %[[S0:.*]] = ts.aten.select.int %arg0, %[[Z]], %[[I0]]
// CHECK:         %[[H1:.*]] = ts.aten.mul.Tensor %arg1, %[[S0]]
// CHECK:         %[[I1:.*]] = ts.prim.Constant(1 : i64) : i64
// CHECK:         %[[S1:.*]] = ts.aten.select.int %arg0, %[[Z]], %[[I1]]
// CHECK:         %[[H2:.*]] = ts.aten.mul.Tensor %[[H1]], %[[S1]]
// CHECK:         %[[I2:.*]] = ts.prim.Constant(2 : i64) : i64
// CHECK:         %[[S2:.*]] = ts.aten.select.int %arg0, %[[Z]], %[[I2]]
// CHECK:         %[[H3:.*]] = ts.aten.mul.Tensor %[[H2]], %[[S2]]
// CHECK:         return %[[H3]]
// MAX2-LABEL: func.func @for_range
// MAX2:         ts.prim.Loop
func.func @for_range(%x: !ts.tensor, %h: !ts.tensor) -> !ts.tensor {
  %n = ts.prim.Constant(3 : i64) : i64
  %true = ts.prim.Constant(true) : i1
  %zero = ts.prim.Constant(0 : i64) : i64
  %r = ts.prim.Loop %n, %true iter(%h : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %c: !ts.tensor):
    %s = ts.aten.select.int %x, %zero, %i : (!ts.tensor, i64, i64) -> !ts.tensor
    %m = ts.aten.mul.Tensor %c, %s : (!ts.tensor, !ts.tensor) -> !ts.tensor
    ts.yield %true, %m : i1, !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// A trip count known only at run time, or a loop that may stop early,
// stays a loop.
// CHECK-LABEL: func.func @not_counted
// CHECK:         ts.prim.Loop %arg1
// CHECK:         ts.prim.Loop %{{.*}}, %{{.*}} iter
func.func @not_counted(%h: !ts.tensor, %n: i64, %go: i1) -> (!ts.tensor, !ts.tensor) {
  %two = ts.prim.Constant(2 : i64) : i64
  %true = ts.prim.Constant(true) : i1
  %a = ts.prim.Loop %n, %true iter(%h : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %c: !ts.tensor):
    %m = ts.aten.neg %c : (!ts.tensor) -> !ts.tensor
    ts.yield %true, %m : i1, !ts.tensor
  }
  %b = ts.prim.Loop %two, %true iter(%h : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %c: !ts.tensor):
    %m = ts.aten.neg %c : (!ts.tensor) -> !ts.tensor
    ts.yield %go, %m : i1, !ts.tensor
  }
  return %a, %b : !ts.tensor, !ts.tensor
}

// -----

// Nested loops: the inner one first, then the outer with its copies.
// CHECK-LABEL: func.func @nested
// CHECK-NOT:     ts.prim.Loop
// CHECK-COUNT-4: ts.aten.neg
// CHECK-NOT:     ts.aten.neg
func.func @nested(%h: !ts.tensor) -> !ts.tensor {
  %two = ts.prim.Constant(2 : i64) : i64
  %true = ts.prim.Constant(true) : i1
  %r = ts.prim.Loop %two, %true iter(%h : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %c: !ts.tensor):
    %in = ts.prim.Loop %two, %true iter(%c : !ts.tensor) -> (!ts.tensor) {
    ^bb0(%j: i64, %d: !ts.tensor):
      %m = ts.aten.neg %d : (!ts.tensor) -> !ts.tensor
      ts.yield %true, %m : i1, !ts.tensor
    }
    ts.yield %true, %in : i1, !ts.tensor
  }
  return %r : !ts.tensor
}
