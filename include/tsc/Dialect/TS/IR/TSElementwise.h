//===- TSElementwise.h - elementwise tensor operators -----------*- C++ -*-===//
//
// The elementwise float operators that fusion kernels compute, named once:
// -tsc-fuse-elementwise groups exactly these, and the kernel emitter writes
// the arithmetic of exactly these.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_DIALECT_TS_IR_TSELEMENTWISE_H
#define TSC_DIALECT_TS_IR_TSELEMENTWISE_H

#include "mlir/IR/Operation.h"

#include <optional>

namespace tsc::ts {

enum class ElementwiseKind {
  // Binary, on two tensors (with a constant alpha for add and sub).
  AddTensor,
  SubTensor,
  MulTensor,
  DivTensor,
  // A tensor and a constant scalar.
  AddScalar,
  SubScalar,
  RsubScalar,
  MulScalar,
  DivScalar,
  PowScalar,
  // Unary, with constant parameters where the schema has them.
  Neg,
  Abs,
  Exp,
  Log,
  Sqrt,
  Rsqrt,
  Sin,
  Cos,
  Tanh,
  Sigmoid,
  Relu,
  Relu6,
  Gelu,
  Silu,
  Hardswish,
  Hardsigmoid,
  Hardtanh,
  LeakyRelu,
  Elu,
  Clamp,
};

/// The kind of `op` if it is one of the operators above, whatever its
/// operands.
std::optional<ElementwiseKind> getElementwiseKind(mlir::Operation *op);

/// How many leading operands of an op of `kind` are tensors; the others
/// are scalar parameters.
unsigned getNumTensorOperands(ElementwiseKind kind);

/// Whether a fusion kernel can compute `op`: an operator above with one
/// tensor result, whose scalar parameters are constants (numbers, None for
/// clamp's bounds, "none" or "tanh" for gelu's approximation).
bool isFusibleElementwise(mlir::Operation *op);

} // namespace tsc::ts

#endif // TSC_DIALECT_TS_IR_TSELEMENTWISE_H
