// RUN: tsc-opt %s -canonicalize -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @int_arith
// CHECK-NEXT: %[[C:.*]] = ts.prim.Constant(19 : i64) : i64
// CHECK-NEXT: return %[[C]]
func.func @int_arith() -> i64 {
  %a = ts.prim.Constant(3 : i64) : i64
  %b = ts.prim.Constant(5 : i64) : i64
  %s = ts.aten.add.int %a, %b : (i64, i64) -> i64
  %m = ts.aten.mul.int %s, %a : (i64, i64) -> i64
  %r = ts.aten.sub.int %m, %b : (i64, i64) -> i64
  return %r : i64
}

// -----

// TorchScript ints wrap at 64 bits.
// CHECK-LABEL: func.func @int_wraps
// CHECK-NEXT: ts.prim.Constant(-9223372036854775808 : i64)
func.func @int_wraps() -> i64 {
  %a = ts.prim.Constant(9223372036854775807 : i64) : i64
  %b = ts.prim.Constant(1 : i64) : i64
  %s = ts.aten.add.int %a, %b : (i64, i64) -> i64
  return %s : i64
}

// -----

// CHECK-LABEL: func.func @comparisons
// CHECK-DAG: ts.prim.Constant(true) : i1
// CHECK-DAG: ts.prim.Constant(false) : i1
// CHECK-NOT: ts.aten
func.func @comparisons() -> (i1, i1, i1, i1) {
  %a = ts.prim.Constant(3 : i64) : i64
  %b = ts.prim.Constant(5 : i64) : i64
  %lt = ts.aten.lt.int %a, %b : (i64, i64) -> i1
  %ge = ts.aten.ge.int %a, %b : (i64, i64) -> i1
  %x = ts.prim.Constant(1.5 : f64) : f64
  %y = ts.prim.Constant(0.5 : f64) : f64
  %gt = ts.aten.gt.float %x, %y : (f64, f64) -> i1
  %n = ts.aten.__not__ %gt : (i1) -> i1
  return %lt, %ge, %gt, %n : i1, i1, i1, i1
}

// -----

// CHECK-LABEL: func.func @float_arith
// CHECK-NEXT: ts.prim.Constant(3.500000e+00 : f64)
func.func @float_arith() -> f64 {
  %x = ts.prim.Constant(1.5 : f64) : f64
  %y = ts.prim.Constant(2.5 : f64) : f64
  %s = ts.aten.add.float %x, %y : (f64, f64) -> f64
  %h = ts.prim.Constant(0.5 : f64) : f64
  %d = ts.aten.sub.float %s, %h : (f64, f64) -> f64
  %t = ts.prim.Constant(1.0 : f64) : f64
  %r = ts.aten.mul.float %d, %t : (f64, f64) -> f64
  return %r : f64
}

// -----

// A cast to the operand's own type is the operand (the frontend leaves
// them on `dim` arguments); a cast that refines stays.
// CHECK-LABEL: func.func @unchecked_cast
// CHECK-NEXT:    %[[C:.*]] = ts.prim.Constant(-1 : i64) : i64
// CHECK-NEXT:    %[[R:.*]] = ts.prim.unchecked_cast %arg0 : !ts.optional<i64> to i64
// CHECK-NEXT:    return %[[C]], %[[R]]
func.func @unchecked_cast(%o: !ts.optional<i64>) -> (i64, i64) {
  %c = ts.prim.Constant(-1 : i64) : i64
  %same = ts.prim.unchecked_cast %c : i64 to i64
  %r = ts.prim.unchecked_cast %o : !ts.optional<i64> to i64
  return %same, %r : i64, i64
}
