// RUN: tsc-opt %s -tsc-remove-dropout -split-input-file | FileCheck %s

// Inference dropout returns its input.
// CHECK-LABEL: func.func @eval
// CHECK-NOT:     ts.aten.dropout
// CHECK-NOT:     ts.operator
// CHECK:         %[[R:.*]] = ts.aten.relu %arg0
// CHECK:         %[[C:.*]] = ts.prim.unchecked_cast %arg1 : !ts.tensor<[2], f32> to !ts.tensor
// CHECK:         return %[[R]], %[[C]]
func.func @eval(%x: !ts.tensor, %y: !ts.tensor<[2], f32>) -> (!ts.tensor, !ts.tensor) {
  %false = ts.prim.Constant(false) : i1
  %p = ts.prim.Constant(5.000000e-01 : f64) : f64
  %d = ts.aten.dropout %x, %p, %false : (!ts.tensor, f64, i1) -> !ts.tensor
  %r = ts.aten.relu %d : (!ts.tensor) -> !ts.tensor
  %f = ts.operator "aten::feature_dropout"(%y, %p, %false) {overload = "", schema = "aten::feature_dropout(Tensor input, float p, bool train) -> Tensor"} : (!ts.tensor<[2], f32>, f64, i1) -> !ts.tensor
  return %r, %f : !ts.tensor, !ts.tensor
}

// -----

// Training dropout (or a flag known only at run time) is random: it stays.
// CHECK-LABEL: func.func @train
// CHECK:         ts.aten.dropout %arg0, %{{.*}}, %arg1
// CHECK:         ts.aten.dropout %arg0, %{{.*}}, %{{.*}}
func.func @train(%x: !ts.tensor, %t: i1) -> (!ts.tensor, !ts.tensor) {
  %true = ts.prim.Constant(true) : i1
  %p = ts.prim.Constant(5.000000e-01 : f64) : f64
  %a = ts.aten.dropout %x, %p, %t : (!ts.tensor, f64, i1) -> !ts.tensor
  %b = ts.aten.dropout %x, %p, %true : (!ts.tensor, f64, i1) -> !ts.tensor
  return %a, %b : !ts.tensor, !ts.tensor
}
