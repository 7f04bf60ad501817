//===- OneDNNOperators.h - the runtime's convolution operators --*- C++ -*-===//
//
// The tsc:: convolution operators of lib/Runtime/OneDNNOps.cpp, as the
// passes that emit them (-tsc-prepack-convolutions,
// -tsc-fuse-conv-epilogues) and read them (-tsc-mkldnn-layout) name them:
// one spelling of each name and schema.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_DIALECT_TS_TRANSFORMS_ONEDNNOPERATORS_H
#define TSC_LIB_DIALECT_TS_TRANSFORMS_ONEDNNOPERATORS_H

#include "tsc/Dialect/TS/IR/TSOps.h"

#include "llvm/ADT/StringRef.h"

namespace tsc::onednn {

/// conv2d with a weight packed once; aten::conv2d's operands.
constexpr llvm::StringLiteral kPrepackedConv = "tsc::conv2d_prepacked";
constexpr llvm::StringLiteral kPrepackedConvSchema =
    "tsc::conv2d_prepacked(Tensor input, Tensor weight, Tensor? bias, "
    "int[2] stride, int[2] padding, int[2] dilation, int groups) -> Tensor";
constexpr unsigned kPrepackedConvOperands = 7;

/// The same, then `+ other` and a clamp as oneDNN post-ops.
constexpr llvm::StringLiteral kFusedConv = "tsc::conv2d_prepacked_fused";
constexpr llvm::StringLiteral kFusedConvSchema =
    "tsc::conv2d_prepacked_fused(Tensor input, Tensor weight, Tensor? bias, "
    "int[2] stride, int[2] padding, int[2] dilation, int groups, "
    "Tensor? other, bool keep_sizes, Scalar? min, Scalar? max) -> Tensor";
constexpr unsigned kFusedConvOther = 7; // the tensor its post-op adds

/// Whether `op` is a ts.operator calling the runtime operator `name`.
inline bool callsOperator(mlir::Operation *op, llvm::StringRef name) {
  auto generic = llvm::dyn_cast_or_null<ts::OperatorOp>(op);
  return generic && generic.getName() == name;
}

/// A prepacked convolution, with post-ops or not.
inline bool isPrepackedConv(mlir::Operation *op) {
  return callsOperator(op, kPrepackedConv) || callsOperator(op, kFusedConv);
}

} // namespace tsc::onednn

#endif // TSC_LIB_DIALECT_TS_TRANSFORMS_ONEDNNOPERATORS_H
