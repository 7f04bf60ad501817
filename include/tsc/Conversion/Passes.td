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

    A fusion group whose kernel is an `llvm.func` calls `tsc_fusion_run`;
    one whose kernel is in a `gpu.binary` (`@__tsc_cuda::@__tsc_fusion_0`)
    calls `tsc_cuda_fusion_run` with the binary's PTX, kept in the object
    as the global `__tsc_cuda_ptx`; the binary is then erased.

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
    Option<"target", "target", "std::string", /*default=*/"\"cpu\"",
           "Where the model's tensors live: cpu, or cuda (tensor constants "
           "copied to the GPU once, <model>_load checks for CUDA, fusion "
           "groups launch the GPU kernels of their gpu.binary)">,
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
    the elements go in steps of `interleave` vectors (one vector type of
    them all, whose operations LLVM splits into registers side by side:
    independent dependency chains through exp or erf polynomials that the
    out-of-order core overlaps; on a Zen 3 core, 2 x 16 lanes ran the
    GELU and Swish chains 15-17 % faster than 16, and 4 x 16 ran GELU
    slower), then in `vector<Nxf32>` steps (N = `vector-width`), and the
    remainder one by one; otherwise one by one with the strides. The loops
    are `scf.for`, the arithmetic arith and math (see ElementwiseEmitter),
    memory accesses `llvm.load`/`llvm.store`.

    A group with a row reduction takes the row ABI of `tsc_fusion_run_rows`
    (row range, row length, data, row strides). So does a group with linear
    layers (`tsc_fusion_run_linear`): for each output row and each vector
    of N columns, each layer's value is its bias plus the sum over K of
    input element times weight column, in four partial sums; the group's
    elementwise ops follow on the same registers. The weights and biases
    become constant globals `<kernel>_weight<i>`/`<kernel>_bias<i>`,
    packed in column blocks of `vector-width` so that the loop over K reads
    them in order.

    The groups themselves are left in place: the conversion to LLVM calls
    the runtime, which runs the kernel or, for inputs the kernel does not
    handle, the group's body as ordinary operators.
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "unsigned", /*default=*/"16",
           "float32 lanes per vector step (16 fills an AVX-512 register)">,
    Option<"interleave", "interleave", "unsigned", /*default=*/"2",
           "vectors an elementwise kernel computes per step of its dense "
           "loop, independent chains for the out-of-order core to overlap">,
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

def OutlineFusionGPUKernels : Pass<"tsc-outline-fusion-gpu-kernels",
                                   "::mlir::ModuleOp"> {
  let summary = "Write each ts.fusion_group's body as a CUDA kernel";
  let description = [{
    For every `ts.fusion_group` without a kernel, adds a `gpu.func` kernel
    `__tsc_fusion_<n>` to the `gpu.module @__tsc_cuda` (made if needed; the
    module becomes a `gpu.container_module`) and names it in the group's
    `kernel` attribute, `@__tsc_cuda::@__tsc_fusion_<n>`. The kernel
    computes the body on float32 device buffers with the launch ABI of
    `tsc_cuda_fusion_run` (tsc_runtime.h), every argument its own kernel
    parameter:

    ```
    elementwise: (i64 n, ptr<1> out..., ptr<1> in..., i64 stride...)
    by rows:     (i64 rows, i64 row_length, ptr<1> out..., ptr<1> in...,
                  i64 row_stride...)
    ```

    Elementwise, thread t of T computes elements t, t + T, ... (a
    grid-stride loop: any grid covers any size, and neighbouring threads
    read neighbouring elements); input i's element is at index times its
    stride (1, or 0 for one element broadcast). The loop takes `unroll`
    elements a step (t, t + T, ..., t + (unroll - 1) T), loading all of
    them before it stores any, then the remainder one at a time: a thread
    keeps `unroll` loads in flight, which a memory-bound chain needs to
    come near the GPU's bandwidth (measured on an H100 in
    docs/performance.md). With `vectorize`, the kernel first checks that
    every input's stride is 1 and every buffer is 16-byte aligned; if so,
    it walks the elements four at a time with 128-bit loads and stores
    (vector v is elements 4v to 4v + 3; thread t takes vectors t, t + T,
    ...), then the last `n % 4` elements one at a time. Row kernels get
    the same second version where the row length and every row stride are
    multiples of four and every buffer is aligned: each lane takes four
    elements at a time, 128 apart. A group with a row
    reduction (softmax, log_softmax, layer_norm) gives each warp of 32
    threads whole rows: the lanes walk the row 32 elements apart, combine
    their partial maximum or sums with five butterfly `gpu.shuffle xor`
    steps, then write the row. The arithmetic is the CPU kernels'
    (ElementwiseEmitter, FusionBodyEmitter), on `f32`.

    The groups stay in place: the conversion to LLVM launches the kernel
    through the runtime, which runs the body as ATen operators when the
    inputs do not suit it.
  }];
  let options = [
    Option<"unroll", "unroll", "int64_t", /*default=*/"4",
           "Elements each thread computes per step of an elementwise "
           "kernel's scalar loop (1: one at a time)">,
    Option<"vectorize", "vectorize", "bool", /*default=*/"true",
           "Give each kernel a version with 128-bit loads and stores, "
           "taken when the accesses are whole vectors and every buffer is "
           "16-byte aligned">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::gpu::GPUDialect",
    "::mlir::LLVM::LLVMDialect", "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect"
  ];
}

def LowerGPUKernels : Pass<"tsc-lower-gpu-kernels", "::mlir::ModuleOp"> {
  let summary = "Lower the GPU kernels to the NVVM and LLVM dialects";
  let description = [{
    Lowers the contents of every `gpu.module` to `llvm.func` kernels
    (`nvvm.kernel`) with NVVM intrinsics for thread and block ids and warp
    shuffles. exp, tanh, erf, log, sin, cos and expm1 first become MLIR's
    polynomial approximations, and powf exp and log, as on the CPU: the
    kernels call no libdevice function, so compiling needs no CUDA
    toolkit. sqrt, rsqrt, fabs and fma become LLVM intrinsics that NVPTX
    selects as IEEE instructions. The host module is untouched.
  }];
  let dependentDialects = [
    "::mlir::cf::ControlFlowDialect", "::mlir::LLVM::LLVMDialect",
    "::mlir::NVVM::NVVMDialect"
  ];
}

def SerializeGPUKernels : Pass<"tsc-serialize-gpu-kernels",
                               "::mlir::ModuleOp"> {
  let summary = "Compile each gpu.module to PTX, held in a gpu.binary";
  let description = [{
    Translates every `gpu.module` (NVVM and LLVM dialects only) to LLVM IR,
    optimizes it at `opt-level` and emits PTX for `chip` with LLVM's NVPTX
    backend, in process. The module is replaced by a `gpu.binary` of the
    same name holding one `#gpu.object` in assembly form:

    ```mlir
    gpu.binary @__tsc_cuda [#gpu.object<#nvvm.target<O = 3,
        chip = "sm_80">, assembly = "...PTX...">]
    ```

    The CUDA driver JIT-compiles the PTX when the model is loaded, for the
    GPU it runs on (the chip or a later one).
  }];
  let options = [
    Option<"chip", "chip", "std::string", /*default=*/"\"sm_80\"",
           "CUDA architecture to compile for (sm_70 ... sm_90)">,
    Option<"optLevel", "opt-level", "unsigned", /*default=*/"3",
           "LLVM optimization level for the kernels, 0-3">,
  ];
  let dependentDialects = [
    "::mlir::gpu::GPUDialect", "::mlir::NVVM::NVVMDialect"
  ];
}

#endif // TSC_CONVERSION_PASSES
