// RUN: tsc-opt %s -tsc-prepack-convolutions | FileCheck %s

// A constant weight: the convolution becomes the runtime's prepacked one,
// with the same operands and result.
// CHECK-LABEL: func.func @constant_weight
// CHECK:         %[[W:.*]] = ts.prim.Constant(dense<{{.*}}> : tensor<4x2x3x3xf32>)
// CHECK:         %[[R:.*]] = ts.operator "tsc::conv2d_prepacked"(%arg0, %[[W]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) {overload = "", schema = "tsc::conv2d_prepacked(Tensor input, Tensor weight, Tensor? bias, int[2] stride, int[2] padding, int[2] dilation, int groups) -> Tensor"} : (!ts.tensor, !ts.tensor<[4, 2, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
// CHECK-NOT:     ts.aten.conv2d
// CHECK:         return %[[R]]
func.func @constant_weight(%x: !ts.tensor) -> !ts.tensor {
  %w = ts.prim.Constant(dense<0.5> : tensor<4x2x3x3xf32>) : !ts.tensor<[4, 2, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %zero = ts.prim.Constant(0 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %p = ts.prim.ListConstruct %zero, %zero : (i64, i64) -> !ts.list<i64>
  %r = ts.aten.conv2d %x, %w, %none, %s, %p, %s, %one : (!ts.tensor, !ts.tensor<[4, 2, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  return %r : !ts.tensor
}

// A weight known only at run time stays aten::conv2d.
// CHECK-LABEL: func.func @argument_weight
// CHECK:         ts.aten.conv2d %arg0, %arg1
// CHECK-NOT:     tsc::conv2d_prepacked
func.func @argument_weight(%x: !ts.tensor, %w: !ts.tensor) -> !ts.tensor {
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %s = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %r = ts.aten.conv2d %x, %w, %none, %s, %s, %s, %one : (!ts.tensor, !ts.tensor, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  return %r : !ts.tensor
}
