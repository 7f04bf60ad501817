//===- TorchLoader.h - LibTorch side of the frontend ------------*- C++ -*-===//
//
// Loads archives and sources with LibTorch and hands over one graph per
// method. Only LibTorch types: no MLIR here.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_FRONTEND_TORCHLOADER_H
#define TSC_LIB_FRONTEND_TORCHLOADER_H

#include <torch/csrc/jit/ir/ir.h>

#include <memory>
#include <string>
#include <vector>

namespace tsc::frontend {

struct LoadedMethod {
  std::string name;
  std::shared_ptr<torch::jit::Graph> graph;
  /// Whether the graph's first input is the module (`self`).
  bool hasSelf = false;
  /// The argument names of the TorchScript signature.
  std::vector<std::string> argNames;
};

/// What an archive or source holds: its methods' graphs and, for an
/// archive, the module object they belong to.
struct LoadedProgram {
  std::vector<LoadedMethod> methods;
  /// The archive's module (null for source): its attributes and submodules
  /// are the object graph the importer writes for -tsc-freeze.
  c10::intrusive_ptr<c10::ivalue::Object> root;
};

/// A located load error: `line`/`col` are 1-based, 0 when unknown.
struct LoadError {
  std::string file;
  size_t line = 0;
  size_t col = 0;
  std::string message;
};

/// Loads `path` (an archive, or TorchScript source if it ends in .py).
/// On failure returns false and fills `error`.
bool loadTorchScript(const std::string &path, LoadedProgram &program,
                     LoadError &error);

} // namespace tsc::frontend

#endif // TSC_LIB_FRONTEND_TORCHLOADER_H
