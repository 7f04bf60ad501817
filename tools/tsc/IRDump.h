//===- IRDump.h - --dump-dir: the IR after every stage ----------*- C++ -*-===//
#ifndef TSC_TOOLS_TSC_IRDUMP_H
#define TSC_TOOLS_TSC_IRDUMP_H

#include "mlir/IR/OperationSupport.h"
#include "mlir/Pass/PassManager.h"

#include <memory>
#include <string>

namespace tsc {

/// Writes numbered files into a directory, one per compilation stage:
/// `00-torchscript.graph`, `01-imported.mlir`, then `NN-<pass>.mlir` after
/// every pass of every pass manager it is attached to, in the order the
/// passes ran. The numbering continues across pass managers.
class IRDumper {
public:
  IRDumper(std::string dir, mlir::OpPrintingFlags flags);

  /// Creates the directory; false (with a message printed) on failure.
  bool prepare();
  /// Writes `text` as the next numbered file named `stage`.
  bool write(llvm::StringRef stage, llvm::StringRef extension,
             llvm::function_ref<void(llvm::raw_ostream &)> print);
  /// Writes `op` (with the dumper's printing flags) as the next file.
  bool writeIR(llvm::StringRef stage, mlir::Operation *op);
  /// Dumps the module after each of `pm`'s passes.
  void attach(mlir::PassManager &pm);

private:
  std::string dir;
  mlir::OpPrintingFlags flags;
  unsigned next = 0;
};

} // namespace tsc

#endif // TSC_TOOLS_TSC_IRDUMP_H
