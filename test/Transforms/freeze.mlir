// RUN: tsc-opt %s -tsc-freeze -split-input-file | FileCheck %s

// Attributes no method changes become constants in the method; `self` is
// dropped and the object graph erased.
// CHECK-LABEL: module
// CHECK-NOT: ts.object
// CHECK-LABEL: func.func @forward(%arg0: !ts.tensor {ts.name = "x"})
// CHECK: %[[W:.*]] = ts.prim.Constant(dense<2.000000e+00> : tensor<2xf32>) : !ts.tensor<[2], f32>
// CHECK: ts.aten.mul.Tensor %arg0, %[[W]]
// CHECK-NOT: ts.prim.GetAttr
%w = ts.prim.Constant(dense<2.0> : tensor<2xf32>) : !ts.tensor<[2], f32>
%lin = ts.object ["weight"](%w) : (!ts.tensor<[2], f32>) -> !ts.class<"L">
%m = ts.object ["lin"](%lin) root : (!ts.class<"L">) -> !ts.class<"M">
func.func @forward(%self: !ts.class<"M"> {ts.name = "self"}, %x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
  %l = ts.prim.GetAttr %self["lin"] : !ts.class<"M"> -> !ts.class<"L">
  %w2 = ts.prim.GetAttr %l["weight"] : !ts.class<"L"> -> !ts.tensor
  %y = ts.aten.mul.Tensor %x, %w2 : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return %y : !ts.tensor
}

// -----

// An assigned attribute stays state: self and the object graph stay, the
// other attribute is still frozen.
// CHECK-LABEL: module
// CHECK: ts.object ["count", "step"]
// CHECK-LABEL: func.func @forward(%arg0: !ts.class<"M">
// CHECK: %[[STEP:.*]] = ts.prim.Constant(3 : i64) : i64
// CHECK: %[[C:.*]] = ts.prim.GetAttr %arg0["count"]
// CHECK: %[[N:.*]] = ts.aten.add.int %[[C]], %[[STEP]]
// CHECK: ts.prim.SetAttr %arg0["count"] = %[[N]]
%c = ts.prim.Constant(0 : i64) : i64
%s = ts.prim.Constant(3 : i64) : i64
%m = ts.object ["count", "step"](%c, %s) root : (i64, i64) -> !ts.class<"M">
func.func @forward(%self: !ts.class<"M">) -> i64 {
  %c0 = ts.prim.GetAttr %self["count"] : !ts.class<"M"> -> i64
  %s0 = ts.prim.GetAttr %self["step"] : !ts.class<"M"> -> i64
  %n = ts.aten.add.int %c0, %s0 : (i64, i64) -> i64
  ts.prim.SetAttr %self["count"] = %n : !ts.class<"M">, i64
  return %n : i64
}

// -----

// A tensor attribute changed in place, even through a view and a loop,
// stays state.
// CHECK-LABEL: func.func @forward(%arg0: !ts.class<"M">
// CHECK: ts.prim.GetAttr %arg0["buf"]
// CHECK: ts.aten.view
// CHECK: ts.aten.add_.Scalar
%b = ts.prim.Constant(dense<0.0> : tensor<4xf32>) : !ts.tensor<[4], f32>
%m = ts.object ["buf"](%b) root : (!ts.tensor<[4], f32>) -> !ts.class<"M">
func.func @forward(%self: !ts.class<"M">, %shape: !ts.list<i64>, %n: i64) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %t = ts.prim.Constant(true) : i1
  %buf = ts.prim.GetAttr %self["buf"] : !ts.class<"M"> -> !ts.tensor
  %v = ts.aten.view %buf, %shape : (!ts.tensor, !ts.list<i64>) -> !ts.tensor
  %r = ts.prim.Loop %n, %t iter(%v : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64, %acc: !ts.tensor):
    %u = ts.aten.add_.Scalar %acc, %one, %one : (!ts.tensor, i64, i64) -> !ts.tensor
    ts.yield %t, %u : i1, !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// `if self.training:` guards an in-place update of a buffer. Freezing
// `training` (false) removes the branch, and then the buffer, no longer
// changed, freezes too.
// CHECK-LABEL: func.func @forward(%arg0: !ts.tensor)
// CHECK-NOT: ts.prim.If
// CHECK-NOT: ts.aten.add_
// CHECK: %[[N:.*]] = ts.prim.Constant(dense<5> : tensor<si64>) : !ts.tensor<[], si64>
// CHECK: ts.aten.mul.Tensor %arg0, %[[N]]
%f = ts.prim.Constant(false) : i1
%n = ts.prim.Constant(dense<5> : tensor<si64>) : !ts.tensor<[], si64>
%m = ts.object ["training", "num_batches_tracked"](%f, %n) root : (i1, !ts.tensor<[], si64>) -> !ts.class<"BN">
func.func @forward(%self: !ts.class<"BN">, %x: !ts.tensor) -> !ts.tensor {
  %one = ts.prim.Constant(1 : i64) : i64
  %tr = ts.prim.GetAttr %self["training"] : !ts.class<"BN"> -> i1
  ts.prim.If %tr {
    %nb = ts.prim.GetAttr %self["num_batches_tracked"] : !ts.class<"BN"> -> !ts.tensor
    %u = ts.aten.add_.Scalar %nb, %one, %one : (!ts.tensor, i64, i64) -> !ts.tensor
    ts.yield
  } else {
    ts.yield
  }
  %nb2 = ts.prim.GetAttr %self["num_batches_tracked"] : !ts.class<"BN"> -> !ts.tensor
  %y = ts.aten.mul.Tensor %x, %nb2 : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return %y : !ts.tensor
}

// -----

// An Optional attribute that holds None: `is not None` folds and the
// guarded code goes.
// CHECK-LABEL: func.func @forward(%arg0: !ts.tensor)
// CHECK-NOT: ts.prim.If
// CHECK-NOT: ts.aten.__isnot__
// CHECK: return %arg0
%none = ts.prim.Constant(unit) : !ts.none
%m = ts.object ["bias"](%none) root : (!ts.none) -> !ts.class<"M">
func.func @forward(%self: !ts.class<"M">, %x: !ts.tensor) -> !ts.tensor {
  %b = ts.prim.GetAttr %self["bias"] : !ts.class<"M"> -> !ts.optional<!ts.tensor>
  %none2 = ts.prim.Constant(unit) : !ts.none
  %one = ts.prim.Constant(1 : i64) : i64
  %nn = ts.aten.__isnot__ %b, %none2 : (!ts.optional<!ts.tensor>, !ts.none) -> i1
  %r = ts.prim.If %nn -> (!ts.tensor) {
    %bt = ts.prim.unchecked_cast %b : !ts.optional<!ts.tensor> to !ts.tensor
    %s = ts.aten.add.Tensor %x, %bt, %one : (!ts.tensor, !ts.tensor, i64) -> !ts.tensor
    ts.yield %s : !ts.tensor
  } else {
    ts.yield %x : !ts.tensor
  }
  return %r : !ts.tensor
}

// -----

// A list attribute only read is frozen (rebuilt in the method); one that is
// appended to stays.
// CHECK-LABEL: func.func @forward(%arg0: !ts.class<"M">
// CHECK-DAG: %[[SIZES:.*]] = ts.prim.Constant([2, 3]) : !ts.list<i64>
// CHECK-DAG: ts.aten.len.t %[[SIZES]]
// CHECK-DAG: %[[LOG:.*]] = ts.prim.GetAttr %arg0["log"]
// CHECK-DAG: ts.aten.append.t %[[LOG]]
%sz = ts.prim.Constant([2, 3]) : !ts.list<i64>
%lg = ts.prim.Constant([]) : !ts.list<i64>
%m = ts.object ["sizes", "log"](%sz, %lg) root : (!ts.list<i64>, !ts.list<i64>) -> !ts.class<"M">
func.func @forward(%self: !ts.class<"M">) -> i64 {
  %s = ts.prim.GetAttr %self["sizes"] : !ts.class<"M"> -> !ts.list<i64>
  %n = ts.aten.len.t %s : (!ts.list<i64>) -> i64
  %l = ts.prim.GetAttr %self["log"] : !ts.class<"M"> -> !ts.list<i64>
  %a = ts.aten.append.t %l, %n : (!ts.list<i64>, i64) -> !ts.list<i64>
  return %n : i64
}

// -----

// An object handed to an operator escapes: none of its attributes freeze.
// CHECK-LABEL: func.func @forward(%arg0: !ts.class<"M">
// CHECK: ts.prim.GetAttr %arg0["k"]
%k = ts.prim.Constant(7 : i64) : i64
%m = ts.object ["k"](%k) root : (i64) -> !ts.class<"M">
func.func @forward(%self: !ts.class<"M">) -> i64 {
  ts.operator "prim::Print"(%self) {overload = "", schema = "prim::Print(...) -> ()"} : (!ts.class<"M">) -> ()
  %v = ts.prim.GetAttr %self["k"] : !ts.class<"M"> -> i64
  return %v : i64
}

// -----

// Known imprecision: a tensor attribute stored into a list by an in-place
// list op (append writes its list operand, not the element) still counts as
// possibly written, so it stays state.
// CHECK-LABEL: func.func @forward(%arg0: !ts.class<"M">
// CHECK: ts.prim.GetAttr %arg0["w"]
%w = ts.prim.Constant(dense<1.0> : tensor<2xf32>) : !ts.tensor<[2], f32>
%m = ts.object ["w"](%w) root : (!ts.tensor<[2], f32>) -> !ts.class<"M">
func.func @forward(%self: !ts.class<"M">, %x: !ts.tensor) -> !ts.list<!ts.tensor> {
  %l = ts.prim.ListConstruct %x : (!ts.tensor) -> !ts.list<!ts.tensor>
  %w2 = ts.prim.GetAttr %self["w"] : !ts.class<"M"> -> !ts.tensor
  %a = ts.aten.append.t %l, %w2 : (!ts.list<!ts.tensor>, !ts.tensor) -> !ts.list<!ts.tensor>
  return %l : !ts.list<!ts.tensor>
}

// -----

// Functions without self (TorchScript source) are left alone.
// CHECK-LABEL: func.func @f(%arg0: i64) -> i64
// CHECK-NEXT: return %arg0
func.func @f(%x: i64) -> i64 {
  return %x : i64
}
