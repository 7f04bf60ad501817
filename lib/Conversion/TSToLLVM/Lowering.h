//===- Lowering.h - the parts of the ts-to-LLVM lowering --------*- C++ -*-===//
#ifndef TSC_LIB_CONVERSION_TSTOLLVM_LOWERING_H
#define TSC_LIB_CONVERSION_TSTOLLVM_LOWERING_H

#include "LoweringContext.h"
#include "tsc/Conversion/TSToLLVM/ModelSignature.h"

namespace tsc {

/// Moves the module's object graph into a new private function `name`
/// returning the root object, built with only the attributes that methods
/// use (see ModuleState.cpp). Returns a null function, after erasing the
/// graph, when no method takes `self`; fails when a method's `self` does
/// not match the graph's root.
mlir::FailureOr<mlir::func::FuncOp> buildStateLoader(mlir::ModuleOp module,
                                                     llvm::StringRef name);

/// How a function body is lowered.
struct BodyOptions {
  /// Tensor constants are new tensors at every execution (the state a
  /// loaded instance owns) instead of one per process shared read-only.
  bool freshTensorConstants = false;
};

/// Emits `implName`, the native code of one method:
///   i32 implName(<args as i64/f64/i1 or handle>, ptr result)
/// It returns TSC_OK after storing the result (a new reference for a
/// handle, an i8 for a bool), or the first failing runtime call's status.
mlir::FailureOr<mlir::LLVM::LLVMFuncOp>
lowerMethodBody(LoweringContext &lc, mlir::func::FuncOp func,
                llvm::StringRef implName, BodyOptions options = {});

/// Emits the exported symbols: `<model>_load` and `<model>_free` (calling
/// `loader`, the lowered state loader, if the model has state),
/// `<model>_<method>` per method, `<model>_run` and `<model>_signature`.
mlir::LogicalResult
emitEntryPoints(LoweringContext &lc, llvm::StringRef model,
                llvm::ArrayRef<MethodSignature> methods,
                llvm::ArrayRef<mlir::LLVM::LLVMFuncOp> impls,
                mlir::LLVM::LLVMFuncOp loader);

} // namespace tsc

#endif // TSC_LIB_CONVERSION_TSTOLLVM_LOWERING_H
