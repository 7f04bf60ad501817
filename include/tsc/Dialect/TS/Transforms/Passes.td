//===- Passes.td - ts dialect transformations --------------*- tablegen -*-===//

#ifndef TSC_DIALECT_TS_TRANSFORMS_PASSES
#define TSC_DIALECT_TS_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def Freeze : Pass<"tsc-freeze", "::mlir::ModuleOp"> {
  let summary = "Inference freezing: module attributes become constants";
  let description = [{
    An archive imports as its object graph (`ts.object` ops at module level,
    the `root` one being the archive's module) and one `func.func` per
    method taking `self` first. This pass freezes the root for inference,
    as `torch.jit.freeze` does, but on the ts dialect:

    - every `ts.prim.GetAttr` chain that starts at `self` and ends in an
      attribute that no method changes is replaced by a copy of the
      attribute's value (a constant, or the list/tuple/dict built of
      constants) at the start of the method;
    - an attribute is changed if some method assigns it
      (`ts.prim.SetAttr`, matched by class and name), or if a value read
      from it may reach, through ops that can return an alias of it
      (anything but int/float/bool/str/None results), an op that may write
      its operands (`TS_InPlace` ops, generic operators whose schema has
      `!`, calls, and ops with unknown effects). Such attributes stay
      module state;
    - objects passed anywhere but `GetAttr`/`SetAttr` keep all their
      attributes as state;
    - between rounds, the ts dialect's canonicalization runs on the methods
      so that branches on frozen flags (`if self.training:`) and `is None`
      tests on frozen attributes fold away; what they guarded (say the
      update of `num_batches_tracked`) no longer counts as a change.

    Afterwards, methods that no longer read `self` lose that argument, and
    when none reads it the object graph is erased. Methods that still do
    keep it, and later stages report their state reads as unsupported.

    Input: the importer's output (functions without `self` are left
    alone). Output: the same methods with frozen attributes inlined as
    constants.
  }];
  let options = [
    Option<"maxRounds", "max-rounds", "unsigned", /*default=*/"8",
           "Freeze/simplify rounds at most">,
  ];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

#endif // TSC_DIALECT_TS_TRANSFORMS_PASSES
