//===- Passes.h - tsc conversion passes -------------------------*- C++ -*-===//
#ifndef TSC_CONVERSION_PASSES_H
#define TSC_CONVERSION_PASSES_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace tsc {

#define GEN_PASS_DECL
#include "tsc/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tsc/Conversion/Passes.h.inc"

} // namespace tsc

#endif // TSC_CONVERSION_PASSES_H
