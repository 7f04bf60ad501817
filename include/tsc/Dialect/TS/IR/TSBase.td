//===- TSBase.td - ts dialect definition -------------------*- tablegen -*-===//
//
// The ts dialect mirrors TorchScript's IR one to one: every prim:: and aten::
// node of a TorchScript graph has an op here, either modelled individually
// (ts.prim.<Name>, ts.aten.<name>[.<overload>]) or as the generic
// ts.operator carrying the operator's schema.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_DIALECT_TS_IR_TSBASE
#define TSC_DIALECT_TS_IR_TSBASE

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def TS_Dialect : Dialect {
  let name = "ts";
  let cppNamespace = "::tsc::ts";
  let summary = "TorchScript, one op per prim::/aten:: node";
  let description = [{
    The `ts` dialect is tsc's import target. It keeps TorchScript's semantics
    exactly: values of TorchScript types (tensors, scalars, strings, lists,
    tuples, dicts, optionals, objects), structured control flow
    (`ts.prim.If`, `ts.prim.Loop`) and the operator set of LibTorch's
    registry. TorchScript `int`, `float` and `bool` are the builtin `i64`,
    `f64` and `i1`; everything else has a `!ts.` type.

    Operators that the dialect does not model individually are imported as
    `ts.operator`, which carries the operator's name, overload and schema, so
    that no model is refused for an op the dialect lacks.
  }];
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    void registerTypes();
  }];
}

class TS_Op<string mnemonic, list<Trait> traits = []>
    : Op<TS_Dialect, mnemonic, traits>;

#endif // TSC_DIALECT_TS_IR_TSBASE
