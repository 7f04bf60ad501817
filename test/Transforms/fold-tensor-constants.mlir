// RUN: tsc-opt %s -tsc-fold-tensor-constants -split-input-file | FileCheck %s
// RUN: tsc-opt %s -tsc-fold-tensor-constants=max-elements=2 -split-input-file | FileCheck %s --check-prefix=SMALL

// A chain on constants folds: scale, broadcast add of a row (twice),
// transpose; only the last constant is left. Each op rounds to float32, as
// ATen's float32 kernels do (1 + 0.05 + 0.05 is 1.0999999).
// CHECK-LABEL: func.func @chain
// CHECK-NOT:     dense<[5.000000e-02
// CHECK:         %[[C:.*]] = ts.prim.Constant(dense<{{\[\[}}1.0999999, 4.10000038], [2.30000019, 5.300000e+00], [3.500000e+00, 6.500000e+00]]> : tensor<3x2xf32>) : !ts.tensor
// CHECK-NEXT:    %[[R:.*]] = ts.aten.mul.Tensor %arg0, %[[C]]
// CHECK-NEXT:    return %[[R]]
// SMALL-LABEL: func.func @chain
// SMALL:         ts.aten.t
func.func @chain(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>) : !ts.tensor<[2, 3], f32>
  %b = ts.prim.Constant(dense<[0.1, 0.3, 0.5]> : tensor<3xf32>) : !ts.tensor<[3], f32>
  %one = ts.prim.Constant(1 : i64) : i64
  %half = ts.prim.Constant(5.000000e-01 : f64) : f64
  %s = ts.aten.mul.Scalar %b, %half : (!ts.tensor<[3], f32>, f64) -> !ts.tensor
  %a = ts.aten.add.Tensor %w, %s, %one : (!ts.tensor<[2, 3], f32>, !ts.tensor, i64) -> !ts.tensor
  %u = ts.aten.add.Tensor %a, %s, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %t = ts.aten.t %u : (!ts.tensor) -> !ts.tensor
  %r = ts.aten.mul.Tensor %x, %t : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return %r : !ts.tensor
}

// -----

// Activations use the same formulas as the kernels; a view takes the
// sizes its (refined) result type states.
// CHECK-LABEL: func.func @activations
// CHECK-NOT:     ts.aten
// CHECK:         %[[C:.*]] = ts.prim.Constant(dense<{{\[\[}}0.000000e+00, 5.000000e-01], [1.000000e+00, 6.000000e+00]]> : tensor<2x2xf32>) : !ts.tensor<[2, 2], f32>
// CHECK-NEXT:    return %[[C]]
func.func @activations() -> !ts.tensor<[2, 2], f32> {
  %x = ts.prim.Constant(dense<[-1.0, 0.5, 1.0, 7.0]> : tensor<4xf32>) : !ts.tensor<[4], f32>
  %r = ts.aten.relu6 %x : (!ts.tensor<[4], f32>) -> !ts.tensor<[4], f32>
  %two = ts.prim.Constant(2 : i64) : i64
  %shape = ts.prim.ListConstruct %two, %two : (i64, i64) -> !ts.list<i64>
  %v = ts.aten.view %r, %shape : (!ts.tensor<[4], f32>, !ts.list<i64>) -> !ts.tensor<[2, 2], f32>
  return %v : !ts.tensor<[2, 2], f32>
}

// -----

// Not folded: an operand known only at run time, mixed dtypes, integer
// tensors, a view whose sizes are not known, and in-place ops.
// CHECK-LABEL: func.func @kept
// CHECK:         ts.aten.mul.Tensor %arg0
// CHECK:         ts.aten.mul.Tensor %{{.*}}, %{{.*}} : (!ts.tensor<[2], f32>, !ts.tensor<[2], f64>)
// CHECK:         ts.aten.neg %{{.*}} : (!ts.tensor<[2], si64>)
// CHECK:         ts.aten.view
// CHECK:         ts.aten.relu_
func.func @kept(%x: !ts.tensor, %shape: !ts.list<i64>) -> (!ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor) {
  %a = ts.prim.Constant(dense<[1.0, 2.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
  %d = ts.prim.Constant(dense<[1.0, 2.0]> : tensor<2xf64>) : !ts.tensor<[2], f64>
  %i = ts.prim.Constant(dense<[1, 2]> : tensor<2xsi64>) : !ts.tensor<[2], si64>
  %0 = ts.aten.mul.Tensor %x, %a : (!ts.tensor, !ts.tensor<[2], f32>) -> !ts.tensor
  %1 = ts.aten.mul.Tensor %a, %d : (!ts.tensor<[2], f32>, !ts.tensor<[2], f64>) -> !ts.tensor
  %2 = ts.aten.neg %i : (!ts.tensor<[2], si64>) -> !ts.tensor
  %3 = ts.aten.view %a, %shape : (!ts.tensor<[2], f32>, !ts.list<i64>) -> !ts.tensor
  %4 = ts.aten.relu_ %a : (!ts.tensor<[2], f32>) -> !ts.tensor
  return %0, %1, %2, %3, %4 : !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor, !ts.tensor
}
