// Failures inside a compiled method: an operator the registry lacks, a call
// with the wrong argument count, and exceptions with a class name.
module {
  func.func @unknown(%x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
    %y = ts.operator "aten::no_such_op"(%x) {overload = "", schema = "aten::no_such_op(Tensor self) -> Tensor"} : (!ts.tensor) -> !ts.tensor
    return %y : !ts.tensor
  }
  func.func @arity(%x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
    %y = ts.operator "aten::neg"(%x, %x) {overload = "", schema = "aten::neg(Tensor self) -> Tensor"} : (!ts.tensor, !ts.tensor) -> !ts.tensor
    return %y : !ts.tensor
  }
  func.func @raise_class(%x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
    %msg = ts.prim.Constant("bad value") : !ts.str
    %cls = ts.prim.Constant("builtins.ValueError") : !ts.str
    ts.prim.RaiseException %msg, %cls : !ts.str, !ts.str
    return %x : !ts.tensor
  }
  func.func @raise_named(%x: !ts.tensor {ts.name = "x"}) -> !ts.tensor {
    %msg = ts.prim.Constant("ValueError: already named") : !ts.str
    %cls = ts.prim.Constant("builtins.ValueError") : !ts.str
    ts.prim.RaiseException %msg, %cls : !ts.str, !ts.str
    return %x : !ts.tensor
  }
}
