//===- KernelMath.h - math lowering shared by the CPU and GPU kernels -*- C++
//-*-===//
//
// The two steps of the fusion kernels' math lowering that do not depend on
// the target, so that an operator computes the same formula on both.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_CONVERSION_FUSIONTOKERNELS_KERNELMATH_H
#define TSC_CONVERSION_FUSIONTOKERNELS_KERNELMATH_H

#include "mlir/IR/PatternMatch.h"

namespace tsc {

/// MLIR's polynomial approximations for the math functions with no vector
/// (CPU) or IEEE (PTX) instruction: exp, expm1, log, tanh, erf, sin, cos.
/// sqrt, abs and fma are left to the target, which has instructions.
void populateKernelApproximationPatterns(mlir::RewritePatternSet &patterns);

/// Replaces the `llvm.intr.fma` under `root` (the approximations' fused
/// multiply-adds, lowered) by `llvm.intr.fmuladd`: the backend fuses them
/// where the target has FMA and multiplies and adds where it has not,
/// instead of calling libm's fmaf per element.
void relaxFusedMultiplyAdds(mlir::Operation *root);

} // namespace tsc

#endif // TSC_CONVERSION_FUSIONTOKERNELS_KERNELMATH_H
