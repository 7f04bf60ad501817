// RUN: tsc-opt %s -tsc-fuse-elementwise=fuse-linear -split-input-file | FileCheck %s
// RUN: tsc-opt %s -tsc-fuse-elementwise -split-input-file | FileCheck %s --check-prefix=NOLINEAR
// A linear layer with constant weight and bias heads a group: the ops on
// its result join it, its weight and bias are copied into the body (and
// the originals, unused, go), its input is the group's input.
// CHECK-LABEL: func.func @cell
// CHECK-NOT:     tensor<3x2xf32>
// CHECK:         %[[G:.*]] = ts.fusion_group(%arg0, %arg1) {
// CHECK-NEXT:    ^bb0(%[[X:.*]]: !ts.tensor, %[[H:.*]]: !ts.tensor):
// CHECK-NEXT:      %[[W:.*]] = ts.prim.Constant(dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>)
// CHECK-NEXT:      %[[B:.*]] = ts.prim.Constant(dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>)
// CHECK-NEXT:      %[[Y:.*]] = ts.aten.linear %[[X]], %[[W]], %[[B]]
// CHECK-NEXT:      %[[ONE:.*]] = ts.prim.Constant(1 : i64) : i64
// CHECK-NEXT:      %[[S:.*]] = ts.aten.add.Tensor %[[Y]], %[[H]], %[[ONE]]
// CHECK-NEXT:      %[[T:.*]] = ts.aten.tanh %[[S]]
// CHECK-NEXT:      ts.yield %[[T]] : !ts.tensor
// CHECK:         return %[[G]]
// Without fuse-linear, linear layers are left to ATen.
// NOLINEAR-LABEL: func.func @cell
// NOLINEAR:         ts.aten.linear %arg0
// NOLINEAR:         ts.fusion_group(%{{.*}}, %arg1)
func.func @cell(%x: !ts.tensor, %h: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>) : !ts.tensor<[3, 2], f32>
  %b = ts.prim.Constant(dense<[1.0, 2.0, 3.0]> : tensor<3xf32>) : !ts.tensor<[3], f32>
  %one = ts.prim.Constant(1 : i64) : i64
  %y = ts.aten.linear %x, %w, %b : (!ts.tensor, !ts.tensor<[3, 2], f32>, !ts.tensor<[3], f32>) -> !ts.tensor
  %s = ts.aten.add.Tensor %y, %h, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %t = ts.aten.tanh %s : (!ts.tensor) -> !ts.tensor
  return %t : !ts.tensor
}

// -----

// A linear layer alone is a group too (one call of its own kernel).
// CHECK-LABEL: func.func @single
// CHECK:         ts.fusion_group(%arg0) {
// CHECK:           ts.aten.linear
// CHECK-NEXT:      ts.yield
// NOLINEAR-LABEL: func.func @single
// NOLINEAR-NOT:     ts.fusion_group
func.func @single(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<1.0> : tensor<3x2xf32>) : !ts.tensor<[3, 2], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %y = ts.aten.linear %x, %w, %none : (!ts.tensor, !ts.tensor<[3, 2], f32>, !ts.none) -> !ts.tensor
  return %y : !ts.tensor
}

// -----

// Layers of one output width (3) whose results an op combines share a
// group; one of another width (5) does not join it and stays in a group of
// its own, whose result is the other group's input.
// CHECK-LABEL: func.func @widths
// NOLINEAR-LABEL: func.func @widths
// CHECK:         %[[C:.*]] = ts.fusion_group(%arg1) {
// CHECK:           ts.aten.linear %{{.*}} : (!ts.tensor, !ts.tensor<[5, 4], f32>, !ts.none)
// CHECK-NEXT:      ts.yield
// CHECK:         %[[M:.*]] = ts.fusion_group(%arg0, %arg1, %[[C]]) {
// CHECK:           ts.aten.linear %{{.*}} : (!ts.tensor, !ts.tensor<[3, 2], f32>, !ts.none)
// CHECK:           ts.aten.linear %{{.*}} : (!ts.tensor, !ts.tensor<[3, 4], f32>, !ts.none)
// CHECK:           ts.aten.add.Tensor
// CHECK:           ts.aten.mul.Tensor
// CHECK:         return %[[M]], %[[C]]
func.func @widths(%x: !ts.tensor, %h: !ts.tensor) -> (!ts.tensor, !ts.tensor) {
  %w1 = ts.prim.Constant(dense<1.0> : tensor<3x2xf32>) : !ts.tensor<[3, 2], f32>
  %w2 = ts.prim.Constant(dense<2.0> : tensor<3x4xf32>) : !ts.tensor<[3, 4], f32>
  %w3 = ts.prim.Constant(dense<3.0> : tensor<5x4xf32>) : !ts.tensor<[5, 4], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %a = ts.aten.linear %x, %w1, %none : (!ts.tensor, !ts.tensor<[3, 2], f32>, !ts.none) -> !ts.tensor
  %b = ts.aten.linear %h, %w2, %none : (!ts.tensor, !ts.tensor<[3, 4], f32>, !ts.none) -> !ts.tensor
  %s = ts.aten.add.Tensor %a, %b, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %c = ts.aten.linear %h, %w3, %none : (!ts.tensor, !ts.tensor<[5, 4], f32>, !ts.none) -> !ts.tensor
  %m = ts.aten.mul.Tensor %s, %c : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return %m, %c : !ts.tensor, !ts.tensor
}

// -----

// A layer reads its input a whole row at a time, so the group computing
// that input stays apart, even when a later op reads both.
// CHECK-LABEL: func.func @input_inside
// CHECK:         %[[T:.*]] = ts.fusion_group(%arg0) {
// CHECK:           ts.aten.exp
// CHECK:           ts.aten.tanh
// CHECK-NOT:       ts.aten.linear
// CHECK:         ts.fusion_group(%[[T]]) {
// CHECK-NEXT:    ^bb0(%[[A:.*]]: !ts.tensor):
// CHECK:           %[[Y:.*]] = ts.aten.linear %[[A]]
// CHECK:           ts.aten.add.Tensor %[[Y]], %[[A]]
func.func @input_inside(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<1.0> : tensor<2x2xf32>) : !ts.tensor<[2, 2], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %e = ts.aten.exp %x : (!ts.tensor) -> !ts.tensor
  %t = ts.aten.tanh %e : (!ts.tensor) -> !ts.tensor
  %y = ts.aten.linear %t, %w, %none : (!ts.tensor, !ts.tensor<[2, 2], f32>, !ts.none) -> !ts.tensor
  %z = ts.aten.add.Tensor %y, %t, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  return %z : !ts.tensor
}

// -----

// Weights that are not float32 constants are ATen's.
// CHECK-LABEL: func.func @kept
// CHECK-NOT:     ts.fusion_group
func.func @kept(%x: !ts.tensor, %w: !ts.tensor) -> (!ts.tensor, !ts.tensor) {
  %none = ts.prim.Constant(unit) : !ts.none
  %wd = ts.prim.Constant(dense<1.0> : tensor<2x2xf64>) : !ts.tensor<[2, 2], f64>
  %y = ts.aten.linear %x, %w, %none : (!ts.tensor, !ts.tensor, !ts.none) -> !ts.tensor
  %z = ts.aten.linear %x, %wd, %none : (!ts.tensor, !ts.tensor<[2, 2], f64>, !ts.none) -> !ts.tensor
  return %y, %z : !ts.tensor, !ts.tensor
}
