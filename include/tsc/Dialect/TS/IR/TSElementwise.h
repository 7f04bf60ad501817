//===- TSElementwise.h - elementwise tensor operators -----------*- C++ -*-===//
//
// The elementwise float operators that fusion kernels compute, named once:
// -tsc-fuse-elementwise groups exactly these, and the kernel emitter writes
// the arithmetic of exactly these.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_DIALECT_TS_IR_TSELEMENTWISE_H
#define TSC_DIALECT_TS_IR_TSELEMENTWISE_H

#include "mlir/IR/BuiltinAttributes.h"
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

/// Whether a kernel computes `kind` by a polynomial approximation of a
/// transcendental function (exp, log, sin, cos and those made of them):
/// the ops where a kernel vectorized for the target outruns ATen 1.13's,
/// which run Sleef's AVX2 functions at most.
bool isTranscendental(ElementwiseKind kind);

/// How many leading operands of an op of `kind` are tensors; the others
/// are scalar parameters.
unsigned getNumTensorOperands(ElementwiseKind kind);

/// Whether a fusion kernel can compute `op`: an operator above with one
/// tensor result, whose scalar parameters are constants (numbers, None for
/// clamp's bounds, "none" or "tanh" for gelu's approximation).
bool isFusibleElementwise(mlir::Operation *op);

/// Operators that normalize each row (the last dimension) of their input:
/// a group may hold one, with elementwise ops before (on its input) and
/// after it. Its kernel goes row by row: statistics of the row first, then
/// every element.
enum class RowReductionKind {
  LayerNorm,  // aten::layer_norm over the last dimension
  Softmax,    // aten::softmax.int, no dtype
  LogSoftmax, // aten::log_softmax.int, no dtype
};

/// The row reduction a fusion kernel can compute `op` as: layer_norm whose
/// normalized_shape is one constant size, constant eps, and weight and bias
/// tensors or None; softmax and log_softmax with a constant dimension and
/// no dtype.
std::optional<RowReductionKind> getFusibleRowReduction(mlir::Operation *op);

/// For a fusible row reduction: the dimension it reduces as written (-1:
/// the last, whatever the rank) and, for layer_norm, the row's length
/// (else -1). The kernel's caller checks them against the sizes at run
/// time.
int64_t getRowReductionDim(mlir::Operation *op);
int64_t getRowReductionLength(mlir::Operation *op);

/// A linear layer that a fusion kernel computes itself, row by row:
/// aten::linear whose weight is a constant float32 matrix [n, k] and whose
/// bias is None or a constant float32 vector [n]. The kernel holds the
/// weight (packed for its vector loop), so only the input, of k elements a
/// row, comes at run time; the row's n results then go through the
/// group's elementwise ops without leaving registers.
struct FusibleLinear {
  mlir::DenseElementsAttr weight; // [n, k]
  mlir::DenseElementsAttr bias;   // [n], or null
  int64_t n = 0, k = 0;
};

/// The largest weight (elements) a fusion kernel holds: beyond it the
/// layer is a matrix product for BLAS rather than a few vector loops.
constexpr int64_t kMaxFusibleLinearWeight = int64_t(1) << 20;

/// `op` as a fusible linear layer (see FusibleLinear), if it is one.
std::optional<FusibleLinear> getFusibleLinear(mlir::Operation *op);

} // namespace tsc::ts

#endif // TSC_DIALECT_TS_IR_TSELEMENTWISE_H
