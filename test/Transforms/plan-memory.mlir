// RUN: tsc-opt %s -tsc-plan-memory -split-input-file | FileCheck %s

// A chain of groups on 16 floats (64 bytes each): a result lives from its
// group to the group that reads it, so the third result reuses the first
// one's bytes; the returned result is left to the allocator.
// CHECK-LABEL: func.func @chain
// CHECK-SAME:    attributes {ts.arena_size = 128 : i64}
// CHECK:         } {arena_offsets = array<i64: 0>} :
// CHECK:         } {arena_offsets = array<i64: 64>} :
// CHECK:         } {arena_offsets = array<i64: 0>} :
// CHECK-NOT:     arena_offsets
// CHECK:         return
func.func @chain(%x: !ts.tensor<[16], f32>) -> !ts.tensor<[16], f32> {
  %a = ts.fusion_group(%x) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  %b = ts.fusion_group(%a) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  %c = ts.fusion_group(%b) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  %d = ts.fusion_group(%c) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  return %d : !ts.tensor<[16], f32>
}

// -----

// A view of a result keeps the result alive: %a is read (through %v)
// after %b is made, so they do not share bytes. Sizes round up to 64
// bytes (3 floats take 64).
// CHECK-LABEL: func.func @view
// CHECK-SAME:    attributes {ts.arena_size = 128 : i64}
// CHECK:         } {arena_offsets = array<i64: 0>} :
// CHECK:         ts.aten.view
// CHECK:         } {arena_offsets = array<i64: 64>} :
func.func @view(%x: !ts.tensor<[3], f32>) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %three = ts.prim.Constant(3 : i64) : i64
  %shape = ts.prim.ListConstruct %one, %three : (i64, i64) -> !ts.list<i64>
  %a = ts.fusion_group(%x) {
  ^bb0(%p: !ts.tensor<[3], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[3], f32>) -> !ts.tensor<[3], f32>
    ts.yield %t : !ts.tensor<[3], f32>
  } : (!ts.tensor<[3], f32>) -> !ts.tensor<[3], f32>
  %v = ts.aten.view %a, %shape : (!ts.tensor<[3], f32>, !ts.list<i64>) -> !ts.tensor
  %b = ts.fusion_group(%x) {
  ^bb0(%p: !ts.tensor<[3], f32>):
    %t = ts.aten.sigmoid %p : (!ts.tensor<[3], f32>) -> !ts.tensor<[3], f32>
    ts.yield %t : !ts.tensor<[3], f32>
  } : (!ts.tensor<[3], f32>) -> !ts.tensor<[3], f32>
  %s = ts.aten.add.Tensor %v, %b, %one : (!ts.tensor, !ts.tensor<[3], f32>, i64) -> !ts.tensor
  return %s : !ts.tensor
}

// -----

// A group that yields its input unchanged gives it back (when its
// operators run): %a lives as long as %r#0, up to the add, so %b cannot
// take its bytes; it takes those of %r#1, which nothing reads. %r#0 is
// not a new tensor and gets no offset.
// CHECK-LABEL: func.func @yields_input
// CHECK-SAME:    attributes {ts.arena_size = 128 : i64}
// CHECK:         } {arena_offsets = array<i64: 0>} :
// CHECK:         } {arena_offsets = array<i64: -1, 64>} :
// CHECK:         } {arena_offsets = array<i64: 64>} :
func.func @yields_input(%x: !ts.tensor<[16], f32>) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %a = ts.fusion_group(%x) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  %r:2 = ts.fusion_group(%a) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %p, %t : !ts.tensor<[16], f32>, !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> (!ts.tensor<[16], f32>, !ts.tensor<[16], f32>)
  %b = ts.fusion_group(%x) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.sigmoid %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  %s = ts.aten.add.Tensor %r#0, %b, %one : (!ts.tensor<[16], f32>, !ts.tensor<[16], f32>, i64) -> !ts.tensor
  return %s : !ts.tensor
}

// -----

// Results that may outlive their uses here, or be written, are left to
// the allocator: one stored in a list, one written in place, one of
// unknown sizes, one of another dtype.
// CHECK-LABEL: func.func @unplanned
// CHECK-NOT:     arena
// CHECK:         return
func.func @unplanned(%x: !ts.tensor<[16], f32>, %y: !ts.tensor, %z: !ts.tensor<[16], f64>) -> !ts.list<!ts.tensor> {
  %one = ts.prim.Constant(1 : i64) : i64
  %a = ts.fusion_group(%x) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  %l = ts.prim.ListConstruct %a : (!ts.tensor<[16], f32>) -> !ts.list<!ts.tensor>
  %b = ts.fusion_group(%x) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  %w = ts.aten.add_.Tensor %b, %x, %one : (!ts.tensor<[16], f32>, !ts.tensor<[16], f32>, i64) -> !ts.tensor
  %c = ts.fusion_group(%y) {
  ^bb0(%p: !ts.tensor):
    %t = ts.aten.tanh %p : (!ts.tensor) -> !ts.tensor
    ts.yield %t : !ts.tensor
  } : (!ts.tensor) -> !ts.tensor
  %d = ts.fusion_group(%z) {
  ^bb0(%p: !ts.tensor<[16], f64>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f64>) -> !ts.tensor<[16], f64>
    ts.yield %t : !ts.tensor<[16], f64>
  } : (!ts.tensor<[16], f64>) -> !ts.tensor<[16], f64>
  %s1 = ts.aten.add.Tensor %w, %c, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
  %s2 = ts.aten.add.Tensor %s1, %d, %one : (!ts.tensor, !ts.tensor<[16], f64>, i64) -> !ts.tensor
  %e = ts.aten.append.t %l, %s2 : (!ts.list<!ts.tensor>, !ts.tensor) -> !ts.list<!ts.tensor>
  return %l : !ts.list<!ts.tensor>
}

// -----

// The two branches of an if share bytes: only one runs. A value used
// inside a branch lives to the end of the if.
// CHECK-LABEL: func.func @branches
// CHECK-SAME:    attributes {ts.arena_size = 128 : i64}
// CHECK:         } {arena_offsets = array<i64: 0>} :
// CHECK:         ts.prim.If
// CHECK:         } {arena_offsets = array<i64: 64>} :
// CHECK:         } else {
// CHECK:         } {arena_offsets = array<i64: 64>} :
func.func @branches(%x: !ts.tensor<[16], f32>, %flag: i1) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %a = ts.fusion_group(%x) {
  ^bb0(%p: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  %r = ts.prim.If %flag -> (!ts.tensor) {
    %b = ts.fusion_group(%x) {
    ^bb0(%p: !ts.tensor<[16], f32>):
      %t = ts.aten.sigmoid %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
      ts.yield %t : !ts.tensor<[16], f32>
    } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    %s = ts.aten.add.Tensor %a, %b, %one : (!ts.tensor<[16], f32>, !ts.tensor<[16], f32>, i64) -> !ts.tensor
    ts.yield %s : !ts.tensor
  } else {
    %c = ts.fusion_group(%x) {
    ^bb0(%p: !ts.tensor<[16], f32>):
      %t = ts.aten.exp %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
      ts.yield %t : !ts.tensor<[16], f32>
    } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    %s = ts.aten.mul.Tensor %a, %c : (!ts.tensor<[16], f32>, !ts.tensor<[16], f32>) -> !ts.tensor
    ts.yield %s : !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// In a loop body: a value read in the same iteration is planned, one
// carried to the next iteration is not.
// CHECK-LABEL: func.func @loop
// CHECK-SAME:    attributes {ts.arena_size = 64 : i64}
// CHECK:         ts.prim.Loop
// CHECK:         } {arena_offsets = array<i64: 0>} :
// CHECK-NOT:     arena_offsets
// CHECK:         return
func.func @loop(%x: !ts.tensor<[16], f32>, %n: i64) -> !ts.tensor<[16], f32> {
  %true = ts.prim.Constant(true) : i1
  %r = ts.prim.Loop %n, %true iter(%x : !ts.tensor<[16], f32>) -> (!ts.tensor<[16], f32>) {
  ^bb0(%i: i64, %h: !ts.tensor<[16], f32>):
    %a = ts.fusion_group(%h) {
    ^bb0(%p: !ts.tensor<[16], f32>):
      %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
      ts.yield %t : !ts.tensor<[16], f32>
    } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    %b = ts.fusion_group(%a) {
    ^bb0(%p: !ts.tensor<[16], f32>):
      %t = ts.aten.sigmoid %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
      ts.yield %t : !ts.tensor<[16], f32>
    } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %true, %b : i1, !ts.tensor<[16], f32>
  }
  return %r : !ts.tensor<[16], f32>
}

// -----

// A fork's body may run on another thread: nothing in it is planned.
// CHECK-LABEL: func.func @fork
// CHECK-NOT:     arena
// CHECK:         return
func.func @fork(%x: !ts.tensor<[16], f32>) -> !ts.tensor {
  %f = ts.prim.fork(%x) {
  ^bb0(%y: !ts.tensor<[16], f32>):
    %a = ts.fusion_group(%y) {
    ^bb0(%p: !ts.tensor<[16], f32>):
      %t = ts.aten.tanh %p : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
      ts.yield %t : !ts.tensor<[16], f32>
    } : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    %n = ts.aten.neg %a : (!ts.tensor<[16], f32>) -> !ts.tensor
    ts.yield %n : !ts.tensor
  } : (!ts.tensor<[16], f32>) -> !ts.future<!ts.tensor>
  %r = ts.aten.wait %f : (!ts.future<!ts.tensor>) -> !ts.tensor
  return %r : !ts.tensor
}
