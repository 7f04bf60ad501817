//===- PrepackConvolutions.cpp - the -tsc-prepack-convolutions pass -------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

namespace tsc {
#define GEN_PASS_DEF_PREPACKCONVOLUTIONS
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

/// The runtime operator (lib/Runtime/PrepackedConvolution.cpp).
constexpr llvm::StringLiteral kPrepackedName = "tsc::conv2d_prepacked";
constexpr llvm::StringLiteral kPrepackedSchema =
    "tsc::conv2d_prepacked(Tensor input, Tensor weight, Tensor? bias, "
    "int[2] stride, int[2] padding, int[2] dilation, int groups) -> Tensor";

struct PrepackConvolutionsPass
    : public tsc::impl::PrepackConvolutionsBase<PrepackConvolutionsPass> {
  void runOnOperation() override {
    SmallVector<ts::AtenConv2dOp> convs;
    getOperation()->walk([&](ts::AtenConv2dOp conv) {
      auto weight = conv.getOperand(1).getDefiningOp<ts::ConstantOp>();
      if (weight && isa<DenseElementsAttr>(weight.getValue()))
        convs.push_back(conv);
    });
    for (ts::AtenConv2dOp conv : convs) {
      OpBuilder b(conv);
      auto prepacked = ts::OperatorOp::create(
          b, conv.getLoc(), conv->getResultTypes(),
          b.getStringAttr(kPrepackedName), b.getStringAttr(""),
          b.getStringAttr(kPrepackedSchema), conv->getOperands());
      conv->replaceAllUsesWith(prepacked->getResults());
      conv->erase();
    }
  }
};

} // namespace
