// RUN: tsc-opt %s -tsc-refine-types -split-input-file | FileCheck %s
// RUN: tsc-opt %s -tsc-refine-types=max-loop-rounds=1 -split-input-file | FileCheck %s --check-prefix=ONE-ROUND

// Sizes and dtypes flow from refined arguments and constants: broadcast for
// elementwise ops, linear's output features, the row reduction's input.
// The method's declared result keeps its type through a cast.
// CHECK-LABEL: func.func @mlp
// CHECK:         ts.aten.linear {{.*}} -> !ts.tensor<[8, 4], f32>
// CHECK:         ts.aten.add.Tensor {{.*}} -> !ts.tensor<[8, 4], f32>
// CHECK:         ts.aten.relu {{.*}} -> !ts.tensor<[8, 4], f32>
// CHECK:         ts.aten.softmax.int {{.*}} -> !ts.tensor<[8, 4], f32>
// CHECK:         %[[C:.*]] = ts.prim.unchecked_cast %{{.*}} : !ts.tensor<[8, 4], f32> to !ts.tensor
// CHECK:         return %[[C]] : !ts.tensor
func.func @mlp(%x: !ts.tensor<[8, 3], f32>, %b: !ts.tensor<[4], f32>) -> !ts.tensor {
  %w = ts.prim.Constant(dense<1.0> : tensor<4x3xf32>) : !ts.tensor<[4, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %last = ts.prim.Constant(-1 : i64) : i64
  %l = ts.aten.linear %x, %w, %none : (!ts.tensor<[8, 3], f32>, !ts.tensor<[4, 3], f32>, !ts.none) -> !ts.tensor
  %a = ts.aten.add.Tensor %l, %b, %one : (!ts.tensor, !ts.tensor<[4], f32>, i64) -> !ts.tensor
  %r = ts.aten.relu %a : (!ts.tensor) -> !ts.tensor
  %s = ts.aten.softmax.int %r, %last, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
  return %s : !ts.tensor
}

// -----

// Different dtypes, or a dtype left unknown, give no dtype; sizes that do
// not broadcast give no sizes; a dynamic size broadcast with 1 stays
// dynamic.
// CHECK-LABEL: func.func @mixed
// CHECK:         ts.aten.mul.Tensor %arg0, %arg1 {{.*}} -> !ts.tensor<[2, 3]>
// CHECK:         ts.aten.mul.Tensor %arg0, %arg2 {{.*}} -> !ts.tensor
// CHECK:         ts.aten.mul.Tensor %arg0, %arg3 {{.*}} -> !ts.tensor<[2, ?], f32>
func.func @mixed(%a: !ts.tensor<[2, ?], f32>, %b: !ts.tensor<[2, 3], f64>, %c: !ts.tensor<[5], f32>, %d: !ts.tensor<[1], f32>) -> (!ts.tensor, !ts.tensor, !ts.tensor) {
  %0 = ts.aten.mul.Tensor %a, %b : (!ts.tensor<[2, ?], f32>, !ts.tensor<[2, 3], f64>) -> !ts.tensor
  %1 = ts.aten.mul.Tensor %a, %c : (!ts.tensor<[2, ?], f32>, !ts.tensor<[5], f32>) -> !ts.tensor
  %2 = ts.aten.mul.Tensor %a, %d : (!ts.tensor<[2, ?], f32>, !ts.tensor<[1], f32>) -> !ts.tensor
  return %0, %1, %2 : !ts.tensor, !ts.tensor, !ts.tensor
}

// -----

// Convolution and pooling windows, flatten and view with an inferred size.
// CHECK-LABEL: func.func @conv
// CHECK:         ts.aten.conv2d {{.*}} -> !ts.tensor<[1, 8, 16, 16], f32>
// CHECK:         ts.aten.max_pool2d {{.*}} -> !ts.tensor<[1, 8, 8, 8], f32>
// CHECK:         ts.aten.adaptive_avg_pool2d {{.*}} -> !ts.tensor<[1, 8, 1, 1], f32>
// CHECK:         ts.aten.flatten.using_ints {{.*}} -> !ts.tensor<[1, 8], f32>
// CHECK:         ts.aten.view {{.*}} -> !ts.tensor<[2, 4], f32>
func.func @conv(%x: !ts.tensor<[1, 3, 32, 32], f32>) -> !ts.tensor {
  %w = ts.prim.Constant(dense<1.0> : tensor<8x3x3x3xf32>) : !ts.tensor<[8, 3, 3, 3], f32>
  %none = ts.prim.Constant(unit) : !ts.none
  %false = ts.prim.Constant(false) : i1
  %zero = ts.prim.Constant(0 : i64) : i64
  %one = ts.prim.Constant(1 : i64) : i64
  %two = ts.prim.Constant(2 : i64) : i64
  %m1 = ts.prim.Constant(-1 : i64) : i64
  %s2 = ts.prim.ListConstruct %two, %two : (i64, i64) -> !ts.list<i64>
  %p1 = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %d1 = ts.prim.Constant([1, 1]) : !ts.list<i64>
  %empty = ts.prim.ListConstruct : () -> !ts.list<i64>
  %c = ts.aten.conv2d %x, %w, %none, %s2, %p1, %d1, %one : (!ts.tensor<[1, 3, 32, 32], f32>, !ts.tensor<[8, 3, 3, 3], f32>, !ts.none, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i64) -> !ts.tensor
  %k = ts.prim.ListConstruct %two, %two : (i64, i64) -> !ts.list<i64>
  %z = ts.prim.ListConstruct %zero, %zero : (i64, i64) -> !ts.list<i64>
  %p = ts.aten.max_pool2d %c, %k, %empty, %z, %d1, %false : (!ts.tensor, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, !ts.list<i64>, i1) -> !ts.tensor
  %o = ts.prim.ListConstruct %one, %one : (i64, i64) -> !ts.list<i64>
  %a = ts.aten.adaptive_avg_pool2d %p, %o : (!ts.tensor, !ts.list<i64>) -> !ts.tensor
  %f = ts.aten.flatten.using_ints %a, %one, %m1 : (!ts.tensor, i64, i64) -> !ts.tensor
  %shape = ts.prim.ListConstruct %two, %m1 : (i64, i64) -> !ts.list<i64>
  %v = ts.aten.view %f, %shape : (!ts.tensor, !ts.list<i64>) -> !ts.tensor
  return %v : !ts.tensor
}

// -----

// Size queries on known sizes become constants; a dynamic size stays a
// query.
// CHECK-LABEL: func.func @sizes
// CHECK-DAG:     %[[R:.*]] = ts.prim.Constant(3 : i64) : i64
// CHECK-DAG:     %[[S:.*]] = ts.prim.Constant(4 : i64) : i64
// CHECK-DAG:     %[[N:.*]] = ts.prim.Constant(24 : i64) : i64
// CHECK-DAG:     %[[D:.*]] = ts.aten.size.int %arg1, %{{.*}}
// CHECK-DAG:     %[[L:.*]] = ts.prim.ListConstruct %{{.*}}, %{{.*}}, %{{.*}} : (i64, i64, i64) -> !ts.list<i64>
// CHECK:         return %[[R]], %[[S]], %[[N]], %[[D]], %[[L]]
func.func @sizes(%x: !ts.tensor<[2, 3, 4]>, %y: !ts.tensor<[?, 2]>) -> (i64, i64, i64, i64, !ts.list<i64>) {
  %m1 = ts.prim.Constant(-1 : i64) : i64
  %zero = ts.prim.Constant(0 : i64) : i64
  %r = ts.aten.dim %x : (!ts.tensor<[2, 3, 4]>) -> i64
  %s = ts.aten.size.int %x, %m1 : (!ts.tensor<[2, 3, 4]>, i64) -> i64
  %n = ts.aten.numel %x : (!ts.tensor<[2, 3, 4]>) -> i64
  %d = ts.aten.size.int %y, %zero : (!ts.tensor<[?, 2]>, i64) -> i64
  %l = ts.aten.size %x : (!ts.tensor<[2, 3, 4]>) -> !ts.list<i64>
  return %r, %s, %n, %d, %l : i64, i64, i64, i64, !ts.list<i64>
}

// -----

// An if's tensor result gets what both branches' values say: sizes and
// dtype when they agree (#0), the dtype and rank with the sizes they
// disagree on unknown (#1), only the dtype when the ranks differ (#2).
// Ops after it read the refined types.
// CHECK-LABEL: func.func @if_results
// CHECK:         %[[R:.*]]:3 = ts.prim.If %{{.*}} -> (!ts.tensor<[2, 3], f32>, !ts.tensor<[2, ?], f32>, !ts.tensor<f32>)
// CHECK:         ts.aten.relu %[[R]]#0 : (!ts.tensor<[2, 3], f32>) -> !ts.tensor<[2, 3], f32>
// CHECK:         ts.aten.relu %[[R]]#1 : (!ts.tensor<[2, ?], f32>) -> !ts.tensor<[2, ?], f32>
func.func @if_results(%a: !ts.tensor<[2, 3], f32>, %b: !ts.tensor<[2, 5], f32>, %c: !ts.tensor<[3], f32>, %flag: i1) -> !ts.tensor {
  %r:3 = ts.prim.If %flag -> (!ts.tensor, !ts.tensor, !ts.tensor) {
    %x = ts.aten.tanh %a : (!ts.tensor<[2, 3], f32>) -> !ts.tensor
    ts.yield %x, %a, %a : !ts.tensor, !ts.tensor<[2, 3], f32>, !ts.tensor<[2, 3], f32>
  } else {
    %y = ts.aten.sigmoid %a : (!ts.tensor<[2, 3], f32>) -> !ts.tensor
    ts.yield %y, %b, %c : !ts.tensor, !ts.tensor<[2, 5], f32>, !ts.tensor<[3], f32>
  }
  %u = ts.aten.relu %r#0 : (!ts.tensor) -> !ts.tensor
  %v = ts.aten.relu %r#1 : (!ts.tensor) -> !ts.tensor
  %one = ts.prim.Constant(1 : i64) : i64
  %w = ts.aten.add.Tensor %u, %r#2, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  return %w : !ts.tensor
}

// -----

// Carried values: what enters and what every iteration yields. #0 keeps
// its sizes (tanh of it has them too); #1 may be replaced by a tensor of
// two rows, so a second round widens its first dimension; #2 enters as
// float32 and is replaced by float64: only its sizes hold. The body is
// refined under the final assumption (the size query of #0 folds, that of
// #1 does not), and the loop's results get the carried types.
// CHECK-LABEL: func.func @loop_carried
// CHECK:         %[[R:.*]]:3 = ts.prim.Loop %{{.*}}, %{{.*}} iter(%{{.*}}, %{{.*}}, %{{.*}} : !ts.tensor<[2, 3], f32>, !ts.tensor<[1, 3], f32>, !ts.tensor<[3], f32>) -> (!ts.tensor<[2, 3], f32>, !ts.tensor<[?, 3], f32>, !ts.tensor<[3]>)
// CHECK-NEXT:    ^bb0(%{{.*}}: i64, %[[H:.*]]: !ts.tensor<[2, 3], f32>, %[[G:.*]]: !ts.tensor<[?, 3], f32>, %{{.*}}: !ts.tensor<[3]>):
// CHECK:           ts.aten.tanh %[[H]] : (!ts.tensor<[2, 3], f32>) -> !ts.tensor<[2, 3], f32>
// CHECK:           %[[TWO:.*]] = ts.prim.Constant(2 : i64) : i64
// CHECK:           ts.prim.If %{{.*}} -> (!ts.tensor<[?, 3], f32>)
// CHECK:           %[[S1:.*]] = ts.aten.size.int %[[G]]
// CHECK:           ts.aten.eq.int %[[TWO]], %[[S1]]
// CHECK:         ts.aten.relu %[[R]]#0 : (!ts.tensor<[2, 3], f32>) -> !ts.tensor<[2, 3], f32>
// CHECK:         ts.aten.relu %[[R]]#1 : (!ts.tensor<[?, 3], f32>) -> !ts.tensor<[?, 3], f32>
// With one round, the first assumption does not hold (#1, #2) and every
// carried value keeps its declared type, in the body and after the loop.
// ONE-ROUND-LABEL: func.func @loop_carried
// ONE-ROUND:         ts.prim.Loop %{{.*}} -> (!ts.tensor, !ts.tensor, !ts.tensor)
// ONE-ROUND-NEXT:    ^bb0(%{{.*}}: i64, %{{.*}}: !ts.tensor, %{{.*}}: !ts.tensor, %{{.*}}: !ts.tensor):
// ONE-ROUND:           ts.aten.tanh %{{.*}} : (!ts.tensor) -> !ts.tensor
func.func @loop_carried(%h: !ts.tensor<[2, 3], f32>, %g: !ts.tensor<[1, 3], f32>, %k: !ts.tensor<[2, 3], f32>, %f: !ts.tensor<[3], f32>, %e: !ts.tensor<[3], f64>, %n: i64, %flag: i1) -> !ts.tensor {
  %true = ts.prim.Constant(true) : i1
  %zero = ts.prim.Constant(0 : i64) : i64
  %one = ts.prim.Constant(1 : i64) : i64
  %r:3 = ts.prim.Loop %n, %true iter(%h, %g, %f : !ts.tensor<[2, 3], f32>, !ts.tensor<[1, 3], f32>, !ts.tensor<[3], f32>) -> (!ts.tensor, !ts.tensor, !ts.tensor) {
  ^bb0(%i: i64, %a: !ts.tensor, %b: !ts.tensor, %c: !ts.tensor):
    %t = ts.aten.tanh %a : (!ts.tensor) -> !ts.tensor
    %s0 = ts.aten.size.int %a, %zero : (!ts.tensor, i64) -> i64
    %next = ts.prim.If %flag -> (!ts.tensor) {
      ts.yield %b : !ts.tensor
    } else {
      ts.yield %k : !ts.tensor<[2, 3], f32>
    }
    %s1 = ts.aten.size.int %b, %zero : (!ts.tensor, i64) -> i64
    %go = ts.aten.eq.int %s0, %s1 : (i64, i64) -> i1
    ts.yield %go, %t, %next, %e : i1, !ts.tensor, !ts.tensor, !ts.tensor<[3], f64>
  }
  %u = ts.aten.relu %r#0 : (!ts.tensor) -> !ts.tensor
  %v = ts.aten.relu %r#1 : (!ts.tensor) -> !ts.tensor
  %w = ts.aten.add.Tensor %u, %v, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  return %w : !ts.tensor
}

// -----

// A carried value that gains a dimension every iteration (unsqueeze): the
// ranks differ, so the join keeps the dtype only, and the second round
// settles there.
// CHECK-LABEL: func.func @loop_rank_grows
// CHECK:         ts.prim.Loop %{{.*}}, %{{.*}} iter(%{{.*}} : !ts.tensor<[3], f32>) -> (!ts.tensor<f32>)
// CHECK:           ts.aten.unsqueeze %{{.*}}, %{{.*}} : (!ts.tensor<f32>, i64) -> !ts.tensor<f32>
func.func @loop_rank_grows(%x: !ts.tensor<[3], f32>, %n: i64) -> !ts.tensor {
  %true = ts.prim.Constant(true) : i1
  %zero = ts.prim.Constant(0 : i64) : i64
  %r = ts.prim.Loop %n, %true iter(%x : !ts.tensor<[3], f32>) -> (!ts.tensor) {
  ^bb0(%i: i64, %a: !ts.tensor):
    %u = ts.aten.unsqueeze %a, %zero : (!ts.tensor, i64) -> !ts.tensor
    ts.yield %true, %u : i1, !ts.tensor
  }
  return %r : !ts.tensor
}
