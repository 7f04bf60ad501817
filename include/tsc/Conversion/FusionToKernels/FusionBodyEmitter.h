//===- FusionBodyEmitter.h - a fusion group's body as arithmetic -*- C++
//-*-===//
//
// What the CPU and the GPU kernels of a ts.fusion_group have in common: the
// group's body computed on the element values of its inputs, and, for a
// group with a row reduction, the row's statistics and the reduction's
// element formula. The kernels differ only in how they walk the elements
// (vector loops on a CPU, threads and warp shuffles on a GPU), which they
// hand in as callbacks.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_CONVERSION_FUSIONTOKERNELS_FUSIONBODYEMITTER_H
#define TSC_CONVERSION_FUSIONTOKERNELS_FUSIONBODYEMITTER_H

#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <functional>

namespace tsc {

class FusionBodyEmitter {
public:
  /// The value of the row reduction at the current element, given the
  /// mapping of the body's values there and the element type.
  using RowElementFn =
      std::function<mlir::Value(mlir::IRMapping &, mlir::Type)>;
  /// The reduction's input at element `index` (i64), as a value of `type`.
  using ElementFn = std::function<mlir::Value(mlir::Value, mlir::Type)>;
  using CombineFn = std::function<mlir::Value(mlir::Value, mlir::Value)>;
  /// Combines `element` over the row from `init` with `combine` (`kind`
  /// where whole vectors are combined); returns the f32 result, the same
  /// on every thread that computes the row.
  using ReduceFn = std::function<mlir::Value(double init, CombineFn combine,
                                             mlir::vector::CombiningKind kind,
                                             ElementFn element)>;

  explicit FusionBodyEmitter(ts::FusionGroupOp group);

  mlir::Block &getBody() { return body; }
  /// The body's row reduction (layer_norm, softmax, log_softmax), or null.
  mlir::Operation *getRowReduction() { return anchor; }
  /// The body's ops that the row reduction's input depends on.
  const llvm::SmallPtrSetImpl<mlir::Operation *> &getRowInputSlice() {
    return rowInputSlice;
  }

  /// Maps the body's tensor ops' results in `map` (whose arguments are
  /// mapped already) to their values of `type` (f32 or vector of f32):
  /// only the ops in `only` if given; the row reduction's through
  /// `rowElement`. Ops whose results `map` holds already (linear layers,
  /// which the kernel computes itself) are left as they are.
  void compute(mlir::OpBuilder &b, mlir::IRMapping &map, mlir::Type type,
               const llvm::SmallPtrSetImpl<mlir::Operation *> *only = nullptr,
               const RowElementFn &rowElement = {});

  /// Emits the row's statistics for the row reduction (mean and variance,
  /// or maximum and sum of exponentials) with `reduce` over `input`, `n`
  /// being the row's length (f32); returns the reduction's element formula.
  RowElementFn emitRowStatistics(mlir::OpBuilder &b, mlir::Location loc,
                                 mlir::Value n, const ReduceFn &reduce,
                                 const ElementFn &input);

private:
  mlir::Block &body;
  mlir::Operation *anchor = nullptr;
  llvm::SmallPtrSet<mlir::Operation *, 16> rowInputSlice;
};

/// `scalar` (f32) as a value of `type` (f32 or a vector of f32).
mlir::Value splatF32(mlir::OpBuilder &b, mlir::Location loc, mlir::Value scalar,
                     mlir::Type type);

} // namespace tsc

#endif // TSC_CONVERSION_FUSIONTOKERNELS_FUSIONBODYEMITTER_H
