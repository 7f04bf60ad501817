//===- LowerFusionKernels.cpp - fusion kernels to the LLVM dialect --------===//
//
// The kernels -tsc-outline-fusion-kernels wrote are func.func in the scf,
// arith, math and vector dialects. This pass lowers them, and only them
// (the methods are still ts), to LLVM: transcendental functions first
// become polynomial approximations in plain arithmetic, so that they stay
// vector code instead of a libm call per element.
//
//===----------------------------------------------------------------------===//

#include "tsc/Conversion/FusionToKernels/KernelMath.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/IR/TSDialect.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/LLVMCommon/ConversionTarget.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Conversion/VectorToLLVM/ConvertVectorToLLVM.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace tsc {
#define GEN_PASS_DEF_LOWERFUSIONKERNELS
#include "tsc/Conversion/Passes.h.inc"
} // namespace tsc

using namespace mlir;

namespace {

struct LowerFusionKernelsPass
    : public tsc::impl::LowerFusionKernelsBase<LowerFusionKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    SmallVector<LLVM::LLVMFuncOp> kernels;
    for (auto func : module.getOps<LLVM::LLVMFuncOp>())
      if (func->hasAttr("tsc.kernel"))
        kernels.push_back(func);
    if (kernels.empty())
      return;

    RewritePatternSet approximations(ctx);
    tsc::populateKernelApproximationPatterns(approximations);
    FrozenRewritePatternSet frozen(std::move(approximations));
    for (LLVM::LLVMFuncOp kernel : kernels)
      if (failed(applyPatternsGreedily(kernel, frozen)))
        return signalPassFailure();

    // Only the kernels hold these dialects' ops; the ts methods are left
    // alone (unknown ops are legal in a partial conversion).
    {
      ConversionTarget target(*ctx);
      target.addIllegalDialect<scf::SCFDialect>();
      target.addLegalDialect<cf::ControlFlowDialect, arith::ArithDialect>();
      RewritePatternSet patterns(ctx);
      populateSCFToControlFlowConversionPatterns(patterns);
      if (failed(applyPartialConversion(module, target, std::move(patterns))))
        return signalPassFailure();
    }
    LLVMTypeConverter converter(ctx);
    LLVMConversionTarget target(*ctx);
    target.addIllegalDialect<arith::ArithDialect, math::MathDialect,
                             vector::VectorDialect, cf::ControlFlowDialect>();
    RewritePatternSet patterns(ctx);
    arith::populateArithToLLVMConversionPatterns(converter, patterns);
    populateMathToLLVMConversionPatterns(converter, patterns);
    populateVectorToLLVMConversionPatterns(converter, patterns);
    cf::populateControlFlowToLLVMConversionPatterns(converter, patterns);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();
    for (LLVM::LLVMFuncOp kernel : kernels)
      tsc::relaxFusedMultiplyAdds(kernel);
  }
};

} // namespace
