// RUN: tsc-opt %s -tsc-convert-ts-to-llvm=model-name=m | FileCheck %s
// RUN: tsc-opt %s -tsc-convert-ts-to-llvm=model-name=m | FileCheck %s --check-prefix=SIG

// Methods that keep module state read and assign attributes of `self`; the
// object graph becomes `m_load_impl`, which builds a fresh copy per loaded
// instance: objects the methods reach, with only the attributes they use.
// `unused` (no method reads it) and the object `other` are not built; the
// state tensor `buf` is a new tensor per instance (tsc_tensor_from_data),
// not the process-wide constant cache.

%false = ts.prim.Constant(false) : i1
%big = ts.prim.Constant(dense<7.0> : tensor<64xf32>) : !ts.tensor<[64], f32>
%other = ts.object ["w"](%big) : (!ts.tensor<[64], f32>) -> !ts.class<"__torch__.Other">
%buf = ts.prim.Constant(dense<[1.0, 2.0]> : tensor<2xf32>) : !ts.tensor<[2], f32>
%zero = ts.prim.Constant(0 : i64) : i64
%inner = ts.object ["count"](%zero) : (i64) -> !ts.class<"__torch__.Inner">
%root = ts.object ["training", "buf", "inner", "other", "unused"](%false, %buf, %inner, %other, %zero) root : (i1, !ts.tensor<[2], f32>, !ts.class<"__torch__.Inner">, !ts.class<"__torch__.Other">, i64) -> !ts.class<"__torch__.M">

func.func @forward(%self: !ts.class<"__torch__.M"> {ts.name = "self"}, %x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %in = ts.prim.GetAttr %self["inner"] : !ts.class<"__torch__.M"> -> !ts.class<"__torch__.Inner">
  %c = ts.prim.GetAttr %in["count"] : !ts.class<"__torch__.Inner"> -> i64
  %c1 = ts.aten.add.int %c, %one : (i64, i64) -> i64
  ts.prim.SetAttr %in["count"] = %c1 : !ts.class<"__torch__.Inner">, i64
  %b = ts.prim.GetAttr %self["buf"] : !ts.class<"__torch__.M"> -> !ts.tensor
  %r = ts.aten.add_.Tensor %b, %x, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  return %r : !ts.tensor
}

// A method that does not touch state still takes the instance.
func.func @twice(%x: i64 {ts.name = "x"}) -> i64 {
  %r = ts.aten.add.int %x, %x : (i64, i64) -> i64
  return %r : i64
}

// CHECK-LABEL: llvm.func internal @m_load_impl(
// CHECK-NOT:     tsc_constant_tensor
// CHECK:         llvm.call @tsc_tensor_from_data(
// CHECK:         llvm.call @tsc_object_create(
// CHECK:         llvm.call @tsc_object_set_attr(
// CHECK:         llvm.call @tsc_object_create(
// CHECK-COUNT-2: llvm.call @tsc_object_set_attr(
// CHECK-NOT:     llvm.call @tsc_object_
// CHECK:         llvm.return

// CHECK-LABEL: llvm.func @m_load(%{{.*}}: !llvm.ptr) -> i32
// CHECK:         llvm.call @m_load_impl(
// CHECK:         llvm.call @tsc_model_create(
// CHECK-LABEL: llvm.func @m_free(%{{.*}}: !llvm.ptr)
// CHECK:         llvm.call @tsc_model_free(

// The typed entry point passes the instance's module object as `self`.
// CHECK-LABEL: llvm.func @m_forward(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// CHECK:         %[[SELF:.*]] = llvm.call @tsc_model_self(%arg0)
// CHECK:         llvm.call @m_forward_impl(%[[SELF]],
// CHECK-LABEL: llvm.func @m_twice(%{{.*}}: !llvm.ptr, %{{.*}}: i64, %{{.*}}: !llvm.ptr) -> i32
// CHECK-NOT:     tsc_model_self
// CHECK:         llvm.call @m_twice_impl(%{{.*}}, %{{.*}})

// The signature says the model keeps state.
// SIG: stateful\22:true
