// RUN: tsc-opt %s -tsc-convert-ts-to-llvm=model-name=m | FileCheck %s

// Operators with a typed runtime entry point (HotOps.def) call it with
// native arguments: an int list built in place is a stack array, a constant
// one a global, None a null pointer, a string constant its bytes, a Scalar
// its bits and kind. Those lists and constants get no handle.

// CHECK-LABEL: llvm.func internal @m_conv_impl(
// CHECK-NOT:     tsc_list_construct
// CHECK-NOT:     tsc_value_make_none
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[ONES:.*]] = llvm.mlir.addressof @__tsc_ints_{{[0-9]+}}
// CHECK:         llvm.store %arg2, %[[PAD:.*]] : i64, !llvm.ptr
// CHECK:         llvm.call @tsc_aten_conv2d(%arg0, %arg1, %[[NULL]], %[[ONES]], %{{.*}}, %[[PAD]], %{{.*}}, %[[ONES2:.*]], %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr, i64, !llvm.ptr, i64, !llvm.ptr, i64, i64, !llvm.ptr) -> i32
// CHECK-NOT:     tsc_call_op
// CHECK:         llvm.return
func.func @conv(%x: !ts.tensor {ts.name = "x"}, %w: !ts.tensor {ts.name = "w"}, %k: i64 {ts.name = "k"}) -> !ts.tensor {
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %ones = ts.prim.Constant([1, 1]) : !ts.list<i64>
  %pad = ts.prim.ListConstruct %k, %k : (i64, i64) -> !ts.list<i64>
  %r = ts.aten.conv2d %x, %w, %none, %ones, %pad, %ones, %one : (!ts.tensor, !ts.tensor, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  return %r : !ts.tensor
}

// A float Scalar travels as its bits with kind 1; an int one as itself
// with kind 0.
// CHECK-LABEL: llvm.func internal @m_scalars_impl(
// CHECK:         %[[BITS:.*]] = llvm.bitcast %arg2 : f64 to i64
// CHECK:         llvm.call @tsc_aten_add_tensor(%arg0, %arg1, %[[BITS]], %[[FK:.*]], %{{.*}})
// CHECK:         llvm.call @tsc_aten_mul_scalar(%{{.*}}, %arg3, %[[IK:.*]], %{{.*}})
func.func @scalars(%x: !ts.tensor {ts.name = "x"}, %y: !ts.tensor {ts.name = "y"}, %f: f64 {ts.name = "f"}, %n: i64 {ts.name = "n"}) -> !ts.tensor {
  %a = ts.aten.add.Tensor %x, %y, %f : (!ts.tensor, !ts.tensor, f64) -> !ts.tensor
  %b = ts.aten.mul.Scalar %a, %n : (!ts.tensor, i64) -> !ts.tensor
  return %b : !ts.tensor
}

// A string constant and a tensor list built in place. The list's elements
// live until the call that reads them.
// CHECK-LABEL: llvm.func internal @m_strings_lists_impl(
// CHECK:         llvm.call @tsc_aten_gelu(%arg0, %{{.*}}, %{{.*}})
// CHECK:         %[[G:.*]] = llvm.load
// CHECK:         llvm.store %[[G]],
// CHECK:         llvm.call @tsc_aten_cat(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         llvm.call @tsc_value_release(%[[G]])
func.func @strings_lists(%x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
  %s = ts.prim.Constant("tanh") : !ts.str
  %g = ts.aten.gelu %x, %s : (!ts.tensor, !ts.str) -> !ts.tensor
  %l = ts.prim.ListConstruct %x, %g : (!ts.tensor, !ts.tensor) -> !ts.list<!ts.tensor>
  %zero = ts.prim.Constant(0 : i64) : i64
  %c = ts.aten.cat %l, %zero : (!ts.list<!ts.tensor>, i64) -> !ts.tensor
  return %c : !ts.tensor
}

// A list that is also used elsewhere keeps its handle; an operand that does
// not fit (a list argument, not built in place) falls back to the boxed call.
// CHECK-LABEL: llvm.func internal @m_fallback_impl(
// CHECK:         llvm.call @tsc_call_op(
// CHECK-NOT:     tsc_aten_view
func.func @fallback(%x: !ts.tensor {ts.name = "x"}, %sizes: !ts.list<i64> {ts.name = "sizes"}) -> !ts.tensor {
  %v = ts.aten.view %x, %sizes : (!ts.tensor, !ts.list<i64>) -> !ts.tensor
  return %v : !ts.tensor
}
