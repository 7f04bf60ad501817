//===- HeaderEmitter.h - the C/C++ header of a compiled model ---*- C++ -*-===//
#ifndef TSC_TARGET_HEADEREMITTER_H
#define TSC_TARGET_HEADEREMITTER_H

#include "tsc/Conversion/TSToLLVM/ModelSignature.h"

#include "llvm/Support/raw_ostream.h"

namespace tsc {

/// Writes the header declaring the model's C API (`<model>_<method>`,
/// `<model>_run`, `<model>_signature`) and, for C++, an inline wrapper in
/// namespace `<model>` taking and returning LibTorch types.
void emitHeader(llvm::StringRef modelName, llvm::StringRef sourceName,
                llvm::ArrayRef<MethodSignature> methods, llvm::raw_ostream &os);

} // namespace tsc

#endif // TSC_TARGET_HEADEREMITTER_H
