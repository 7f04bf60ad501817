//===- LowerGPUKernels.cpp - GPU kernels to the NVVM and LLVM dialects ----===//
//
// The kernels -tsc-outline-fusion-gpu-kernels wrote are gpu.func in the
// gpu, scf, arith and math dialects. This pass lowers the gpu.module's
// contents, and only them, to llvm.func with NVVM intrinsics. As on the
// CPU, transcendental functions first become polynomial approximations in
// plain arithmetic (and powf becomes exp and log): the kernels then need
// no libdevice, so tsc needs no CUDA toolkit, and one operator's formula
// is the same on both targets. sqrt, fabs and fma map to PTX instructions.
//
//===----------------------------------------------------------------------===//

#include "tsc/Conversion/FusionToKernels/KernelMath.h"
#include "tsc/Conversion/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVMPass.h"
#include "mlir/Conversion/LLVMCommon/ConversionTarget.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tsc {
#define GEN_PASS_DEF_LOWERGPUKERNELS
#include "tsc/Conversion/Passes.h.inc"
} // namespace tsc

using namespace mlir;

namespace {

LogicalResult lowerGPUModule(gpu::GPUModuleOp gpuModule) {
  MLIRContext *ctx = gpuModule.getContext();
  {
    RewritePatternSet patterns(ctx);
    // NVPTX has no pow: it becomes exp and log, then approximated.
    math::populateExpansionPatterns(patterns, {"powf"});
    tsc::populateKernelApproximationPatterns(patterns);
    if (failed(applyPatternsGreedily(gpuModule, std::move(patterns))))
      return gpuModule.emitError("approximating the GPU kernels' functions");
  }
  {
    ConversionTarget target(*ctx);
    target.addIllegalDialect<scf::SCFDialect>();
    target.addLegalDialect<cf::ControlFlowDialect, arith::ArithDialect>();
    RewritePatternSet patterns(ctx);
    populateSCFToControlFlowConversionPatterns(patterns);
    if (failed(applyPartialConversion(gpuModule, target, std::move(patterns))))
      return failure();
  }
  LowerToLLVMOptions options(ctx);
  LLVMTypeConverter converter(ctx, options);
  configureGpuToNVVMTypeConverter(converter);
  {
    // math first, on its own: sqrt, rsqrt, fabs, floor and fma become LLVM
    // intrinsics that NVPTX selects as IEEE instructions (sqrt.rn.f32);
    // the GPU patterns below would make libdevice calls of them.
    ConversionTarget target(*ctx);
    target.addIllegalDialect<math::MathDialect>();
    target.addLegalDialect<LLVM::LLVMDialect, arith::ArithDialect>();
    RewritePatternSet patterns(ctx);
    populateMathToLLVMConversionPatterns(converter, patterns);
    if (failed(applyPartialConversion(gpuModule, target, std::move(patterns))))
      return failure();
  }
  LLVMConversionTarget target(*ctx);
  configureGpuToNVVMConversionLegality(target);
  // That marks the intrinsics NVPTX selects as instructions illegal too
  // (to make libdevice calls of them); they are what we want.
  target.addLegalOp<gpu::GPUModuleOp, LLVM::FAbsOp, LLVM::SqrtOp,
                    LLVM::FFloorOp, LLVM::FCeilOp, LLVM::CopySignOp,
                    LLVM::RoundEvenOp, LLVM::RoundOp>();
  target.addIllegalDialect<arith::ArithDialect, cf::ControlFlowDialect>();
  RewritePatternSet patterns(ctx);
  arith::populateArithToLLVMConversionPatterns(converter, patterns);
  cf::populateControlFlowToLLVMConversionPatterns(converter, patterns);
  populateGpuToNVVMConversionPatterns(converter, patterns);
  if (failed(applyPartialConversion(gpuModule, target, std::move(patterns))))
    return failure();
  tsc::relaxFusedMultiplyAdds(gpuModule);
  return success();
}

struct LowerGPUKernelsPass
    : public tsc::impl::LowerGPUKernelsBase<LowerGPUKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    for (auto gpuModule :
         llvm::make_early_inc_range(getOperation().getOps<gpu::GPUModuleOp>()))
      if (failed(lowerGPUModule(gpuModule)))
        return signalPassFailure();
  }
};

} // namespace
