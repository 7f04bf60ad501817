//===- IRDump.cpp - --dump-dir: the IR after every stage ------------------===//

#include "IRDump.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace tsc {
namespace {

/// Prints the whole module after each pass (passes may run on nested ops;
/// the dump is always of the top-level module, so files compare).
class DumpAfterPass : public PassInstrumentation {
public:
  explicit DumpAfterPass(IRDumper &dumper) : dumper(dumper) {}
  void runAfterPass(Pass *pass, Operation *op) override {
    Operation *top = op;
    while (Operation *parent = top->getParentOp())
      top = parent;
    StringRef name = pass->getArgument();
    if (name.empty())
      name = pass->getName();
    dumper.writeIR(name, top);
  }

private:
  IRDumper &dumper;
};

} // namespace

IRDumper::IRDumper(std::string dir, OpPrintingFlags flags)
    : dir(std::move(dir)), flags(flags) {}

bool IRDumper::prepare() {
  if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
    llvm::errs() << "tsc: error: cannot create --dump-dir '" << dir
                 << "': " << ec.message() << "\n";
    return false;
  }
  return true;
}

bool IRDumper::write(StringRef stage, StringRef extension,
                     llvm::function_ref<void(llvm::raw_ostream &)> print) {
  std::string file;
  llvm::raw_string_ostream name(file);
  name << llvm::format("%02u", next++) << "-" << stage << extension;
  SmallString<256> path(dir);
  llvm::sys::path::append(path, file);
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec) {
    llvm::errs() << "tsc: error: cannot write '" << path
                 << "': " << ec.message() << "\n";
    return false;
  }
  print(os);
  return true;
}

void IRDumper::attach(PassManager &pm) {
  pm.addInstrumentation(std::make_unique<DumpAfterPass>(*this));
}

bool IRDumper::writeIR(StringRef stage, Operation *op) {
  return write(stage, ".mlir",
               [&](llvm::raw_ostream &os) { op->print(os, flags); });
}

} // namespace tsc
