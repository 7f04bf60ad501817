//===- GraphvizEmitter.h - ts dialect as a Graphviz graph -------*- C++ -*-===//
#ifndef TSC_TARGET_GRAPHVIZEMITTER_H
#define TSC_TARGET_GRAPHVIZEMITTER_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

namespace tsc {

/// Writes the methods of a ts dialect module as one Graphviz digraph: a
/// cluster per method, a node per op (labelled with its TorchScript name,
/// e.g. aten::linear, and source line) and per argument, an edge per use
/// labelled with the value's TorchScript type. Regions (the branches of
/// prim::If, the body of prim::Loop, later fusion groups) are nested
/// clusters.
void emitGraphviz(mlir::ModuleOp module, llvm::raw_ostream &os);

} // namespace tsc

#endif // TSC_TARGET_GRAPHVIZEMITTER_H
