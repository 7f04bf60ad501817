// RUN: tsc-opt %s -tsc-fuse-conv-epilogues -split-input-file | FileCheck %s

// A residual block's end: conv, `+= identity`, relu_ become one fused
// convolution adding the identity in place (keep_sizes true) and clamping
// to [0, none]. A convolution's relu alone: no add, same bounds.
// CHECK-LABEL: func.func @residual
// CHECK-DAG:     %[[ZERO:.*]] = ts.prim.Constant(0.000000e+00 : f64) : f64
// CHECK-DAG:     %[[FALSE:.*]] = ts.prim.Constant(false) : i1
// CHECK:         %[[C1:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%arg0, %[[W:.*]], %[[NONE:.*]], %[[S:.*]], %[[S]], %[[S]], %[[ONE:.*]], %[[N1:[0-9]+]], %[[FALSE]], %[[ZERO]], %[[N1]]) {overload = "", schema = "tsc::conv2d_prepacked_fused(Tensor input, Tensor weight, Tensor? bias, int[2] stride, int[2] padding, int[2] dilation, int groups, Tensor? other, bool keep_sizes, Scalar? min, Scalar? max) -> Tensor"} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64, !ts.none, i1, f64, !ts.none) -> !ts.tensor
// CHECK-DAG:     %[[ZERO2:.*]] = ts.prim.Constant(0.000000e+00 : f64) : f64
// CHECK-DAG:     %[[TRUE:.*]] = ts.prim.Constant(true) : i1
// CHECK:         %[[C2:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%[[C1]], %[[W]], %[[NONE]], %[[S]], %[[S]], %[[S]], %[[ONE]], %arg0, %[[TRUE]], %[[ZERO2]], %{{.*}}) {{.*}} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64, !ts.tensor, i1, f64, !ts.none) -> !ts.tensor
// CHECK-NOT:     ts.aten.
// CHECK:         return %[[C2]]
func.func @residual(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c1 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %r1 = ts.aten.relu_ %c1 : (!ts.tensor) -> !ts.tensor
  %c2 = ts.operator "tsc::conv2d_prepacked"(%r1, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %sum = ts.aten.add_.Tensor %c2, %x, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %r2 = ts.aten.relu_ %sum : (!ts.tensor) -> !ts.tensor
  return %r2 : !ts.tensor
}

// -----

// mobilenet_v2's blocks: a ReLU6 (hardtanh_) takes its bounds as they are;
// `x + conv(x)` adds the other operand without keeping sizes (out of
// place, it broadcasts as aten::add); so does `conv(x) + x`. A clamp with
// one bound keeps None for the other.
// CHECK-LABEL: func.func @mobile
// CHECK:         %[[H:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%arg0, {{.*}}, %[[LO:[a-z0-9]+]], %[[HI:[a-z0-9]+]])
// CHECK:         %[[A:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%[[H]], {{.*}}, %arg0, %[[F1:[a-z0-9]+]], %[[N1:[a-z0-9]+]], %[[N1]])
// CHECK:         %[[B:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%[[A]], {{.*}}, %arg0, %[[F2:[a-z0-9]+]], %[[N2:[a-z0-9]+]], %[[N2]])
// CHECK:         %[[C:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%[[B]], {{.*}}, %[[N3:[a-z0-9]+]], %{{.*}}, %[[N3]], %[[HI]])
// CHECK-NOT:     ts.aten.
// CHECK:         return %[[C]]
func.func @mobile(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %lo = ts.prim.Constant(0.0 : f64) : f64
  %hi = ts.prim.Constant(6.0 : f64) : f64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c1 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %h = ts.aten.hardtanh_ %c1, %lo, %hi : (!ts.tensor, f64, f64) -> !ts.tensor
  %c2 = ts.operator "tsc::conv2d_prepacked"(%h, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %a = ts.aten.add.Tensor %x, %c2, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %c3 = ts.operator "tsc::conv2d_prepacked"(%a, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %b = ts.aten.add.Tensor %c3, %x, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %c4 = ts.operator "tsc::conv2d_prepacked"(%b, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %c = ts.aten.clamp %c4, %none, %hi : (!ts.tensor, !ts.none, f64) -> !ts.tensor
  return %c : !ts.tensor
}

// -----

// What stays: a result read twice; an add with alpha 2; `other += conv`
// (the sum is other's storage); a relu in another block; an add after a
// write to the convolution's input (the fused op would run at the add and
// read the changed input).
// CHECK-LABEL: func.func @kept
// CHECK-NOT:     tsc::conv2d_prepacked_fused
// CHECK:         ts.aten.relu %[[C1:.*]] :
// CHECK:         ts.aten.add.Tensor %{{.*}}, %arg0, %[[TWO:.*]] :
// CHECK:         ts.aten.add_.Tensor %arg1, %{{.*}}, %{{.*}} :
// CHECK:         ts.prim.If
// CHECK:           ts.aten.relu
// CHECK:         ts.aten.mul_.Scalar %arg0
// CHECK:         ts.aten.add.Tensor %{{.*}}, %arg1
// CHECK-NOT:     tsc::conv2d_prepacked_fused
func.func @kept(%x: !ts.tensor, %y: !ts.tensor, %flag: i1) -> (!ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor) {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %two = ts.prim.Constant(2 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c1 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %r1 = ts.aten.relu %c1 : (!ts.tensor) -> !ts.tensor
  %c2 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %a2 = ts.aten.add.Tensor %c2, %x, %two : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %c3 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %a3 = ts.aten.add_.Tensor %y, %c3, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %c4 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %r4 = ts.prim.If %flag -> (!ts.tensor) {
    %r = ts.aten.relu %c4 : (!ts.tensor) -> !ts.tensor
    ts.yield %r : !ts.tensor
  } else {
    ts.yield %x : !ts.tensor
  }
  %c5 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %m = ts.aten.mul_.Scalar %x, %two : (!ts.tensor, i64) -> !ts.tensor
  %r5 = ts.aten.add.Tensor %c5, %y, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  return %c1, %r1, %a2, %a3, %r4, %r5 : !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor
}

// -----

// A clamp alone leaves readers of the convolution's sizes (BatchNorm2d's
// rank check): the fused op runs where the convolution did, and they read
// its result; so does a clamp whose bound is known there. A bound computed
// after the convolution keeps the clamp where it is: nothing is fused
// while another op reads the sizes.
// CHECK-LABEL: func.func @size_readers
// CHECK:         %[[F:.*]] = ts.operator "tsc::conv2d_prepacked_fused"(%arg0,
// CHECK-NEXT:    ts.aten.dim %[[F]]
// CHECK:         %[[C:.*]] = ts.operator "tsc::conv2d_prepacked"(%[[F]],
// CHECK-NEXT:    ts.aten.dim %[[C]]
// CHECK-NEXT:    %[[HI:.*]] = ts.aten.mul.float
// CHECK-NEXT:    ts.aten.clamp %[[C]], %{{.*}}, %[[HI]]
func.func @size_readers(%x: !ts.tensor, %f: f64) -> (!ts.tensor, i64, i64) {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x4x3x3xf32>) : !ts.tensor<[4, 4, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %c1 = ts.operator "tsc::conv2d_prepacked"(%x, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %d1 = ts.aten.dim %c1 : (!ts.tensor) -> i64
  %r1 = ts.aten.relu %c1 : (!ts.tensor) -> !ts.tensor
  %c2 = ts.operator "tsc::conv2d_prepacked"(%r1, %w, %none, %s, %s, %s, %one) {overload = "", schema = ""} : (!ts.tensor, !ts.tensor<[4, 4, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %d2 = ts.aten.dim %c2 : (!ts.tensor) -> i64
  %hi = ts.aten.mul.float %f, %f : (f64, f64) -> f64
  %r2 = ts.aten.clamp %c2, %none, %hi : (!ts.tensor, !ts.none, f64) -> !ts.tensor
  return %r2, %d1, %d2 : !ts.tensor, i64, i64
}
