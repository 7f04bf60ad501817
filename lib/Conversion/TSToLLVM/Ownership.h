//===- Ownership.h - when each runtime handle is released -------*- C++ -*-===//
//
// Every non-scalar TorchScript value lives in a runtime handle holding one
// reference. The plan says, for one method, where each handle dies:
//
//  - a value made in a block (an op's result, a loop body's carried
//    argument) is owned by that block; function arguments are borrowed;
//  - an owned value is released right after its last use in its block (the
//    use may be nested inside a later op's regions);
//  - values handed on (ts.yield, func.return, a loop's initial values) need
//    a reference of their own: the owner's last use transfers its reference,
//    every other hand-over copies one.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_CONVERSION_TSTOLLVM_OWNERSHIP_H
#define TSC_LIB_CONVERSION_TSTOLLVM_OWNERSHIP_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace tsc {

struct OwnershipPlan {
  /// Values to release right after the op (in the op's block).
  llvm::DenseMap<mlir::Operation *, llvm::SmallVector<mlir::Value>>
      releaseAfter;
  /// Block arguments never used: released on entry to the block.
  llvm::DenseMap<mlir::Block *, llvm::SmallVector<mlir::Value>> releaseOnEntry;
  /// Hand-over operands that take their owner's reference.
  llvm::DenseSet<mlir::OpOperand *> transfers;

  /// Whether the hand-over `operand` must copy its handle.
  bool needsCopy(mlir::OpOperand &operand) const {
    return !transfers.contains(&operand);
  }
};

/// Whether values of `type` live in runtime handles.
bool isHandleType(mlir::Type type);

/// Whether `operand` hands its value on (a ts.yield, func.return or
/// ts.prim.Loop initial-value operand of handle type).
bool isHandOver(mlir::OpOperand &operand);

OwnershipPlan planOwnership(mlir::func::FuncOp func);

} // namespace tsc

#endif // TSC_LIB_CONVERSION_TSTOLLVM_OWNERSHIP_H
