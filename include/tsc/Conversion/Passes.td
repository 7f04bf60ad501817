//===- Passes.td - tsc conversion passes -------------------*- tablegen -*-===//

#ifndef TSC_CONVERSION_PASSES
#define TSC_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertTSToLLVM : Pass<"tsc-convert-ts-to-llvm", "::mlir::ModuleOp"> {
  let summary = "Lower the ts dialect to the LLVM dialect and runtime calls";
  let description = [{
    Turns every method (`func.func` of ts ops) into native code:

    - `int`, `float` and `bool` become `i64`, `f64` and `i1`, and the scalar
      ops the dialect models become LLVM arithmetic;
    - every other value is a runtime handle (`!llvm.ptr` to a
      `tsc_value_t`), and every other op a call into libtsc_runtime: typed
      entry points for structure (lists, tuples, constants) and the boxed
      `tsc_call_op`, which runs the registered TorchScript operator;
    - `ts.prim.If` and `ts.prim.Loop` become branches between blocks;
    - every runtime call returns a status; a failure returns it at once
      from the method, whose frame then releases what the call made;
    - each handle is released after its last use; handles handed on through
      block outputs or results are transferred or copied, never shared.

    It also writes the model's exported symbols: per method
    `<model>_<method>` (the typed C API), and for the model
    `<model>_run` (the boxed entry point) and `<model>_signature` (JSON).

    Input: a module of `func.func` methods whose bodies hold only ts ops.
    Output: a module of the LLVM dialect only, ready for translation to
    LLVM IR.
  }];
  let options = [
    Option<"modelName", "model-name", "std::string", /*default=*/"\"model\"",
           "Prefix of the exported symbols (a C identifier)">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // TSC_CONVERSION_PASSES
