//===- TSConstants.h - reading constants and sizes in ts IR -----*- C++ -*-===//
//
// What passes and conversions ask of constant operands and of tensor sizes:
// one implementation each, so that an op's parameters are read, and sizes
// broadcast, the same way everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_DIALECT_TS_IR_TSCONSTANTS_H
#define TSC_DIALECT_TS_IR_TSCONSTANTS_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace tsc::ts {

/// The number a constant int, float or bool `v` holds; nullopt for None or
/// a value known only at run time.
std::optional<double> getConstantNumber(mlir::Value v);

/// The constant int `v` holds.
std::optional<int64_t> getConstantInt(mlir::Value v);

/// The constant int list `v` holds: a list constant, or a list built of
/// constant ints.
std::optional<llvm::SmallVector<int64_t>> getConstantInts(mlir::Value v);

/// Whether `op` reads only a tensor's sizes (aten::dim, size, size.int),
/// which any tensor of the same sizes answers alike: a blocked copy, or a
/// layer's result rewritten to compute the same shape.
bool readsOnlySizes(mlir::Operation *op);

/// Broadcasts sizes as torch does. A dimension of unknown size
/// (TensorType::kDynamic) broadcast with a known size other than 1 is that
/// size (if it were anything else the op would fail); with 1 or another
/// unknown, unknown. Nullopt if the known sizes do not broadcast.
std::optional<llvm::SmallVector<int64_t>>
broadcastSizes(llvm::ArrayRef<llvm::ArrayRef<int64_t>> sizes);

} // namespace tsc::ts

#endif // TSC_DIALECT_TS_IR_TSCONSTANTS_H
