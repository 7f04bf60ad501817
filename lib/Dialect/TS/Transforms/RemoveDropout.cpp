//===- RemoveDropout.cpp - the -tsc-remove-dropout pass -------------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"

namespace tsc {
#define GEN_PASS_DEF_REMOVEDROPOUT
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

bool isInferenceDropout(Operation *op) {
  std::optional<ts::OperatorKey> key = ts::getOperatorKey(op);
  if (!key || !key->overload.empty() || op->getNumOperands() != 3 ||
      op->getNumResults() != 1)
    return false;
  if (key->name != "aten::dropout" && key->name != "aten::feature_dropout" &&
      key->name != "aten::alpha_dropout" &&
      key->name != "aten::feature_alpha_dropout")
    return false;
  auto train = op->getOperand(2).getDefiningOp<ts::ConstantOp>();
  auto value = train ? dyn_cast<IntegerAttr>(train.getValue()) : nullptr;
  return value && value.getType().isInteger(1) && value.getInt() == 0;
}

struct RemoveDropoutPass
    : public tsc::impl::RemoveDropoutBase<RemoveDropoutPass> {
  void runOnOperation() override {
    SmallVector<Operation *> dropouts;
    getOperation()->walk([&](Operation *op) {
      if (isInferenceDropout(op))
        dropouts.push_back(op);
    });
    for (Operation *op : dropouts) {
      Value input = op->getOperand(0), result = op->getResult(0);
      if (input.getType() != result.getType()) {
        OpBuilder b(op);
        input = ts::UncheckedCastOp::create(b, op->getLoc(), result.getType(),
                                            input);
      }
      result.replaceAllUsesWith(input);
      op->erase();
    }
  }
};

} // namespace
