// RUN: tsc-opt %s -cse -canonicalize -split-input-file | FileCheck %s

// Memory effects of the generated ops: functional tensor ops only read, so
// an unused one is erased and identical ones merge; an op that writes an
// argument (TS_InPlace, no declared effects) stops both; scalar ops have no
// effects at all.

// CHECK-LABEL: func.func @unused_read_erased
// CHECK-NOT: ts.aten.neg
func.func @unused_read_erased(%x: !ts.tensor) -> !ts.tensor {
  %a = ts.aten.neg %x : (!ts.tensor) -> !ts.tensor
  return %x : !ts.tensor
}

// -----

// CHECK-LABEL: func.func @identical_reads_merge
// CHECK: %[[A:.*]] = ts.aten.neg %arg0
// CHECK-NOT: ts.aten.neg
// CHECK: ts.prim.TupleConstruct %[[A]], %[[A]]
func.func @identical_reads_merge(%x: !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor> {
  %a = ts.aten.neg %x : (!ts.tensor) -> !ts.tensor
  %b = ts.aten.neg %x : (!ts.tensor) -> !ts.tensor
  %t = ts.prim.TupleConstruct %a, %b : (!ts.tensor, !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor>
  return %t : !ts.tuple<!ts.tensor, !ts.tensor>
}

// -----

// CHECK-LABEL: func.func @inplace_blocks_merge
// CHECK: ts.aten.neg
// CHECK: ts.aten.relu_
// CHECK: ts.aten.neg
func.func @inplace_blocks_merge(%x: !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor> {
  %a = ts.aten.neg %x : (!ts.tensor) -> !ts.tensor
  %w = ts.aten.relu_ %x : (!ts.tensor) -> !ts.tensor
  %b = ts.aten.neg %x : (!ts.tensor) -> !ts.tensor
  %t = ts.prim.TupleConstruct %a, %b : (!ts.tensor, !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor>
  return %t : !ts.tuple<!ts.tensor, !ts.tensor>
}

// -----

// An unused in-place op stays: it changes its argument.
// CHECK-LABEL: func.func @unused_inplace_kept
// CHECK: ts.aten.add_.Scalar
func.func @unused_inplace_kept(%x: !ts.tensor, %s: i64) -> !ts.tensor {
  %w = ts.aten.add_.Scalar %x, %s, %s : (!ts.tensor, i64, i64) -> !ts.tensor
  return %x : !ts.tensor
}

// -----

// Random ops declare no effects: two draws are two draws.
// CHECK-LABEL: func.func @random_not_merged
// CHECK: ts.aten.dropout
// CHECK: ts.aten.dropout
func.func @random_not_merged(%x: !ts.tensor, %p: f64, %t: i1) -> !ts.tuple<!ts.tensor, !ts.tensor> {
  %a = ts.aten.dropout %x, %p, %t : (!ts.tensor, f64, i1) -> !ts.tensor
  %b = ts.aten.dropout %x, %p, %t : (!ts.tensor, f64, i1) -> !ts.tensor
  %r = ts.prim.TupleConstruct %a, %b : (!ts.tensor, !ts.tensor) -> !ts.tuple<!ts.tensor, !ts.tensor>
  return %r : !ts.tuple<!ts.tensor, !ts.tensor>
}

// -----

// Lists are mutable: len of a list is a read, not a pure value, so an
// append between two reads keeps both.
// CHECK-LABEL: func.func @list_reads_ordered
// CHECK: ts.aten.len.t
// CHECK: ts.aten.append.t
// CHECK: ts.aten.len.t
func.func @list_reads_ordered(%l: !ts.list<i64>, %v: i64) -> !ts.tuple<i64, i64> {
  %a = ts.aten.len.t %l : (!ts.list<i64>) -> i64
  %w = ts.aten.append.t %l, %v : (!ts.list<i64>, i64) -> !ts.list<i64>
  %b = ts.aten.len.t %l : (!ts.list<i64>) -> i64
  %r = ts.prim.TupleConstruct %a, %b : (i64, i64) -> !ts.tuple<i64, i64>
  return %r : !ts.tuple<i64, i64>
}
