// RUN: tsc-opt %s -split-input-file -verify-diagnostics

func.func @constant_type_mismatch() {
  // expected-error@+1 {{'ts.prim.Constant' op value "a" is not a constant of type 'i64'}}
  %0 = ts.prim.Constant("a") : i64
  return
}

// -----

func.func @if_yield_count(%c: i1) {
  // expected-error@+1 {{'ts.prim.If' op then branch yields 0 values, expected 1}}
  %0 = ts.prim.If %c -> (i64) {
    ts.yield
  } else {
    %1 = ts.prim.Constant(1 : i64) : i64
    ts.yield %1 : i64
  }
  return
}

// -----

func.func @if_yield_not_subtype(%c: i1, %s: !ts.str) {
  // expected-error@+1 {{'ts.prim.If' op else branch yields '!ts.str' as value #0, which is not a subtype of 'i64'}}
  %0 = ts.prim.If %c -> (i64) {
    %1 = ts.prim.Constant(1 : i64) : i64
    ts.yield %1 : i64
  } else {
    ts.yield %s : !ts.str
  }
  return
}

// -----

func.func @loop_condition(%n: i64, %c: i1) {
  // expected-error@+1 {{'ts.prim.Loop' op body must yield the continue condition (i1) first}}
  ts.prim.Loop %n, %c {
  ^bb0(%i: i64):
    ts.yield %i : i64
  }
  return
}

// -----

func.func @loop_body_arguments(%n: i64, %c: i1, %x: !ts.tensor) {
  // expected-error@+1 {{'ts.prim.Loop' op body must take the iteration count (i64) and one argument per carried value}}
  %0 = ts.prim.Loop %n, %c iter(%x : !ts.tensor) -> (!ts.tensor) {
  ^bb0(%i: i64):
    ts.yield %c, %x : i1, !ts.tensor
  }
  return
}

// -----

func.func @bad_tensor_size() {
  // expected-error@+1 {{tensor dimension sizes must be non-negative}}
  %0 = "ts.prim.Uninitialized"() : () -> !ts.tensor<[-2]>
  return
}

// -----

func.func @aten_operand_type(%s: !ts.str) {
  // expected-error@+1 {{'ts.aten.tanh' op operand #0 must be TorchScript tensor}}
  %0 = ts.aten.tanh %s : (!ts.str) -> !ts.tensor
  return
}

// -----

func.func @refined_size_mismatch(%c: i1, %x: !ts.tensor<[2, 4], f32>) {
  // expected-error@+1 {{'ts.prim.If' op then branch yields '!ts.tensor<[2, 4], f32>' as value #0, which is not a subtype of '!ts.tensor<[2, 3], f32>'}}
  %0 = ts.prim.If %c -> (!ts.tensor<[2, 3], f32>) {
    ts.yield %x : !ts.tensor<[2, 4], f32>
  } else {
    ts.yield %x : !ts.tensor<[2, 4], f32>
  }
  return
}

// -----

// A schema with a wrong operand type does not verify.
func.func @wrong_operand(%x: !ts.tensor) -> i64 {
  // expected-error@+1 {{operand #0 must be TorchScript int}}
  %a = ts.aten.add.int %x, %x : (!ts.tensor, !ts.tensor) -> i64
  return %a : i64
}

// -----

// expected-error@+1 {{'ts.object' op has 1 slot names but 2 values}}
%0 = "ts.object"(%1, %1) <{slots = ["a"]}> : (i64, i64) -> !ts.class<"M">
%1 = ts.prim.Constant(1 : i64) : i64

// -----

%a = ts.prim.Constant(1 : i64) : i64
// expected-error@+1 {{'ts.object' op has two slots named "a"}}
%0 = ts.object ["a", "a"](%a, %a) : (i64, i64) -> !ts.class<"M">

// -----

func.func @dict_odd(%k: !ts.str) {
  // expected-error@+1 {{'ts.prim.DictConstruct' op needs a value for every key}}
  %d = ts.prim.DictConstruct %k : (!ts.str) -> !ts.dict<!ts.str, i64>
  return
}

// -----

func.func @dict_value_type(%k: !ts.str) {
  // expected-error@+1 {{'ts.prim.DictConstruct' op operand #1 of type '!ts.str' is not a subtype of 'i64'}}
  %d = ts.prim.DictConstruct %k, %k : (!ts.str, !ts.str) -> !ts.dict<!ts.str, i64>
  return
}

// -----

func.func @fork_arity(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.prim.fork' op body takes 0 arguments, but 1 operands are given}}
  %f = ts.prim.fork(%x) {
    ts.yield %x : !ts.tensor
  } : (!ts.tensor) -> !ts.future<!ts.tensor>
  return
}

// -----

func.func @fork_result(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.prim.fork' op body yields '!ts.tensor', which is not a subtype of the future's 'i64'}}
  %f = ts.prim.fork(%x) {
  ^bb0(%a: !ts.tensor):
    ts.yield %a : !ts.tensor
  } : (!ts.tensor) -> !ts.future<i64>
  return
}

// -----

// Every element of a named tuple has a field name.
// expected-error@+1 {{expected ':'}}
func.func private @bad_namedtuple() -> !ts.tuple<"P", x: i64, i64>

// -----

// A fusion group's body takes its inputs...
func.func @fusion_arguments(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op body arguments must match the inputs}}
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor, %b: !ts.tensor):
    ts.yield %a : !ts.tensor
  } : (!ts.tensor) -> !ts.tensor
  return
}

// -----

// ...and yields its results.
func.func @fusion_results(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op body must yield values of the result types}}
  %r:2 = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    ts.yield %a : !ts.tensor
  } : (!ts.tensor) -> (!ts.tensor, !ts.tensor)
  return
}

// -----

// Its body holds only what fusion kernels compute.
func.func @fusion_unfusible(%x: !ts.tensor, %y: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op body holds 'ts.aten.mm', which no fusion kernel computes}}
  %r = ts.fusion_group(%x, %y) {
  ^bb0(%a: !ts.tensor, %b: !ts.tensor):
    %m = ts.aten.mm %a, %b : (!ts.tensor, !ts.tensor) -> !ts.tensor
    ts.yield %m : !ts.tensor
  } : (!ts.tensor, !ts.tensor) -> !ts.tensor
  return
}

// -----

// A linear layer reads its input's rows whole: an argument of the body,
// not a value computed in it.
func.func @fusion_linear_inside(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op a linear layer's input must be an argument of the body (its rows are read whole)}}
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    %w = ts.prim.Constant(dense<1.0> : tensor<2x2xf32>) : !ts.tensor<[2, 2], f32>
    %none = ts.prim.Constant(unit) : !ts.none
    %e = ts.aten.exp %a : (!ts.tensor) -> !ts.tensor
    %y = ts.aten.linear %e, %w, %none : (!ts.tensor, !ts.tensor<[2, 2], f32>, !ts.none) -> !ts.tensor
    ts.yield %y : !ts.tensor
  } : (!ts.tensor) -> !ts.tensor
  return
}

// -----

// The layers of a group have one output width (a kernel row)...
func.func @fusion_linear_widths(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op linear layers of different output widths (2 and 3)}}
  %r:2 = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    %w2 = ts.prim.Constant(dense<1.0> : tensor<2x2xf32>) : !ts.tensor<[2, 2], f32>
    %w3 = ts.prim.Constant(dense<1.0> : tensor<3x2xf32>) : !ts.tensor<[3, 2], f32>
    %none = ts.prim.Constant(unit) : !ts.none
    %y = ts.aten.linear %a, %w2, %none : (!ts.tensor, !ts.tensor<[2, 2], f32>, !ts.none) -> !ts.tensor
    %z = ts.aten.linear %a, %w3, %none : (!ts.tensor, !ts.tensor<[3, 2], f32>, !ts.none) -> !ts.tensor
    ts.yield %y, %z : !ts.tensor, !ts.tensor
  } : (!ts.tensor) -> (!ts.tensor, !ts.tensor)
  return
}

// -----

// ...read each input with one row length...
func.func @fusion_linear_lengths(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op one input read by linear layers of different row lengths}}
  %r:2 = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    %w2 = ts.prim.Constant(dense<1.0> : tensor<2x2xf32>) : !ts.tensor<[2, 2], f32>
    %w3 = ts.prim.Constant(dense<1.0> : tensor<2x3xf32>) : !ts.tensor<[2, 3], f32>
    %none = ts.prim.Constant(unit) : !ts.none
    %y = ts.aten.linear %a, %w2, %none : (!ts.tensor, !ts.tensor<[2, 2], f32>, !ts.none) -> !ts.tensor
    %z = ts.aten.linear %a, %w3, %none : (!ts.tensor, !ts.tensor<[2, 3], f32>, !ts.none) -> !ts.tensor
    ts.yield %y, %z : !ts.tensor, !ts.tensor
  } : (!ts.tensor) -> (!ts.tensor, !ts.tensor)
  return
}

// -----

// ...and do not share a group with a row reduction, of which there is one
// at most.
func.func @fusion_linear_rows(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op body holds both a row reduction and linear layers}}
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    %w = ts.prim.Constant(dense<1.0> : tensor<2x2xf32>) : !ts.tensor<[2, 2], f32>
    %none = ts.prim.Constant(unit) : !ts.none
    %dim = ts.prim.Constant(-1 : i64) : i64
    %y = ts.aten.linear %a, %w, %none : (!ts.tensor, !ts.tensor<[2, 2], f32>, !ts.none) -> !ts.tensor
    %s = ts.aten.softmax.int %y, %dim, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
    ts.yield %s : !ts.tensor
  } : (!ts.tensor) -> !ts.tensor
  return
}

// -----

func.func @fusion_two_rows(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op body holds more than one row reduction}}
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    %none = ts.prim.Constant(unit) : !ts.none
    %dim = ts.prim.Constant(-1 : i64) : i64
    %s = ts.aten.softmax.int %a, %dim, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
    %t = ts.aten.softmax.int %s, %dim, %none : (!ts.tensor, i64, !ts.none) -> !ts.tensor
    ts.yield %t : !ts.tensor
  } : (!ts.tensor) -> !ts.tensor
  return
}

// -----

func.func @arena_offsets_count(%x: !ts.tensor<[16], f32>) {
  // expected-error@+1 {{'ts.fusion_group' op has 2 arena offsets for 1 results}}
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %a : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } {arena_offsets = array<i64: 0, 64>} : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  return
}

// -----

func.func @arena_offset_misaligned(%x: !ts.tensor<[16], f32>) {
  // expected-error@+1 {{'ts.fusion_group' op arena offsets must be multiples of 64, or -1}}
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor<[16], f32>):
    %t = ts.aten.tanh %a : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
    ts.yield %t : !ts.tensor<[16], f32>
  } {arena_offsets = array<i64: 32>} : (!ts.tensor<[16], f32>) -> !ts.tensor<[16], f32>
  return
}

// -----

func.func @arena_offset_dynamic(%x: !ts.tensor) {
  // expected-error@+1 {{'ts.fusion_group' op has an arena offset for a result of type '!ts.tensor', not float32 of static sizes}}
  %r = ts.fusion_group(%x) {
  ^bb0(%a: !ts.tensor):
    %t = ts.aten.tanh %a : (!ts.tensor) -> !ts.tensor
    ts.yield %t : !ts.tensor
  } {arena_offsets = array<i64: 0>} : (!ts.tensor) -> !ts.tensor
  return
}
