//===- LoweringContext.h - shared state of the ts-to-LLVM lowering -*- C++ -*-//
//
// Module-level helpers: runtime function declarations, constant globals
// (strings, raw bytes), per-call-site cache slots and the type mapping.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_CONVERSION_TSTOLLVM_LOWERINGCONTEXT_H
#define TSC_LIB_CONVERSION_TSTOLLVM_LOWERINGCONTEXT_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace tsc {

class LoweringContext {
public:
  explicit LoweringContext(mlir::ModuleOp module);

  mlir::ModuleOp module;
  mlir::MLIRContext *ctx;
  /// --target=cuda: tensor constants live on the GPU, and <model>_load
  /// checks that it can run.
  bool cuda = false;
  mlir::Type ptrTy, voidTy, i1Ty, i8Ty, i32Ty, i64Ty, f64Ty;

  /// The declaration of a runtime (or libc) function; declared on first use.
  mlir::LLVM::LLVMFuncOp runtimeFunc(llvm::StringRef name);
  /// The declaration of a typed operator entry point (HotOps.def), whose
  /// parameters `params` spells; declared on first use.
  mlir::LLVM::LLVMFuncOp hotOpFunc(llvm::StringRef symbol,
                                   llvm::StringRef params);

  /// Address of a NUL-terminated constant string (deduplicated).
  mlir::Value stringPtr(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::StringRef s);
  /// Address of a constant byte array (64-byte aligned): read-only, or in
  /// the writable data section with `writable` (pages shared with the file
  /// until written, so that the runtime can wrap them without a copy).
  mlir::Value bytesPtr(mlir::OpBuilder &b, mlir::Location loc,
                       llvm::StringRef bytes, llvm::StringRef prefix,
                       bool writable = false);
  /// Address of the NUL-terminated PTX of `binary` (its first object), in a
  /// global named `__tsc_cuda_ptx` (plus a suffix for a second binary).
  mlir::Value ptxPtr(mlir::OpBuilder &b, mlir::Location loc,
                     mlir::Operation *binary);
  /// Address of a new zero-initialized pointer-sized global, private to one
  /// call site, that the runtime fills on first use.
  mlir::Value newCacheSlot(mlir::OpBuilder &b, mlir::Location loc);

  /// The LLVM type of a TorchScript value: i64/f64/i1 for scalars, a handle
  /// pointer for everything else.
  mlir::Type lower(mlir::Type tsType) const;

  mlir::Value constI32(mlir::OpBuilder &b, mlir::Location loc, int32_t v);
  mlir::Value constI64(mlir::OpBuilder &b, mlir::Location loc, int64_t v);
  mlir::Value nullPtr(mlir::OpBuilder &b, mlir::Location loc);

  /// An attribute of a TorchScript class made by compiled code.
  struct ClassAttribute {
    std::string name;
    mlir::Type type;
  };
  /// The attributes of the class `classType` as the module uses them (see
  /// LoweringContext.cpp); collected for all classes in one walk, on the
  /// first call.
  llvm::ArrayRef<ClassAttribute> classAttributes(mlir::Type classType);

private:
  mlir::LLVM::GlobalOp makeGlobal(mlir::Location loc, mlir::Type type,
                                  bool isConstant, llvm::StringRef prefix,
                                  mlir::Attribute init, uint64_t alignment);
  llvm::StringMap<mlir::LLVM::GlobalOp> strings;
  llvm::DenseMap<mlir::Operation *, mlir::LLVM::GlobalOp> ptxGlobals;
  llvm::DenseMap<std::pair<mlir::Attribute, unsigned>, mlir::LLVM::GlobalOp>
      byteArrays;
  unsigned nextGlobal = 0;
  std::optional<llvm::DenseMap<mlir::Type, llvm::SmallVector<ClassAttribute>>>
      classes;
};

} // namespace tsc

#endif // TSC_LIB_CONVERSION_TSTOLLVM_LOWERINGCONTEXT_H
