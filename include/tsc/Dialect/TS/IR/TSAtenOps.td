//===- TSAtenOps.td - aten ops modelled individually -------*- tablegen -*-===//
//
// aten:: operators with their schema's argument names and types. The op's
// name encodes the registry key: ts.aten.<name>[.<overload>] is
// aten::<name>.<overload>. This hand-written set covers the walking
// skeleton's examples; issue #3 replaces it with definitions generated from
// LibTorch's registry.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_DIALECT_TS_IR_TSATENOPS
#define TSC_DIALECT_TS_IR_TSATENOPS

// An aten op whose behaviour depends only on its operands (TorchScript
// scalars are immutable): safe to CSE, fold and erase when unused.
class TS_ScalarOp<string mnemonic, list<Trait> traits = []>
    : TS_Op<"aten." # mnemonic, !listconcat(traits, [Pure])> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

// An aten op on tensors. Tensors may alias and be mutated in place, so
// effects stay unknown until alias analysis proves otherwise.
class TS_TensorOp<string mnemonic, list<Trait> traits = []>
    : TS_Op<"aten." # mnemonic, traits> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

// Integer arithmetic and comparisons: aten::<op>.int(int a, int b).
class TS_IntBinaryOp<string mnemonic, Type resultType>
    : TS_ScalarOp<mnemonic # ".int"> {
  let arguments = (ins TS_Int:$a, TS_Int:$b);
  let results = (outs resultType:$result);
  let hasFolder = 1;
}
def TS_AtenAddIntOp : TS_IntBinaryOp<"add", TS_Int> { let summary = "aten::add.int"; }
def TS_AtenSubIntOp : TS_IntBinaryOp<"sub", TS_Int> { let summary = "aten::sub.int"; }
def TS_AtenMulIntOp : TS_IntBinaryOp<"mul", TS_Int> { let summary = "aten::mul.int"; }
def TS_AtenLtIntOp : TS_IntBinaryOp<"lt", TS_Bool> { let summary = "aten::lt.int"; }
def TS_AtenLeIntOp : TS_IntBinaryOp<"le", TS_Bool> { let summary = "aten::le.int"; }
def TS_AtenGtIntOp : TS_IntBinaryOp<"gt", TS_Bool> { let summary = "aten::gt.int"; }
def TS_AtenGeIntOp : TS_IntBinaryOp<"ge", TS_Bool> { let summary = "aten::ge.int"; }
def TS_AtenEqIntOp : TS_IntBinaryOp<"eq", TS_Bool> { let summary = "aten::eq.int"; }
def TS_AtenNeIntOp : TS_IntBinaryOp<"ne", TS_Bool> { let summary = "aten::ne.int"; }

// Float arithmetic: aten::<op>.float(float a, float b).
class TS_FloatBinaryOp<string mnemonic, Type resultType>
    : TS_ScalarOp<mnemonic # ".float"> {
  let arguments = (ins TS_Float:$a, TS_Float:$b);
  let results = (outs resultType:$result);
  let hasFolder = 1;
}
def TS_AtenAddFloatOp : TS_FloatBinaryOp<"add", TS_Float> { let summary = "aten::add.float"; }
def TS_AtenSubFloatOp : TS_FloatBinaryOp<"sub", TS_Float> { let summary = "aten::sub.float"; }
def TS_AtenMulFloatOp : TS_FloatBinaryOp<"mul", TS_Float> { let summary = "aten::mul.float"; }
def TS_AtenDivFloatOp : TS_FloatBinaryOp<"div", TS_Float> { let summary = "aten::div.float"; }
def TS_AtenLtFloatOp : TS_FloatBinaryOp<"lt", TS_Bool> { let summary = "aten::lt.float"; }
def TS_AtenGtFloatOp : TS_FloatBinaryOp<"gt", TS_Bool> { let summary = "aten::gt.float"; }

def TS_AtenNotOp : TS_ScalarOp<"__not__"> {
  let summary = "aten::__not__(bool self) -> bool";
  let arguments = (ins TS_Bool:$self);
  let results = (outs TS_Bool:$result);
  let hasFolder = 1;
}

// Tensor ops used by the skeleton's examples.
def TS_AtenLinearOp : TS_TensorOp<"linear"> {
  let summary = "aten::linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$input, TS_AnyTensor:$weight, AnyType:$bias);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenTanhOp : TS_TensorOp<"tanh"> {
  let summary = "aten::tanh(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenReluOp : TS_TensorOp<"relu"> {
  let summary = "aten::relu(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenNegOp : TS_TensorOp<"neg"> {
  let summary = "aten::neg(Tensor self) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenSumOp : TS_TensorOp<"sum"> {
  let summary = "aten::sum(Tensor self, *, ScalarType? dtype=None) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self, AnyType:$dtype);
  let results = (outs TS_AnyTensor:$result);
}
class TS_TensorBinaryOp<string mnemonic> : TS_TensorOp<mnemonic # ".Tensor"> {
  let arguments = (ins TS_AnyTensor:$self, TS_AnyTensor:$other);
  let results = (outs TS_AnyTensor:$result);
}
class TS_TensorScalarOp<string mnemonic> : TS_TensorOp<mnemonic # ".Scalar"> {
  let arguments = (ins TS_AnyTensor:$self, AnyType:$other);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenAddTensorOp : TS_TensorOp<"add.Tensor"> {
  let summary = "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self, TS_AnyTensor:$other, AnyType:$alpha);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenSubTensorOp : TS_TensorOp<"sub.Tensor"> {
  let summary = "aten::sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self, TS_AnyTensor:$other, AnyType:$alpha);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenAddScalarOp : TS_TensorOp<"add.Scalar"> {
  let summary = "aten::add.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self, AnyType:$other, AnyType:$alpha);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenSubScalarOp : TS_TensorOp<"sub.Scalar"> {
  let summary = "aten::sub.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor";
  let arguments = (ins TS_AnyTensor:$self, AnyType:$other, AnyType:$alpha);
  let results = (outs TS_AnyTensor:$result);
}
def TS_AtenMulTensorOp : TS_TensorBinaryOp<"mul"> { let summary = "aten::mul.Tensor(Tensor self, Tensor other) -> Tensor"; }
def TS_AtenMulScalarOp : TS_TensorScalarOp<"mul"> { let summary = "aten::mul.Scalar(Tensor self, Scalar other) -> Tensor"; }
def TS_AtenGtScalarOp : TS_TensorScalarOp<"gt"> { let summary = "aten::gt.Scalar(Tensor self, Scalar other) -> Tensor"; }
def TS_AtenBoolTensorOp : TS_TensorOp<"Bool.Tensor"> {
  let summary = "aten::Bool.Tensor(Tensor a) -> bool";
  let arguments = (ins TS_AnyTensor:$a);
  let results = (outs TS_Bool:$result);
}
def TS_AtenZerosOp : TS_TensorOp<"zeros"> {
  let summary = "aten::zeros(int[] size, *, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None) -> Tensor";
  let arguments = (ins TS_List:$size, AnyType:$dtype, AnyType:$layout,
                       AnyType:$device, AnyType:$pin_memory);
  let results = (outs TS_AnyTensor:$result);
}

#endif // TSC_DIALECT_TS_IR_TSATENOPS
