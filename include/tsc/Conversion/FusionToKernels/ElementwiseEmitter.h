//===- ElementwiseEmitter.h - arith/math for fused operators ----*- C++ -*-===//
//
// Writes the arithmetic of one elementwise ts operator (TSElementwise.h) on
// float32 values: scalars (`f32`) or vectors of them (`vector<Nxf32>`), in
// the arith and math dialects. The CPU and GPU kernels share it, so one
// operator means the same everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_CONVERSION_FUSIONTOKERNELS_ELEMENTWISEEMITTER_H
#define TSC_CONVERSION_FUSIONTOKERNELS_ELEMENTWISEEMITTER_H

#include "mlir/IR/Builders.h"

namespace tsc {

/// Emits `op` (an op for which ts::isFusibleElementwise holds) applied to
/// `operands`, its tensor operands' element values of type `type` (f32 or a
/// vector of f32). Scalar parameters are read from the op's constant
/// operands and baked in. Returns the result value.
mlir::Value emitElementwise(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Operation *op, mlir::ValueRange operands,
                            mlir::Type type);

} // namespace tsc

#endif // TSC_CONVERSION_FUSIONTOKERNELS_ELEMENTWISEEMITTER_H
