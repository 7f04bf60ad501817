// RUN: tsc-opt %s -canonicalize -split-input-file | FileCheck %s

// A branch on a constant condition is replaced by the branch taken.
// CHECK-LABEL: func.func @if_true
// CHECK-NOT: ts.prim.If
// CHECK: %[[N:.*]] = ts.aten.neg %arg0
// CHECK: return %[[N]]
func.func @if_true(%x: !ts.tensor) -> !ts.tensor {
  %t = ts.prim.Constant(true) : i1
  %r = ts.prim.If %t -> (!ts.tensor) {
    %n = ts.aten.neg %x : (!ts.tensor) -> !ts.tensor
    ts.yield %n : !ts.tensor
  } else {
    ts.yield %x : !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// The taken branch yields a refined type: users keep the declared one
// through an unchecked cast.
// CHECK-LABEL: func.func @if_false_refined
// CHECK: %[[C:.*]] = ts.prim.unchecked_cast %arg1 : !ts.tensor<[2], f32> to !ts.tensor
// CHECK: return %[[C]] : !ts.tensor
func.func @if_false_refined(%x: !ts.tensor, %y: !ts.tensor<[2], f32>) -> !ts.tensor {
  %f = ts.prim.Constant(false) : i1
  %r = ts.prim.If %f -> (!ts.tensor) {
    ts.yield %x : !ts.tensor
  } else {
    ts.yield %y : !ts.tensor<[2], f32>
  }
  return %r : !ts.tensor
}

// -----

// A loop whose condition is false from the start, or whose trip count is
// zero, is its initial carried values.
// CHECK-LABEL: func.func @loop_never_runs
// CHECK-NOT: ts.prim.Loop
// CHECK: return %arg0, %arg0
func.func @loop_never_runs(%x: i64, %n: i64) -> (i64, i64) {
  %f = ts.prim.Constant(false) : i1
  %t = ts.prim.Constant(true) : i1
  %zero = ts.prim.Constant(0 : i64) : i64
  %a = ts.prim.Loop %n, %f iter(%x : i64) -> (i64) {
  ^bb0(%i: i64, %c: i64):
    %s = ts.aten.add.int %c, %i : (i64, i64) -> i64
    ts.yield %t, %s : i1, i64
  }
  %b = ts.prim.Loop %zero, %t iter(%x : i64) -> (i64) {
  ^bb0(%i: i64, %c: i64):
    %s = ts.aten.add.int %c, %i : (i64, i64) -> i64
    ts.yield %t, %s : i1, i64
  }
  return %a, %b : i64, i64
}

// -----

// A loop that may run is kept.
// CHECK-LABEL: func.func @loop_kept
// CHECK: ts.prim.Loop
func.func @loop_kept(%x: i64, %n: i64) -> i64 {
  %t = ts.prim.Constant(true) : i1
  %a = ts.prim.Loop %n, %t iter(%x : i64) -> (i64) {
  ^bb0(%i: i64, %c: i64):
    %s = ts.aten.add.int %c, %i : (i64, i64) -> i64
    ts.yield %t, %s : i1, i64
  }
  return %a : i64
}

// -----

// `is None` is decided by static types when one side is None and the
// other cannot be, or is None too; Optional values stay a run-time test.
// CHECK-LABEL: func.func @is_none
// CHECK-DAG: %[[T:.*]] = ts.prim.Constant(true) : i1
// CHECK-DAG: %[[F:.*]] = ts.prim.Constant(false) : i1
// CHECK-DAG: %[[OPT:.*]] = ts.aten.__is__ %arg1
// CHECK: return %[[F]], %[[T]], %[[T]], %[[OPT]]
func.func @is_none(%x: !ts.tensor, %o: !ts.optional<!ts.tensor>) -> (i1, i1, i1, i1) {
  %none = ts.prim.Constant(unit) : !ts.none
  %a = ts.aten.__is__ %x, %none : (!ts.tensor, !ts.none) -> i1
  %b = ts.aten.__isnot__ %x, %none : (!ts.tensor, !ts.none) -> i1
  %c = ts.aten.__is__ %none, %none : (!ts.none, !ts.none) -> i1
  %d = ts.aten.__is__ %o, %none : (!ts.optional<!ts.tensor>, !ts.none) -> i1
  return %a, %b, %c, %d : i1, i1, i1, i1
}

// -----

// `and`/`or` with one side known.
// CHECK-LABEL: func.func @logic
// CHECK-DAG: %[[T:.*]] = ts.prim.Constant(true) : i1
// CHECK-DAG: %[[F:.*]] = ts.prim.Constant(false) : i1
// CHECK: return %arg0, %[[F]], %[[T]], %arg0
func.func @logic(%b: i1) -> (i1, i1, i1, i1) {
  %t = ts.prim.Constant(true) : i1
  %f = ts.prim.Constant(false) : i1
  %a = ts.aten.__and__.bool %b, %t : (i1, i1) -> i1
  %c = ts.aten.__and__.bool %f, %b : (i1, i1) -> i1
  %d = ts.aten.__or__.bool %b, %t : (i1, i1) -> i1
  %e = ts.aten.__or__.bool %f, %b : (i1, i1) -> i1
  return %a, %c, %d, %e : i1, i1, i1, i1
}

// -----

// isinstance is decided when the static type settles it.
// CHECK-LABEL: func.func @isinstance
// CHECK-DAG: %[[T:.*]] = ts.prim.Constant(true) : i1
// CHECK-DAG: %[[F:.*]] = ts.prim.Constant(false) : i1
// CHECK-DAG: %[[U:.*]] = ts.prim.isinstance %arg1 [i64]
// CHECK: return %[[T]], %[[F]], %[[U]]
func.func @isinstance(%x: !ts.tensor, %u: !ts.union<f64, i64>) -> (i1, i1, i1) {
  %a = ts.prim.isinstance %x [!ts.tensor] : !ts.tensor
  %b = ts.prim.isinstance %x [i64, !ts.str] : !ts.tensor
  %c = ts.prim.isinstance %u [i64] : !ts.union<f64, i64>
  return %a, %b, %c : i1, i1, i1
}

// -----

// A fork whose future is only waited on runs inline, at the fork.
// CHECK-LABEL: func.func @fork_waited
// CHECK-NOT: ts.prim.fork
// CHECK: %[[N:.*]] = ts.aten.neg %arg0
// CHECK-NOT: ts.aten.wait
// CHECK: ts.aten.add.Tensor %[[N]], %[[N]]
func.func @fork_waited(%x: !ts.tensor) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %f = ts.prim.fork(%x) {
  ^bb0(%a: !ts.tensor):
    %n = ts.aten.neg %a : (!ts.tensor) -> !ts.tensor
    ts.yield %n : !ts.tensor
  } : (!ts.tensor) -> !ts.future<!ts.tensor>
  %r1 = ts.aten.wait %f : (!ts.future<!ts.tensor>) -> !ts.tensor
  %r2 = ts.aten.wait %f : (!ts.future<!ts.tensor>) -> !ts.tensor
  %s = ts.aten.add.Tensor %r1, %r2, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  return %s : !ts.tensor
}

// -----

// A future that escapes (here: returned) stays a fork.
// CHECK-LABEL: func.func @fork_escapes
// CHECK: ts.prim.fork
func.func @fork_escapes(%x: !ts.tensor) -> !ts.future<!ts.tensor> {
  %f = ts.prim.fork(%x) {
  ^bb0(%a: !ts.tensor):
    ts.yield %a : !ts.tensor
  } : (!ts.tensor) -> !ts.future<!ts.tensor>
  return %f : !ts.future<!ts.tensor>
}
