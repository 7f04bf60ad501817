// RUN: tsc-opt %s -split-input-file | tsc-opt -split-input-file | FileCheck %s

// The object graph: module-level ts.object ops, leaves first, one root.
// CHECK-LABEL: module
// CHECK: %[[W:.*]] = ts.prim.Constant(dense<1.000000e+00> : tensor<2xf32>) : !ts.tensor<[2], f32>
// CHECK: %[[D:.*]] = ts.prim.DictConstruct %{{.*}}, %{{.*}} : (!ts.str, i64) -> !ts.dict<!ts.str, i64>
// CHECK: %[[L:.*]] = ts.object ["weight", "table"](%[[W]], %[[D]]) : (!ts.tensor<[2], f32>, !ts.dict<!ts.str, i64>) -> !ts.class<"L">
// CHECK: ts.object ["lin"](%[[L]]) root : (!ts.class<"L">) -> !ts.class<"M">
%w = ts.prim.Constant(dense<1.0> : tensor<2xf32>) : !ts.tensor<[2], f32>
%k = ts.prim.Constant("a") : !ts.str
%v = ts.prim.Constant(1 : i64) : i64
%d = ts.prim.DictConstruct %k, %v : (!ts.str, i64) -> !ts.dict<!ts.str, i64>
%l = ts.object ["weight", "table"](%w, %d) : (!ts.tensor<[2], f32>, !ts.dict<!ts.str, i64>) -> !ts.class<"L">
%m = ts.object ["lin"](%l) root : (!ts.class<"L">) -> !ts.class<"M">

// -----

// prim ops without a schema, and the Future and NamedTuple types.
// CHECK-LABEL: func.func @prims
// CHECK: ts.prim.isinstance %arg0 [i64, !ts.list<i64>] : !ts.union<f64, i64>
// CHECK: %[[O:.*]] = ts.prim.CreateObject : !ts.class<"__torch__.Acc">
// CHECK: ts.prim.SetAttr %[[O]]["n"] = %{{.*}} : !ts.class<"__torch__.Acc">, i64
// CHECK: ts.prim.Enter %[[O]] : !ts.class<"__torch__.Acc"> -> !ts.none
// CHECK: ts.prim.Exit %[[O]] : !ts.class<"__torch__.Acc"> -> !ts.none
// CHECK: %[[F:.*]] = ts.prim.fork(%arg1) {
// CHECK: ^bb0(%[[A:.*]]: !ts.tensor):
// CHECK:   ts.yield %{{.*}} : !ts.tensor
// CHECK: } : (!ts.tensor) -> !ts.future<!ts.tensor>
// CHECK: ts.aten.wait %[[F]] : (!ts.future<!ts.tensor>) -> !ts.tensor
// CHECK: ts.prim.TupleConstruct %{{.*}}, %{{.*}} : (!ts.tensor, !ts.tensor) -> !ts.tuple<"__torch__.Point", x: !ts.tensor, y: !ts.tensor>
func.func @prims(%u: !ts.union<f64, i64>, %x: !ts.tensor) -> !ts.tuple<"__torch__.Point", x: !ts.tensor, y: !ts.tensor> {
  %is = ts.prim.isinstance %u [i64, !ts.list<i64>] : !ts.union<f64, i64>
  %o = ts.prim.CreateObject : !ts.class<"__torch__.Acc">
  %zero = ts.prim.Constant(0 : i64) : i64
  ts.prim.SetAttr %o["n"] = %zero : !ts.class<"__torch__.Acc">, i64
  %e = ts.prim.Enter %o : !ts.class<"__torch__.Acc"> -> !ts.none
  %x2 = ts.prim.Exit %o : !ts.class<"__torch__.Acc"> -> !ts.none
  %f = ts.prim.fork(%x) {
  ^bb0(%a: !ts.tensor):
    %n = ts.aten.neg %a : (!ts.tensor) -> !ts.tensor
    ts.yield %n : !ts.tensor
  } : (!ts.tensor) -> !ts.future<!ts.tensor>
  %r = ts.aten.wait %f : (!ts.future<!ts.tensor>) -> !ts.tensor
  %p = ts.prim.TupleConstruct %x, %r : (!ts.tensor, !ts.tensor) -> !ts.tuple<"__torch__.Point", x: !ts.tensor, y: !ts.tensor>
  return %p : !ts.tuple<"__torch__.Point", x: !ts.tensor, y: !ts.tensor>
}
