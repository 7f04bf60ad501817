//===- PrepackConvolutions.cpp - the -tsc-prepack-convolutions pass -------===//

#include "OneDNNOperators.h"

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

namespace tsc {
#define GEN_PASS_DEF_PREPACKCONVOLUTIONS
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

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
          b.getStringAttr(onednn::kPrepackedConv), b.getStringAttr(""),
          b.getStringAttr(onednn::kPrepackedConvSchema), conv->getOperands());
      conv->replaceAllUsesWith(prepacked->getResults());
      conv->erase();
    }
  }
};

} // namespace
