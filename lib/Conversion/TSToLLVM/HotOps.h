//===- HotOps.h - the runtime's typed operator entry points -----*- C++ -*-===//
//
// The table of include/tsc/Runtime/HotOps.def as the compiler sees it: which
// operator overloads have a typed runtime function, and how each parameter
// travels (see the .def for the letters).
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_CONVERSION_TSTOLLVM_HOTOPS_H
#define TSC_LIB_CONVERSION_TSTOLLVM_HOTOPS_H

#include "mlir/IR/Value.h"
#include "llvm/ADT/StringRef.h"

namespace tsc {

struct HotOp {
  llvm::StringRef symbol;
  llvm::StringRef name;     // "aten::conv2d"
  llvm::StringRef overload; // "" for none
  llvm::StringRef params;   // one letter per schema argument
};

/// The typed entry point of `name`.`overload`, or null.
const HotOp *lookupHotOp(llvm::StringRef name, llvm::StringRef overload);

/// Whether `operand` can be passed as a parameter of kind `kind` (the
/// operand's type fits; a list is built in place by a ListConstruct or is a
/// constant; a string is a constant).
bool canPassAs(mlir::Value operand, char kind);

/// Whether an operand of kind `kind` is passed without its handle (its
/// defining op need not be lowered if nothing else uses it).
bool passesWithoutHandle(mlir::Value operand, char kind);

} // namespace tsc

#endif // TSC_LIB_CONVERSION_TSTOLLVM_HOTOPS_H
