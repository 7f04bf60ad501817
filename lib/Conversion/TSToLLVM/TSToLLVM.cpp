//===- TSToLLVM.cpp - the -tsc-convert-ts-to-llvm pass --------------------===//

#include "Lowering.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace tsc {
#define GEN_PASS_DEF_CONVERTTSTOLLVM
#include "tsc/Conversion/Passes.h.inc"
} // namespace tsc

using namespace mlir;

namespace {

/// Code generation has no module state yet: every method must have been
/// frozen (-tsc-freeze) into a function of its arguments alone.
LogicalResult checkFrozen(ModuleOp module) {
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal() || func.getNumArguments() == 0 ||
        !isa<tsc::ts::ClassType>(func.getArgument(0).getType()))
      continue;
    Value self = func.getArgument(0);
    Operation *user = nullptr; // the first, in program order
    func.walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (!llvm::is_contained(op->getOperands(), self))
        return WalkResult::advance();
      user = op;
      return WalkResult::interrupt();
    });
    Location loc = user ? user->getLoc() : func.getLoc();
    InFlightDiagnostic diag = emitError(loc, "method '")
                              << func.getSymName() << "' keeps module state";
    if (auto get = dyn_cast_or_null<tsc::ts::GetAttrOp>(user))
      diag << " (it reads attribute '" << get.getName()
           << "', which a method assigns or changes in place)";
    diag << "; compiling module state is not supported yet";
    return failure();
  }
  for (Operation &op : module.getOps())
    if (!isa<func::FuncOp>(op))
      return op.emitError("the module's object graph must be frozen "
                          "(-tsc-freeze) before lowering");
  return success();
}

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
    if (failed(checkFrozen(module)))
      return signalPassFailure();
    FailureOr<SmallVector<tsc::MethodSignature>> methods =
        tsc::collectMethods(module);
    if (failed(methods))
      return signalPassFailure();
    if (methods->empty()) {
      module.emitError("the module has no method to compile");
      return signalPassFailure();
    }
    tsc::LoweringContext lc(module);
    SmallVector<LLVM::LLVMFuncOp> impls;
    for (const tsc::MethodSignature &m : *methods) {
      FailureOr<LLVM::LLVMFuncOp> impl =
          tsc::lowerMethodBody(lc, m.func, modelName + "_" + m.name + "_impl");
      if (failed(impl))
        return signalPassFailure();
      impls.push_back(*impl);
    }
    if (failed(tsc::emitEntryPoints(lc, modelName, *methods, impls)))
      return signalPassFailure();
    // The ts functions are now dead: only LLVM dialect remains.
    for (auto func : llvm::make_early_inc_range(module.getOps<func::FuncOp>()))
      func.erase();
  }
};

} // namespace
