// RUN: tsc-opt %s -inline | FileCheck %s

// Calls between functions of ts ops inline, with their regions; the
// private callee is then dead and goes.
// CHECK-LABEL: func.func @forward
// CHECK-NOT:     func.call
// CHECK:         %[[R:.*]] = ts.prim.If %arg1 -> (!ts.tensor) {
// CHECK:           ts.aten.relu %arg0
// CHECK:         } else {
// CHECK:           ts.aten.neg %arg0
// CHECK:         ts.aten.tanh %[[R]]
// CHECK-NOT:   func.func private @helper
func.func @forward(%x: !ts.tensor, %c: i1) -> !ts.tensor {
  %h = func.call @helper(%x, %c) : (!ts.tensor, i1) -> !ts.tensor
  %t = ts.aten.tanh %h : (!ts.tensor) -> !ts.tensor
  return %t : !ts.tensor
}
func.func private @helper(%x: !ts.tensor, %c: i1) -> !ts.tensor {
  %r = ts.prim.If %c -> (!ts.tensor) {
    %a = ts.aten.relu %x : (!ts.tensor) -> !ts.tensor
    ts.yield %a : !ts.tensor
  } else {
    %b = ts.aten.neg %x : (!ts.tensor) -> !ts.tensor
    ts.yield %b : !ts.tensor
  }
  return %r : !ts.tensor
}
