//===- Importer.h - TorchScript to the ts dialect ---------------*- C++ -*-===//
//
// The frontend's one entry point. The header is LibTorch-free so that the
// driver does not compile LibTorch headers.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_FRONTEND_IMPORTER_H
#define TSC_FRONTEND_IMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>

namespace tsc {

struct ImportOptions {
  /// A TorchScript archive (torch.jit.save) or, for ".py", TorchScript source.
  std::string path;
  /// Fill `torchGraphs` with TorchScript's own graph text of every method.
  bool keepTorchGraphs = false;
};

struct ImportResult {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::string torchGraphs;
};

/// Loads the archive or source and imports every method into a module of
/// func.func ops holding ts dialect ops, one per TorchScript node, with the
/// node's source location. Archives are loaded in eval mode and frozen
/// (parameters and attributes that no method mutates become constants);
/// calls are inlined. Errors are reported through the context's diagnostic
/// engine; the result's module is then null.
ImportResult importTorchScript(mlir::MLIRContext &context,
                               const ImportOptions &options);

} // namespace tsc

#endif // TSC_FRONTEND_IMPORTER_H
