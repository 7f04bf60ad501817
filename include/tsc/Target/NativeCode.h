//===- NativeCode.h - LLVM dialect to LLVM IR, assembly, objects *- C++ -*-===//
#ifndef TSC_TARGET_NATIVECODE_H
#define TSC_TARGET_NATIVECODE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace tsc {

enum class NativeOutput { LLVMIR, Assembly, Object };

struct NativeCodeOptions {
  /// LLVM optimization level, 0-3.
  unsigned optLevel = 2;
  /// Target CPU name for x86-64 ("x86-64-v2", "skylake-avx512", ...), or
  /// "native" for the host's.
  std::string cpu = "x86-64-v2";
};

/// Registers the MLIR-to-LLVM-IR translations `emitNativeCode` needs.
void registerNativeCodeTranslations(mlir::DialectRegistry &registry);

/// Translates `module` (LLVM dialect only) to LLVM IR, optimizes it for the
/// target CPU and writes IR text, assembly or an ELF object to `os`.
/// Deterministic: the same module and options give the same bytes.
mlir::LogicalResult emitNativeCode(mlir::ModuleOp module,
                                   const NativeCodeOptions &options,
                                   NativeOutput kind,
                                   llvm::raw_pwrite_stream &os);

} // namespace tsc

#endif // TSC_TARGET_NATIVECODE_H
