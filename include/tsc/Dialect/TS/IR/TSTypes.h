//===- TSTypes.h - ts dialect types -----------------------------*- C++ -*-===//
#ifndef TSC_DIALECT_TS_IR_TSTYPES_H
#define TSC_DIALECT_TS_IR_TSTYPES_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "tsc/Dialect/TS/IR/TSOpsTypes.h.inc"

namespace tsc::ts {

/// True for TorchScript's unboxed scalars: int (i64), float (f64), bool (i1).
bool isScalarType(mlir::Type type);

/// True when a value of type `from` may flow where `to` is expected
/// (TorchScript subtyping: T <: Optional[T], refined tensor <: tensor,
/// anything <: Any, element-wise for tuples).
bool isSubtypeOf(mlir::Type from, mlir::Type to);

/// The TorchScript spelling of a type, as in a schema: "Tensor", "int",
/// "List[Tensor]", "Optional[float]", ...
std::string getTorchScriptTypeString(mlir::Type type);

} // namespace tsc::ts

#endif // TSC_DIALECT_TS_IR_TSTYPES_H
