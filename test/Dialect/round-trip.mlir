// RUN: tsc-opt %s | FileCheck %s
// RUN: tsc-opt %s | tsc-opt | FileCheck %s

// CHECK-LABEL: func.func @types
// CHECK-SAME: !ts.tensor, %{{.*}}: !ts.tensor<f32>, %{{.*}}: !ts.tensor<[2, ?, 3], si64>, %{{.*}}: !ts.tensor<[]>
// CHECK-SAME: !ts.str, %{{.*}}: !ts.none, %{{.*}}: !ts.device, %{{.*}}: !ts.number, %{{.*}}: !ts.any
// CHECK-SAME: !ts.list<i64>, %{{.*}}: !ts.tuple<!ts.tensor, f64>, %{{.*}}: !ts.tuple<>, %{{.*}}: !ts.dict<!ts.str, !ts.tensor>
// CHECK-SAME: !ts.optional<i1>, %{{.*}}: !ts.union<i64, !ts.str>, %{{.*}}: !ts.class<"__torch__.MyCell">, %{{.*}}: !ts.opaque<"Future[int]">
func.func @types(%a: !ts.tensor, %b: !ts.tensor<f32>, %c: !ts.tensor<[2, ?, 3], si64>, %d: !ts.tensor<[]>,
                 %e: !ts.str, %f: !ts.none, %g: !ts.device, %h: !ts.number, %i: !ts.any,
                 %j: !ts.list<i64>, %k: !ts.tuple<!ts.tensor, f64>, %l: !ts.tuple<>, %m: !ts.dict<!ts.str, !ts.tensor>,
                 %n: !ts.optional<i1>, %o: !ts.union<i64, !ts.str>, %p: !ts.class<"__torch__.MyCell">, %q: !ts.opaque<"Future[int]">) {
  return
}

// CHECK-LABEL: func.func @control_flow
// CHECK: ts.prim.Loop %arg0, %{{.*}} iter(%{{.*}} : !ts.tensor) -> (!ts.tensor) {
// CHECK: ^bb0(%{{.*}}: i64, %{{.*}}: !ts.tensor):
// CHECK: ts.prim.If %{{.*}} -> (!ts.optional<i64>) {
// CHECK: ts.yield %{{.*}} : i64
// CHECK: } else {
// CHECK: ts.yield %{{.*}} : !ts.none
// CHECK: ts.yield %{{.*}}, %{{.*}} : i1, !ts.tensor
func.func @control_flow(%n: i64, %x: !ts.tensor) -> !ts.tensor {
  %true = ts.prim.Constant(true) : i1
  %one = ts.prim.Constant(1 : i64) : i64
  %r = ts.prim.Loop %n, %true iter(%x : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %acc: !ts.tensor):
    %c = ts.aten.lt.int %i, %one : (i64, i64) -> i1
    %o = ts.prim.If %c -> (!ts.optional<i64>) {
      ts.yield %i : i64
    } else {
      %none = ts.prim.Constant(unit) : !ts.none
      ts.yield %none : !ts.none
    }
    %y = ts.aten.neg %acc : (!ts.tensor) -> !ts.tensor
    ts.yield %true, %y : i1, !ts.tensor
  }
  return %r : !ts.tensor
}

// CHECK-LABEL: func.func @structure
// CHECK: ts.prim.ListConstruct
// CHECK: ts.prim.ListUnpack
// CHECK: ts.prim.TupleConstruct
// CHECK: ts.prim.TupleIndex
// CHECK: ts.prim.TupleUnpack
// CHECK: ts.prim.unchecked_cast %{{.*}} : !ts.optional<!ts.tensor> to !ts.tensor
// CHECK: ts.prim.Uninitialized : !ts.tensor
// CHECK: ts.operator "aten::erfinv"(%{{.*}}) {overload = "", schema = "aten::erfinv(Tensor self) -> Tensor"}
// CHECK: ts.prim.GetAttr %{{.*}}["linear"]
func.func @structure(%x: !ts.tensor, %o: !ts.optional<!ts.tensor>, %self: !ts.class<"__torch__.M">) -> !ts.tensor {
  %l = ts.prim.ListConstruct %x, %x : (!ts.tensor, !ts.tensor) -> !ts.list<!ts.tensor>
  %a, %b = ts.prim.ListUnpack %l : (!ts.list<!ts.tensor>) -> (!ts.tensor, !ts.tensor)
  %t = ts.prim.TupleConstruct %a, %b : (!ts.tensor, !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor>
  %zero = ts.prim.Constant(0 : i64) : i64
  %e = ts.prim.TupleIndex %t, %zero : (!ts.tuple<!ts.tensor, !ts.tensor>, i64) -> !ts.tensor
  %c, %d = ts.prim.TupleUnpack %t : (!ts.tuple<!ts.tensor, !ts.tensor>) -> (!ts.tensor, !ts.tensor)
  %u = ts.prim.unchecked_cast %o : !ts.optional<!ts.tensor> to !ts.tensor
  %un = ts.prim.Uninitialized : !ts.tensor
  %f = ts.operator "aten::erfinv"(%e) {overload = "", schema = "aten::erfinv(Tensor self) -> Tensor"} : (!ts.tensor) -> !ts.tensor
  %m = ts.prim.GetAttr %self["linear"] : !ts.class<"__torch__.M"> -> !ts.class<"__torch__.Linear">
  return %f : !ts.tensor
}

// Refined tensors flow where less refined ones are expected.
// CHECK-LABEL: func.func @refined_subtypes
// CHECK: ts.prim.If %{{.*}} -> (!ts.tensor<[2, ?], f32>, !ts.tensor, !ts.optional<!ts.tensor>)
func.func @refined_subtypes(%c: i1, %x: !ts.tensor<[2, 3], f32>) {
  %0:3 = ts.prim.If %c -> (!ts.tensor<[2, ?], f32>, !ts.tensor, !ts.optional<!ts.tensor>) {
    ts.yield %x, %x, %x : !ts.tensor<[2, 3], f32>, !ts.tensor<[2, 3], f32>, !ts.tensor<[2, 3], f32>
  } else {
    ts.yield %x, %x, %x : !ts.tensor<[2, 3], f32>, !ts.tensor<[2, 3], f32>, !ts.tensor<[2, 3], f32>
  }
  return
}

// A fusion group, with the kernel that -tsc-outline-fusion-kernels names.
// CHECK-LABEL: func.func @fusion_group
// CHECK:         %[[R:.*]] = ts.fusion_group(%arg0) kernel @k {
// CHECK-NEXT:    ^bb0(%[[A:.*]]: !ts.tensor<[4], f32>):
// CHECK-NEXT:      %[[E:.*]] = ts.aten.exp %[[A]]
// CHECK-NEXT:      %[[N:.*]] = ts.aten.neg %[[E]]
// CHECK-NEXT:      ts.yield %[[N]] : !ts.tensor
// CHECK-NEXT:    } : (!ts.tensor<[4], f32>) -> !ts.tensor
func.func @fusion_group(%x: !ts.tensor<[4], f32>) -> !ts.tensor {
  %r = ts.fusion_group(%x) kernel @k {
  ^bb0(%a: !ts.tensor<[4], f32>):
    %e = ts.aten.exp %a : (!ts.tensor<[4], f32>) -> !ts.tensor
    %n = ts.aten.neg %e : (!ts.tensor) -> !ts.tensor
    ts.yield %n : !ts.tensor
  } : (!ts.tensor<[4], f32>) -> !ts.tensor
  return %r : !ts.tensor
}
