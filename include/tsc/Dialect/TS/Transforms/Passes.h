//===- Passes.h - ts dialect transformations --------------------*- C++ -*-===//
#ifndef TSC_DIALECT_TS_TRANSFORMS_PASSES_H
#define TSC_DIALECT_TS_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace tsc {

#define GEN_PASS_DECL
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"

} // namespace tsc

#endif // TSC_DIALECT_TS_TRANSFORMS_PASSES_H
