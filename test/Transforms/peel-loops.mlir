// RUN: tsc-opt %s -tsc-peel-loops -split-input-file | FileCheck %s
// RUN: tsc-opt %s -tsc-peel-loops -canonicalize -tsc-refine-types -canonicalize -split-input-file | FileCheck %s --check-prefix=FOLDED
// RUN: tsc-opt %s -tsc-peel-loops=max-ops=4 -split-input-file | FileCheck %s --check-prefix=SMALL

// for i in range(n): h = x[i] if i == 0 else h * 0.5 + x[i]. The first
// iteration runs under `n > 0` (and the loop's entry condition) with i = 0;
// the loop left runs n - 1 times, its count one ahead, and `i == 0` is
// false there.
// CHECK-LABEL: func.func @first_index
// CHECK-SAME:    (%[[X:.*]]: !ts.tensor<[5, 3], f32>, %[[H:.*]]: !ts.tensor, %[[N:.*]]: i64)
// CHECK:         %[[TRUE:.*]] = ts.prim.Constant(true) : i1
// CHECK:         %[[ANY:.*]] = ts.aten.gt.int %[[N]], %[[ZERO:[0-9]+]]
// CHECK:         %[[GO:.*]] = ts.aten.__and__.bool %[[TRUE]], %[[ANY]]
// CHECK:         %[[R:.*]] = ts.prim.If %[[GO]] -> (!ts.tensor) {
// CHECK:           ts.aten.eq.int %[[ZERO]], %{{.*}}
// CHECK:           %[[FIRST:.*]] = ts.prim.If
// CHECK:           %[[REST:.*]] = ts.aten.sub.int %[[N]], %[[ONE:[0-9]+]]
// CHECK:           %[[LOOP:.*]] = ts.prim.Loop %[[REST]], %[[TRUE]] iter(%[[FIRST]] : !ts.tensor) -> (!ts.tensor) {
// CHECK-NEXT:      ^bb0(%[[J:.*]]: i64, %{{.*}}: !ts.tensor):
// CHECK-NEXT:        %[[I:.*]] = ts.aten.add.int %[[J]], %[[ONE]]
// CHECK-NOT:         ts.aten.eq.int
// CHECK:             %[[FALSE:.*]] = ts.prim.Constant(false) : i1
// CHECK-NEXT:        ts.prim.If %[[FALSE]]
// CHECK:               ts.aten.select.int %[[X]], %{{.*}}, %[[I]]
// CHECK:           ts.yield %[[LOOP]] : !ts.tensor
// CHECK:         } else {
// CHECK-NEXT:      ts.yield %[[H]] : !ts.tensor
// CHECK:         return %[[R]]
// Once folded: the copy is straight-line code and the loop has no branch.
// FOLDED-LABEL: func.func @first_index
// FOLDED:         ts.prim.If
// FOLDED-NOT:       ts.prim.If
// FOLDED:           ts.prim.Loop
// FOLDED-NOT:         ts.prim.If
// FOLDED:             ts.aten.mul.Scalar
// FOLDED-NOT:         ts.prim.If
// FOLDED:         } else {
// SMALL-LABEL: func.func @first_index
// SMALL-NOT:     ts.prim.If %{{.*}} -> (!ts.tensor) {
// SMALL:         ts.prim.Loop %{{.*}}, %{{.*}} iter
func.func @first_index(%x: !ts.tensor<[5, 3], f32>, %h: !ts.tensor, %n: i64) -> !ts.tensor {
  %true = ts.prim.Constant(true) : i1
  %zero = ts.prim.Constant(0 : i64) : i64
  %half = ts.prim.Constant(5.000000e-01 : f64) : f64
  %one = ts.prim.Constant(1 : i64) : i64
  %r = ts.prim.Loop %n, %true iter(%h : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %c: !ts.tensor):
    %first = ts.aten.eq.int %i, %zero : (i64, i64) -> i1
    %next = ts.prim.If %first -> (!ts.tensor) {
      %s = ts.aten.select.int %x, %zero, %i : (!ts.tensor<[5, 3], f32>, i64, i64) -> !ts.tensor
      ts.yield %s : !ts.tensor
    } else {
      %m = ts.aten.mul.Scalar %c, %half : (!ts.tensor, f64) -> !ts.tensor
      %s = ts.aten.select.int %x, %zero, %i : (!ts.tensor<[5, 3], f32>, i64, i64) -> !ts.tensor
      %a = ts.aten.add.Tensor %m, %s, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
      ts.yield %a : !ts.tensor
    }
    ts.yield %true, %next : i1, !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// acc: Optional[Tensor] = None, filled on the first pass. Peeled, the
// copy's `is None` is true and the loop left starts from a tensor; after
// canonicalization and refinement its carried value is a float32 [3]
// tensor, and its own `is None` folds to false.
// CHECK-LABEL: func.func @starts_none
// CHECK:         ts.prim.If
// CHECK:           ts.aten.__is__ %{{.*}}, %{{.*}} : (!ts.none, !ts.none) -> i1
// CHECK:           ts.prim.Loop
// FOLDED-LABEL: func.func @starts_none
// FOLDED:         ts.prim.Loop %{{.*}}, %{{.*}} iter(%{{.*}} : !ts.tensor<[3], f32>) -> (!ts.tensor<[3], f32>)
// FOLDED-NOT:       ts.aten.__is__
// FOLDED:           ts.aten.add.Tensor %{{.*}}, %{{.*}}, %{{.*}} : (!ts.tensor<[3], f32>, !ts.tensor<[3], f32>, i64) -> !ts.tensor<[3], f32>
// FOLDED:         } else {
// FOLDED:           ts.yield %{{.*}} : !ts.none
func.func @starts_none(%x: !ts.tensor<[3], f32>, %n: i64) -> !ts.optional<!ts.tensor> {
  %true = ts.prim.Constant(true) : i1
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %r = ts.prim.Loop %n, %true iter(%none : !ts.none) -> (!ts.optional<!ts.tensor>) {
  ^bb0(%i: i64, %acc: !ts.optional<!ts.tensor>):
    %empty = ts.aten.__is__ %acc, %none : (!ts.optional<!ts.tensor>, !ts.none) -> i1
    %next = ts.prim.If %empty -> (!ts.tensor) {
      ts.yield %x : !ts.tensor<[3], f32>
    } else {
      %t = ts.prim.unchecked_cast %acc : !ts.optional<!ts.tensor> to !ts.tensor
      %a = ts.aten.add.Tensor %t, %x, %one : (!ts.tensor, !ts.tensor<[3], f32>, i64) -> !ts.tensor
      ts.yield %a : !ts.tensor
    }
    ts.yield %true, %next : i1, !ts.tensor
  }
  return %r : !ts.optional<!ts.tensor>
}

// -----

// Tests that do not single out the first iteration leave the loop alone:
// i == 2, i > 3, and `is None` on a value that does not enter as None.
// CHECK-LABEL: func.func @not_first
// CHECK-NOT:     ts.prim.If %{{.*}} -> (!ts.tensor, !ts.optional<!ts.tensor>) {
// CHECK:         ts.prim.Loop %arg2, %{{.*}} iter
func.func @not_first(%h: !ts.tensor, %o: !ts.optional<!ts.tensor>, %n: i64) -> !ts.tensor {
  %true = ts.prim.Constant(true) : i1
  %two = ts.prim.Constant(2 : i64) : i64
  %three = ts.prim.Constant(3 : i64) : i64
  %none = ts.prim.Constant(unit) : !ts.none
  %r:2 = ts.prim.Loop %n, %true iter(%h, %o : !ts.tensor, !ts.optional<!ts.tensor>) -> (!ts.tensor, !ts.optional<!ts.tensor>) {
  ^bb0(%i: i64, %c: !ts.tensor, %p: !ts.optional<!ts.tensor>):
    %a = ts.aten.eq.int %i, %two : (i64, i64) -> i1
    %b = ts.aten.gt.int %i, %three : (i64, i64) -> i1
    %e = ts.aten.__is__ %p, %none : (!ts.optional<!ts.tensor>, !ts.none) -> i1
    %ab = ts.aten.__and__.bool %a, %b : (i1, i1) -> i1
    %go = ts.aten.__and__.bool %ab, %e : (i1, i1) -> i1
    %m = ts.aten.neg %c : (!ts.tensor) -> !ts.tensor
    ts.yield %go, %m, %p : i1, !ts.tensor, !ts.optional<!ts.tensor>
  }
  return %r#0 : !ts.tensor
}

// -----

// Either operand order, and each comparison that only iteration 0 passes
// or fails: in the loop left, 0 < i, 1 > i, i != 0, i <= 0, i >= 1 become
// true, false, true, false, true.
// CHECK-LABEL: func.func @comparisons
// CHECK:         ts.prim.Loop
// CHECK-NOT:       ts.aten.{{(lt|gt|ne|le|ge)}}.int
// CHECK:           %[[T1:.*]] = ts.prim.Constant(true) : i1
// CHECK:           %[[F1:.*]] = ts.prim.Constant(false) : i1
// CHECK:           %[[T2:.*]] = ts.prim.Constant(true) : i1
// CHECK:           %[[F2:.*]] = ts.prim.Constant(false) : i1
// CHECK:           %[[T3:.*]] = ts.prim.Constant(true) : i1
// CHECK:           ts.prim.ListConstruct %[[T1]], %[[F1]], %[[T2]], %[[F2]], %[[T3]]
func.func @comparisons(%n: i64) -> !ts.list<i1> {
  %true = ts.prim.Constant(true) : i1
  %zero = ts.prim.Constant(0 : i64) : i64
  %one = ts.prim.Constant(1 : i64) : i64
  %l0 = ts.prim.ListConstruct : () -> !ts.list<i1>
  %r = ts.prim.Loop %n, %true iter(%l0 : !ts.list<i1>) -> (!ts.list<i1>) {
  ^bb0(%i: i64, %l: !ts.list<i1>):
    %a = ts.aten.lt.int %zero, %i : (i64, i64) -> i1
    %b = ts.aten.gt.int %one, %i : (i64, i64) -> i1
    %c = ts.aten.ne.int %i, %zero : (i64, i64) -> i1
    %d = ts.aten.le.int %i, %zero : (i64, i64) -> i1
    %e = ts.aten.ge.int %i, %one : (i64, i64) -> i1
    %new = ts.prim.ListConstruct %a, %b, %c, %d, %e : (i1, i1, i1, i1, i1) -> !ts.list<i1>
    ts.yield %true, %new : i1, !ts.list<i1>
  }
  return %r : !ts.list<i1>
}

// -----

// A while loop (`while go: ... if i == 0`): the copy runs when the entry
// condition holds, and the loop left starts from the condition the copy
// yields, with the maximal trip count less one.
// CHECK-LABEL: func.func @while_loop
// CHECK-SAME:    (%[[H:.*]]: !ts.tensor, %[[GO:.*]]: i1)
// CHECK:         %[[MAX:.*]] = ts.prim.Constant(9223372036854775807 : i64) : i64
// CHECK:         %[[ANY:.*]] = ts.aten.gt.int %[[MAX]], %{{.*}}
// CHECK:         %[[ENTER:.*]] = ts.aten.__and__.bool %[[GO]], %[[ANY]]
// CHECK:         ts.prim.If %[[ENTER]] -> (!ts.tensor) {
// CHECK:           %[[FIRST:.*]] = ts.prim.If
// CHECK:           %[[AGAIN:.*]] = ts.aten.Bool.Tensor %[[FIRST]]
// CHECK:           %[[REST:.*]] = ts.aten.sub.int %[[MAX]], %{{.*}}
// CHECK:           ts.prim.Loop %[[REST]], %[[AGAIN]] iter(%[[FIRST]] : !ts.tensor)
func.func @while_loop(%h: !ts.tensor, %go: i1) -> !ts.tensor {
  %max = ts.prim.Constant(9223372036854775807 : i64) : i64
  %zero = ts.prim.Constant(0 : i64) : i64
  %r = ts.prim.Loop %max, %go iter(%h : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %c: !ts.tensor):
    %first = ts.aten.eq.int %i, %zero : (i64, i64) -> i1
    %next = ts.prim.If %first -> (!ts.tensor) {
      %n = ts.aten.neg %c : (!ts.tensor) -> !ts.tensor
      ts.yield %n : !ts.tensor
    } else {
      %t = ts.aten.tanh %c : (!ts.tensor) -> !ts.tensor
      ts.yield %t : !ts.tensor
    }
    %again = ts.aten.Bool.Tensor %next : (!ts.tensor) -> i1
    ts.yield %again, %next : i1, !ts.tensor
  }
  return %r : !ts.tensor
}
