// RUN: tsc-opt %s -tsc-fuse-elementwise -split-input-file | FileCheck %s
// RUN: tsc-opt %s -tsc-fuse-elementwise=max-inputs=1 -split-input-file | FileCheck %s --check-prefix=MAX1
// RUN: not tsc-opt %s -tsc-fuse-elementwise=max-inputs=65 -split-input-file 2>&1 | FileCheck %s --check-prefix=MAX65
// MAX65: error: max-inputs must be between 1 and 64
// RUN: tsc-opt %s -tsc-fuse-elementwise=single-transcendental=true -split-input-file | FileCheck %s --check-prefix=TRANS

// A chain becomes one group at the position of its last op: the tensors it
// reads are its inputs, the constants its ops read are copied in, and what
// is used outside is its result.
// CHECK-LABEL: func.func @chain
// CHECK:         %[[G:.*]] = ts.fusion_group(%arg0, %arg1) {
// CHECK-NEXT:    ^bb0(%[[A:.*]]: !ts.tensor, %[[B:.*]]: !ts.tensor):
// CHECK-NEXT:      %[[C:.*]] = ts.prim.Constant(1.500000e+00 : f64) : f64
// CHECK-NEXT:      %[[M:.*]] = ts.aten.mul.Scalar %[[A]], %[[C]]
// CHECK-NEXT:      %[[ONE:.*]] = ts.prim.Constant(1 : i64) : i64
// CHECK-NEXT:      %[[S:.*]] = ts.aten.add.Tensor %[[M]], %[[B]], %[[ONE]]
// CHECK-NEXT:      %[[T:.*]] = ts.aten.tanh %[[S]]
// CHECK-NEXT:      ts.yield %[[T]] : !ts.tensor
// CHECK-NEXT:    } : (!ts.tensor, !ts.tensor) -> !ts.tensor
// CHECK-NEXT:    return %[[G]]
// With one input at most, a group could hold mul alone or tanh alone:
// none is made.
// MAX1-LABEL: func.func @chain
// MAX1-NOT:     ts.fusion_group
// MAX1-LABEL: func.func @single
func.func @chain(%x: !ts.tensor, %y: !ts.tensor) -> !ts.tensor {
  %c = ts.prim.Constant(1.500000e+00 : f64) : f64
  %one = ts.prim.Constant(1 : i64) : i64
  %m = ts.aten.mul.Scalar %x, %c : (!ts.tensor, f64) -> !ts.tensor
  %s = ts.aten.add.Tensor %m, %y, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %t = ts.aten.tanh %s : (!ts.tensor) -> !ts.tensor
  return %t : !ts.tensor
}

// -----

// One op alone stays an ATen call; so does an op whose scalar parameter is
// not a constant.
// CHECK-LABEL: func.func @single
// CHECK-NOT:     ts.fusion_group
// CHECK:         ts.aten.relu
// CHECK:         ts.aten.mul.Scalar %{{.*}}, %arg1
func.func @single(%x: !ts.tensor, %f: f64) -> !ts.tensor {
  %r = ts.aten.relu %x : (!ts.tensor) -> !ts.tensor
  %m = ts.aten.mul.Scalar %r, %f : (!ts.tensor, f64) -> !ts.tensor
  return %m : !ts.tensor
}

// -----

// With single-transcendental (the CPU pipeline's), a lone transcendental op
// becomes a group of its own; other lone ops stay ATen calls.
// CHECK-LABEL: func.func @single_transcendental
// CHECK-NOT:     ts.fusion_group
// TRANS-LABEL: func.func @single_transcendental
// TRANS:         %[[T:.*]] = ts.fusion_group(%arg0) {
// TRANS-NEXT:    ^bb0(%[[A:.*]]: !ts.tensor):
// TRANS-NEXT:      %[[R:.*]] = ts.aten.tanh %[[A]]
// TRANS-NEXT:      ts.yield %[[R]] : !ts.tensor
// TRANS-NEXT:    } : (!ts.tensor) -> !ts.tensor
// TRANS-NEXT:    %[[M:.*]] = ts.aten.matmul %[[T]], %arg1
// TRANS-NEXT:    %[[S:.*]] = ts.fusion_group(%[[M]]) {
// TRANS:           ts.aten.sigmoid
// TRANS:         ts.aten.matmul %[[S]], %arg1
// TRANS-NEXT:    %[[RELU:.*]] = ts.aten.relu
// TRANS-NEXT:    return %[[RELU]]
func.func @single_transcendental(%x: !ts.tensor, %w: !ts.tensor) -> !ts.tensor {
  %t = ts.aten.tanh %x : (!ts.tensor) -> !ts.tensor
  %m = ts.aten.matmul %t, %w : (!ts.tensor, !ts.tensor) -> !ts.tensor
  %s = ts.aten.sigmoid %m : (!ts.tensor) -> !ts.tensor
  %n = ts.aten.matmul %s, %w : (!ts.tensor, !ts.tensor) -> !ts.tensor
  %r = ts.aten.relu %n : (!ts.tensor) -> !ts.tensor
  return %r : !ts.tensor
}

// -----

// A value used outside the group is one of its results; every use after
// the group reads it.
// CHECK-LABEL: func.func @two_results
// CHECK:         %[[G:.*]]:2 = ts.fusion_group(%arg0) {
// CHECK:           %[[E:.*]] = ts.aten.exp
// CHECK:           %[[N:.*]] = ts.aten.neg %[[E]]
// CHECK:           ts.yield %[[E]], %[[N]] : !ts.tensor, !ts.tensor
// CHECK:         ts.prim.TupleConstruct %[[G]]#0, %[[G]]#1
func.func @two_results(%x: !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor> {
  %e = ts.aten.exp %x : (!ts.tensor) -> !ts.tensor
  %n = ts.aten.neg %e : (!ts.tensor) -> !ts.tensor
  %t = ts.prim.TupleConstruct %e, %n : (!ts.tensor, !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor>
  return %t : !ts.tuple<!ts.tensor, !ts.tensor>
}

// -----

// An in-place op between producer and consumer may change what the
// producer read: the two are not fused.
// CHECK-LABEL: func.func @write_between
// CHECK-NOT:     ts.fusion_group
func.func @write_between(%x: !ts.tensor, %y: !ts.tensor) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %e = ts.aten.exp %x : (!ts.tensor) -> !ts.tensor
  %w = ts.aten.add_.Tensor %x, %y, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %n = ts.aten.neg %e : (!ts.tensor) -> !ts.tensor
  return %n : !ts.tensor
}

// -----

// Appending to a list writes no tensor: it does not separate a chain.
// CHECK-LABEL: func.func @list_between
// CHECK:         ts.aten.append.t
// CHECK:         ts.fusion_group(%arg0)
// CHECK:           ts.aten.exp
// CHECK:           ts.aten.neg
// CHECK:         ts.aten.append.t
func.func @list_between(%x: !ts.tensor, %l: !ts.list<!ts.tensor>) -> !ts.list<!ts.tensor> {
  %e = ts.aten.exp %x : (!ts.tensor) -> !ts.tensor
  %a = ts.aten.append.t %l, %x : (!ts.list<!ts.tensor>, !ts.tensor) -> !ts.list<!ts.tensor>
  %n = ts.aten.neg %e : (!ts.tensor) -> !ts.tensor
  %b = ts.aten.append.t %l, %n : (!ts.list<!ts.tensor>, !ts.tensor) -> !ts.list<!ts.tensor>
  return %l : !ts.list<!ts.tensor>
}

// -----

// A use of the producer before the consumer would come before the group:
// the producer stays out of the consumer's group.
// CHECK-LABEL: func.func @use_between
// CHECK:         %[[E:.*]] = ts.aten.exp %arg0
// CHECK:         ts.aten.sum %[[E]]
// CHECK-NOT:     ts.fusion_group
func.func @use_between(%x: !ts.tensor) -> (!ts.tensor, !ts.tensor) {
  %none = ts.prim.Constant(unit) : !ts.none
  %e = ts.aten.exp %x : (!ts.tensor) -> !ts.tensor
  %s = ts.aten.sum %e, %none : (!ts.tensor, !ts.none) -> !ts.tensor
  %n = ts.aten.neg %e : (!ts.tensor) -> !ts.tensor
  return %s, %n : !ts.tensor, !ts.tensor
}

// -----

// Chains inside a loop body are fused in that block.
// CHECK-LABEL: func.func @in_loop
// CHECK:         ts.prim.Loop
// CHECK:           ts.fusion_group(%{{.*}}) {
// CHECK:             ts.aten.sigmoid
// CHECK:             ts.aten.mul.Tensor
func.func @in_loop(%x: !ts.tensor, %n: i64) -> !ts.tensor {
  %true = ts.prim.Constant(true) : i1
  %r = ts.prim.Loop %n, %true iter(%x : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %h: !ts.tensor):
    %s = ts.aten.sigmoid %h : (!ts.tensor) -> !ts.tensor
    %m = ts.aten.mul.Tensor %h, %s : (!ts.tensor, !ts.tensor) -> !ts.tensor
    ts.yield %true, %m : i1, !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// A row reduction joins the chain before it and the one after it; the
// list of its normalized shape is copied in with its constant.
// CHECK-LABEL: func.func @layer_norm
// CHECK:         ts.fusion_group(%arg0, %arg1, %arg2) {
// CHECK-NEXT:    ^bb0(%[[X:.*]]: !ts.tensor, %[[W:.*]]: !ts.tensor<[8], f32>, %[[B:.*]]: !ts.tensor<[8], f32>):
// CHECK:           ts.aten.mul.Scalar %[[X]]
// CHECK:           %[[N:.*]] = ts.prim.Constant(8 : i64) : i64
// CHECK-NEXT:      %[[L:.*]] = ts.prim.ListConstruct %[[N]]
// CHECK:           ts.aten.layer_norm %{{.*}}, %[[L]], %[[W]], %[[B]]
// CHECK:           ts.aten.relu
// CHECK:           ts.yield
func.func @layer_norm(%x: !ts.tensor, %w: !ts.tensor<[8], f32>, %b: !ts.tensor<[8], f32>) -> !ts.tensor {
  %c = ts.prim.Constant(2.000000e+00 : f64) : f64
  %n = ts.prim.Constant(8 : i64) : i64
  %eps = ts.prim.Constant(1.000000e-05 : f64) : f64
  %true = ts.prim.Constant(true) : i1
  %m = ts.aten.mul.Scalar %x, %c : (!ts.tensor, f64) -> !ts.tensor
  %shape = ts.prim.ListConstruct %n : (i64) -> !ts.list<i64>
  %l = ts.aten.layer_norm %m, %shape, %w, %b, %eps, %true : (!ts.tensor, !ts.list<i64>, !ts.tensor<[8], f32>, !ts.tensor<[8], f32>, f64, i1) -> !ts.tensor
  %r = ts.aten.relu %l : (!ts.tensor) -> !ts.tensor
  return %r : !ts.tensor
}

// -----

// One row reduction per group: the sum of two softmaxes joins one of them;
// a softmax with a dtype, or over a dimension known only at run time, is
// not fused.
// CHECK-LABEL: func.func @two_softmax
// CHECK:         %[[A:.*]] = ts.aten.softmax.int %arg0
// CHECK:         ts.fusion_group(%arg0, %[[A]]) {
// CHECK:           ts.aten.softmax.int
// CHECK:           ts.aten.add.Tensor
// CHECK:         ts.aten.softmax.int %{{.*}}, %arg1
// CHECK:         ts.aten.softmax.int %{{.*}}, %{{.*}}, %{{.*}} : (!ts.tensor, i64, i64)
func.func @two_softmax(%x: !ts.tensor, %d: i64) -> (!ts.tensor, !ts.tensor, !ts.tensor) {
  %last = ts.prim.Constant(-1 : i64) : i64
  %one = ts.prim.Constant(1 : i64) : i64
  %f64 = ts.prim.Constant(7 : i64) : i64
  %none = ts.prim.Constant(unit) : !ts.none
  %a = ts.aten.softmax.int %x, %last, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
  %b = ts.aten.softmax.int %x, %one, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
  %s = ts.aten.add.Tensor %a, %b, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %e = ts.aten.exp %s : (!ts.tensor) -> !ts.tensor
  %c = ts.aten.softmax.int %e, %d, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
  %t = ts.aten.softmax.int %c, %last, %f64 : (!ts.tensor, i64, i64) -> !ts.tensor
  %n = ts.aten.neg %t : (!ts.tensor) -> !ts.tensor
  return %s, %c, %n : !ts.tensor, !ts.tensor, !ts.tensor
}
