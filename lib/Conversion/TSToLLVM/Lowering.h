//===- Lowering.h - the parts of the ts-to-LLVM lowering --------*- C++ -*-===//
#ifndef TSC_LIB_CONVERSION_TSTOLLVM_LOWERING_H
#define TSC_LIB_CONVERSION_TSTOLLVM_LOWERING_H

#include "LoweringContext.h"
#include "tsc/Conversion/TSToLLVM/ModelSignature.h"

namespace tsc {

/// Emits `implName`, the native code of one method:
///   i32 implName(<args as i64/f64/i1 or handle>, ptr result)
/// It returns TSC_OK after storing the result (a new reference for a
/// handle, an i8 for a bool), or the first failing runtime call's status.
mlir::FailureOr<mlir::LLVM::LLVMFuncOp>
lowerMethodBody(LoweringContext &lc, mlir::func::FuncOp func,
                llvm::StringRef implName);

/// Emits the exported symbols: `<model>_<method>` per method, `<model>_run`
/// and `<model>_signature`.
mlir::LogicalResult
emitEntryPoints(LoweringContext &lc, llvm::StringRef model,
                llvm::ArrayRef<MethodSignature> methods,
                llvm::ArrayRef<mlir::LLVM::LLVMFuncOp> impls);

} // namespace tsc

#endif // TSC_LIB_CONVERSION_TSTOLLVM_LOWERING_H
