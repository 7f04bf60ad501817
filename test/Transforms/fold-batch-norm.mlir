// RUN: tsc-opt %s -tsc-fold-batch-norm -split-input-file | FileCheck %s

// conv2d + inference batch norm: one conv whose weight is scaled per output
// channel by gamma / sqrt(var + eps) and whose bias is
// (b - mean) * scale + beta. Here eps = 0, var = [4, 1], gamma = [1, 3],
// beta = [10, 20], mean = [2, 0], b = [0, 1]: scale = [0.5, 3], so the
// weight ones become [0.5, 3] and the bias [9, 23].
// CHECK-LABEL: func.func @conv_bn
// CHECK-DAG:     %[[W:.*]] = ts.prim.Constant(dense<{{\[\[\[\[}}5.000000e-01]]], {{\[\[\[}}3.000000e+00]]]]> : tensor<2x1x1x1xf32>) : !ts.tensor<[2, 1, 1, 1], f32>
// CHECK-DAG:     %[[B:.*]] = ts.prim.Constant(dense<[9.000000e+00, 2.300000e+01]> : tensor<2xf32>) : !ts.tensor<[2], f32>
// CHECK:         %[[C:.*]] = ts.aten.conv2d %arg0, %[[W]], %[[B]],
// CHECK-NOT:     ts.aten.batch_norm
// CHECK:         return %[[C]]
func.func @conv_bn(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<1.0> : tensor<2x1x1x1xf32>) : !ts.tensor<[2, 1, 1, 1], f32>
  %b = ts.prim.Constant(dense<[0.0, 1.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %ones = ts.prim.Constant([1, 1]) : !ts.list<i64>
  %zeros = ts.prim.Constant([0, 0]) : !ts.list<i64>
  %g1 = ts.prim.Constant(1 : i64) : i64
  %c = ts.aten.conv2d %x, %w, %b, %ones, %zeros, %ones, %g1 : (!ts.tensor, !ts.tensor<[2, 1, 1, 1], f32>, !ts.tensor<[2], f32>, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %gamma = ts.prim.Constant(dense<[1.0, 3.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %beta = ts.prim.Constant(dense<[10.0, 20.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %mean = ts.prim.Constant(dense<[2.0, 0.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %var = ts.prim.Constant(dense<[4.0, 1.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %false = ts.prim.Constant(false) : i1
  %mom = ts.prim.Constant(1.000000e-01 : f64) : f64
  %eps = ts.prim.Constant(0.000000e+00 : f64) : f64
  %y = ts.aten.batch_norm %c, %gamma, %beta, %mean, %var, %false, %mom, %eps, %false : (!ts.tensor, !ts.tensor<[2], f32>, !ts.tensor<[2], f32>, !ts.tensor<[2], f32>, !ts.tensor<[2], f32>, i1, f64, f64, i1) -> !ts.tensor
  return %y : !ts.tensor
}

// -----

// linear without bias + batch norm without affine parameters: scale =
// 1 / sqrt(var + eps) = [1, 0.5] with var = [1, 4], eps = 0; the new bias
// is -mean * scale = [-1, -1].
// CHECK-LABEL: func.func @linear_bn
// CHECK-DAG:     %[[W:.*]] = ts.prim.Constant(dense<{{\[\[}}2.000000e+00, 2.000000e+00], [1.000000e+00, 1.000000e+00]]> : tensor<2x2xf32>)
// CHECK-DAG:     %[[B:.*]] = ts.prim.Constant(dense<-1.000000e+00> : tensor<2xf32>)
// CHECK:         ts.aten.linear %arg0, %[[W]], %[[B]]
// CHECK-NOT:     ts.aten.batch_norm
func.func @linear_bn(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<2.0> : tensor<2x2xf32>) : !ts.tensor<[2, 2], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %l = ts.aten.linear %x, %w, %none : (!ts.tensor, !ts.tensor<[2, 2], f32>, !ts.none) -> !ts.tensor
  %mean = ts.prim.Constant(dense<[1.0, 2.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %var = ts.prim.Constant(dense<[1.0, 4.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %false = ts.prim.Constant(false) : i1
  %mom = ts.prim.Constant(1.000000e-01 : f64) : f64
  %eps = ts.prim.Constant(0.000000e+00 : f64) : f64
  %y = ts.aten.batch_norm %l, %none, %none, %mean, %var, %false, %mom, %eps, %false : (!ts.tensor, !ts.none, !ts.none, !ts.tensor<[2], f32>, !ts.tensor<[2], f32>, i1, f64, f64, i1) -> !ts.tensor
  return %y : !ts.tensor
}

// -----

// Not folded: training batch norm, a conv result used twice, a weight that
// is not a constant.
// CHECK-LABEL: func.func @kept
// CHECK-COUNT-3: ts.aten.batch_norm
func.func @kept(%x: !ts.tensor, %wv: !ts.tensor) -> (!ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor) {
  %w = ts.prim.Constant(dense<1.0> : tensor<2x1x1x1xf32>) : !ts.tensor<[2, 1, 1, 1], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %ones = ts.prim.Constant([1, 1]) : !ts.list<i64>
  %zeros = ts.prim.Constant([0, 0]) : !ts.list<i64>
  %g1 = ts.prim.Constant(1 : i64) : i64
  %mean = ts.prim.Constant(dense<[2.0, 0.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %var = ts.prim.Constant(dense<[4.0, 1.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %true = ts.prim.Constant(true) : i1
  %false = ts.prim.Constant(false) : i1
  %mom = ts.prim.Constant(1.000000e-01 : f64) : f64
  %eps = ts.prim.Constant(1.000000e-05 : f64) : f64
  %c1 = ts.aten.conv2d %x, %w, %none, %ones, %zeros, %ones, %g1 : (!ts.tensor, !ts.tensor<[2, 1, 1, 1], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %y1 = ts.aten.batch_norm %c1, %none, %none, %mean, %var, %true, %mom, %eps, %false : (!ts.tensor, !ts.none, !ts.none, !ts.tensor<[2], f32>, !ts.tensor<[2], f32>, i1, f64, f64, i1) -> !ts.tensor
  %c2 = ts.aten.conv2d %x, %w, %none, %ones, %zeros, %ones, %g1 : (!ts.tensor, !ts.tensor<[2, 1, 1, 1], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %y2 = ts.aten.batch_norm %c2, %none, %none, %mean, %var, %false, %mom, %eps, %false : (!ts.tensor, !ts.none, !ts.none, !ts.tensor<[2], f32>, !ts.tensor<[2], f32>, i1, f64, f64, i1) -> !ts.tensor
  %c3 = ts.aten.conv2d %x, %wv, %none, %ones, %zeros, %ones, %g1 : (!ts.tensor, !ts.tensor, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %y3 = ts.aten.batch_norm %c3, %none, %none, %mean, %var, %false, %mom, %eps, %false : (!ts.tensor, !ts.none, !ts.none, !ts.tensor<[2], f32>, !ts.tensor<[2], f32>, i1, f64, f64, i1) -> !ts.tensor
  return %y1, %y2, %c2, %y3 : !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor
}

// -----

// BatchNorm2d's check of its input's rank reads the conv's sizes before
// the batch norm: it reads the folded conv's result instead, which has the
// same sizes.
// CHECK-LABEL: func.func @rank_check
// CHECK:         %[[C:.*]] = ts.aten.conv2d %arg0,
// CHECK-NEXT:    %[[D:.*]] = ts.aten.dim %[[C]]
// CHECK-NOT:     ts.aten.batch_norm
// CHECK:         return %[[C]], %[[D]]
func.func @rank_check(%x: !ts.tensor) -> (!ts.tensor, i64) {
  %w = ts.prim.Constant(dense<1.0> : tensor<2x1x1x1xf32>) : !ts.tensor<[2, 1, 1, 1], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %ones = ts.prim.Constant([1, 1]) : !ts.list<i64>
  %zeros = ts.prim.Constant([0, 0]) : !ts.list<i64>
  %g1 = ts.prim.Constant(1 : i64) : i64
  %mean = ts.prim.Constant(dense<[2.0, 0.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %var = ts.prim.Constant(dense<[4.0, 1.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %false = ts.prim.Constant(false) : i1
  %mom = ts.prim.Constant(1.000000e-01 : f64) : f64
  %eps = ts.prim.Constant(1.000000e-05 : f64) : f64
  %c = ts.aten.conv2d %x, %w, %none, %ones, %zeros, %ones, %g1 : (!ts.tensor, !ts.tensor<[2, 1, 1, 1], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %d = ts.aten.dim %c : (!ts.tensor) -> i64
  %y = ts.aten.batch_norm %c, %none, %none, %mean, %var, %false, %mom, %eps, %false : (!ts.tensor, !ts.none, !ts.none, !ts.tensor<[2], f32>, !ts.tensor<[2], f32>, i1, f64, f64, i1) -> !ts.tensor
  return %y, %d : !ts.tensor, i64
}
