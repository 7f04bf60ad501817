//===- ExternalWeights.h - weights in a file beside the object --*- C++ -*-===//
#ifndef TSC_TARGET_EXTERNALWEIGHTS_H
#define TSC_TARGET_EXTERNALWEIGHTS_H

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace tsc {

/// Moves the tensor data of a lowered `module` (LLVM dialect: the
/// `__tsc_tensor_*` globals -tsc-convert-ts-to-llvm writes) into one blob,
/// each tensor 64-byte aligned, and makes `<model>_load` map that blob from
/// `path` before anything else (`tsc_weights_map`: a relative path is
/// resolved against the directory of the loaded object; the size and an
/// FNV-1a checksum are checked). Every use of a tensor's global becomes an
/// offset from the mapping. Returns the blob, for the caller to write to
/// the file.
mlir::FailureOr<std::string> externalizeWeights(mlir::ModuleOp module,
                                                llvm::StringRef model,
                                                llvm::StringRef path);

} // namespace tsc

#endif // TSC_TARGET_EXTERNALWEIGHTS_H
