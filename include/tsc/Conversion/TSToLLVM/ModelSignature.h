//===- ModelSignature.h - the methods a compiled model exports --*- C++ -*-===//
//
// What the object file exports, derived from the ts module: each public
// func.func is a method; its arguments carry their TorchScript names in the
// `ts.name` argument attribute. The conversion (entry points, JSON) and the
// header emitter both read the model's interface from here, so the two can
// never disagree.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_CONVERSION_TSTOLLVM_MODELSIGNATURE_H
#define TSC_CONVERSION_TSTOLLVM_MODELSIGNATURE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace tsc {

/// How a TorchScript value crosses the C ABI.
enum class CValueKind { Handle, Int, Float, Bool };
CValueKind getCValueKind(mlir::Type type);

struct NamedValue {
  std::string name;
  mlir::Type type;
};

struct MethodSignature {
  std::string name;
  mlir::func::FuncOp func;
  /// The method reads or assigns module state: its first argument is the
  /// module object (`self`), which the C API does not list.
  bool takesSelf = false;
  /// The arguments callers pass (without `self`).
  llvm::SmallVector<NamedValue> args;
  /// The method's one TorchScript result type.
  mlir::Type resultType;
  /// The typed C API's out-parameters: a tuple result is flattened one
  /// level, anything else is one out-parameter.
  llvm::SmallVector<NamedValue> outputs;
  bool flattensTuple = false;
};

/// The exported methods of `module`, in symbol order. Fails (with a
/// diagnostic) when a method does not have exactly one result.
mlir::FailureOr<llvm::SmallVector<MethodSignature>>
collectMethods(mlir::ModuleOp module);

/// Whether `func` is a method of the module object: its first argument is
/// `self` (so named, or unnamed), of a class type.
bool takesSelf(mlir::func::FuncOp func);

/// Whether any method keeps module state, so that each loaded instance has
/// its own and calls on one instance must not overlap.
bool isStateful(llvm::ArrayRef<MethodSignature> methods);

/// The JSON document returned by `<model>_signature()`.
std::string getSignatureJSON(llvm::StringRef modelName,
                             llvm::ArrayRef<MethodSignature> methods);

/// The tsc_dtype_t code of a builtin dtype, or -1 (TSC_DTYPE_ANY).
int32_t getDtypeCode(mlir::Type dtype);
/// The dtype's name as torch spells it ("float32"), or "" when unknown.
llvm::StringRef getDtypeName(mlir::Type dtype);

/// Whether `name` is a C identifier (what --name must be).
bool isCIdentifier(llvm::StringRef name);

} // namespace tsc

#endif // TSC_CONVERSION_TSTOLLVM_MODELSIGNATURE_H
