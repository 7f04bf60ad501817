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

def OutlineFusionKernels : Pass<"tsc-outline-fusion-kernels", "::mlir::ModuleOp"> {
  let summary = "Write each ts.fusion_group's body as a vectorized CPU loop";
  let description = [{
    For every `ts.fusion_group` without a kernel, adds a private function
    `__tsc_fusion_<n>` (marked `tsc.kernel`) and names it in the group's
    `kernel` attribute. The function computes the group's body on the
    elements `[begin, end)` of float32 buffers, with the ABI that
    `tsc_fusion_run` calls (tsc_runtime.h):

    ```c
    void kernel(int64_t begin, int64_t end, void *const *data,
                const int64_t *strides);
    ```

    `data` holds the outputs' then the inputs' element pointers, `strides`
    each input's element stride: 1 for a dense input of the output's sizes,
    0 for a one-element input broadcast to all. When every stride is 1,
    the elements go in `vector<Nxf32>` steps (N = `vector-width`) and the
    remainder one by one; otherwise one by one with the strides. The loops
    are `scf.for`, the arithmetic arith and math (see ElementwiseEmitter),
    memory accesses `llvm.load`/`llvm.store`.

    The groups themselves are left in place: the conversion to LLVM calls
    the runtime, which runs the kernel or, for inputs the kernel does not
    handle, the group's body as ordinary operators.
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "unsigned", /*default=*/"16",
           "float32 lanes per vector step (16 fills an AVX-512 register)">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::func::FuncDialect",
    "::mlir::LLVM::LLVMDialect", "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect", "::mlir::vector::VectorDialect"
  ];
}

def LowerFusionKernels : Pass<"tsc-lower-fusion-kernels", "::mlir::ModuleOp"> {
  let summary = "Lower the fusion kernels to the LLVM dialect";
  let description = [{
    Lowers the functions marked `tsc.kernel` (written by
    `-tsc-outline-fusion-kernels`), and nothing else, to `llvm.func`:
    `math` functions without a vector instruction (exp, tanh, erf, log,
    sin, cos, expm1) first become MLIR's polynomial approximations, so
    that vector code stays vector code; then scf becomes cf, and arith,
    math, vector, cf and func become LLVM. The ts methods are untouched.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::LLVM::LLVMDialect", "::mlir::math::MathDialect",
    "::mlir::vector::VectorDialect"
  ];
}

#endif // TSC_CONVERSION_PASSES
