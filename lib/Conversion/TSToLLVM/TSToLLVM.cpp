//===- TSToLLVM.cpp - the -tsc-convert-ts-to-llvm pass --------------------===//

#include "Lowering.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"

namespace tsc {
#define GEN_PASS_DEF_CONVERTTSTOLLVM
#include "tsc/Conversion/Passes.h.inc"
} // namespace tsc

using namespace mlir;

namespace {

struct ConvertTSToLLVMPass
    : public tsc::impl::ConvertTSToLLVMBase<ConvertTSToLLVMPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!tsc::isCIdentifier(modelName)) {
      module.emitError("model name '")
          << modelName << "' is not a C identifier";
      return signalPassFailure();
    }
    // Module state the methods keep lives in the object graph; a loaded
    // instance builds its own copy.
    FailureOr<func::FuncOp> loaderFunc =
        tsc::buildStateLoader(module, "__tsc_load_state");
    if (failed(loaderFunc))
      return signalPassFailure();
    FailureOr<SmallVector<tsc::MethodSignature>> methods =
        tsc::collectMethods(module);
    if (failed(methods))
      return signalPassFailure();
    if (methods->empty()) {
      module.emitError("the module has no method to compile");
      return signalPassFailure();
    }
    if (target != "cpu" && target != "cuda") {
      module.emitError("unknown target '") << target << "' (cpu or cuda)";
      return signalPassFailure();
    }
    tsc::LoweringContext lc(module);
    lc.cuda = target == "cuda";
    SmallVector<LLVM::LLVMFuncOp> impls;
    for (const tsc::MethodSignature &m : *methods) {
      FailureOr<LLVM::LLVMFuncOp> impl =
          tsc::lowerMethodBody(lc, m.func, modelName + "_" + m.name + "_impl");
      if (failed(impl))
        return signalPassFailure();
      impls.push_back(*impl);
    }
    LLVM::LLVMFuncOp loader;
    if (*loaderFunc) {
      FailureOr<LLVM::LLVMFuncOp> impl =
          tsc::lowerMethodBody(lc, *loaderFunc, modelName + "_load_impl",
                               tsc::BodyOptions{/*freshTensorConstants=*/true});
      if (failed(impl))
        return signalPassFailure();
      loader = *impl;
    }
    if (failed(tsc::emitEntryPoints(lc, modelName, *methods, impls, loader)))
      return signalPassFailure();
    // The ts functions are now dead, and the GPU binaries' PTX is in
    // globals: only LLVM dialect remains.
    for (auto func : llvm::make_early_inc_range(module.getOps<func::FuncOp>()))
      func.erase();
    for (auto binary :
         llvm::make_early_inc_range(module.getOps<gpu::BinaryOp>()))
      binary.erase();
    module->removeAttr(gpu::GPUDialect::getContainerModuleAttrName());
  }
};

} // namespace
