//===- FoldBatchNorm.cpp - the -tsc-fold-batch-norm pass ------------------===//

#include "tsc/Dialect/TS/IR/TSConstants.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>

namespace tsc {
#define GEN_PASS_DEF_FOLDBATCHNORM
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

/// A constant float tensor: its values (as doubles) and shape.
struct ConstTensor {
  SmallVector<double> values;
  SmallVector<int64_t> shape;
  FloatType elementType;
};

std::optional<ConstTensor> readConstant(Value v) {
  auto c = v.getDefiningOp<ts::ConstantOp>();
  if (!c)
    return std::nullopt;
  auto dense = dyn_cast<DenseElementsAttr>(c.getValue());
  if (!dense)
    return std::nullopt;
  auto elem = dyn_cast<FloatType>(dense.getElementType());
  if (!elem || !(elem.isF32() || elem.isF64()))
    return std::nullopt;
  ConstTensor t;
  t.elementType = elem;
  auto shape = cast<ShapedType>(dense.getType()).getShape();
  t.shape.assign(shape.begin(), shape.end());
  for (APFloat f : dense.getValues<APFloat>()) {
    bool lost;
    f.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
    t.values.push_back(f.convertToDouble());
  }
  return t;
}

bool isNone(Value v) {
  auto c = v.getDefiningOp<ts::ConstantOp>();
  return c && isa<UnitAttr>(c.getValue());
}

std::optional<bool> constantBool(Value v) {
  auto c = v.getDefiningOp<ts::ConstantOp>();
  auto i = c ? dyn_cast<IntegerAttr>(c.getValue()) : nullptr;
  if (!i || !i.getType().isInteger(1))
    return std::nullopt;
  return i.getInt() != 0;
}

std::optional<double> constantFloat(Value v) {
  auto c = v.getDefiningOp<ts::ConstantOp>();
  auto f = c ? dyn_cast<FloatAttr>(c.getValue()) : nullptr;
  if (!f)
    return std::nullopt;
  return f.getValueAsDouble();
}

/// A per-channel operand of the batch norm: the constant's values, or
/// `fill` repeated for None.
std::optional<SmallVector<double>> channelValues(Value v, int64_t channels,
                                                 double fill) {
  if (isNone(v))
    return SmallVector<double>(channels, fill);
  std::optional<ConstTensor> t = readConstant(v);
  if (!t || t->shape.size() != 1 || t->shape[0] != channels)
    return std::nullopt;
  return t->values;
}

Value makeConstant(OpBuilder &b, Location loc, ArrayRef<double> values,
                   ArrayRef<int64_t> shape, FloatType elem) {
  auto tensorType = RankedTensorType::get(shape, elem);
  DenseElementsAttr attr;
  if (elem.isF32()) {
    SmallVector<float> f(values.begin(), values.end());
    attr = DenseElementsAttr::get(tensorType, ArrayRef<float>(f));
  } else {
    attr = DenseElementsAttr::get(tensorType, values);
  }
  auto type = ts::TensorType::get(b.getContext(), shape, elem);
  return ts::ConstantOp::create(b, loc, type, attr);
}

/// Folds `bn` into the layer that produces its input, if it can.
bool foldInto(ts::AtenBatchNormOp bn) {
  Operation *layer = bn.getInput().getDefiningOp();
  auto othersReadSizes = [&] {
    return llvm::all_of(bn.getInput().getUsers(), [&](Operation *user) {
      // Readers of the sizes alone (BatchNorm2d's rank check) read the
      // folded layer's result, which has the same sizes.
      return user == bn || ts::readsOnlySizes(user);
    });
  };
  if (!layer || !othersReadSizes() ||
      !isa<ts::AtenConv1dOp, ts::AtenConv2dOp, ts::AtenConv3dOp,
           ts::Aten_ConvolutionOp, ts::AtenLinearOp>(layer))
    return false;
  // A traced convolution: only a forward one has output channels first.
  if (auto conv = dyn_cast<ts::Aten_ConvolutionOp>(layer)) {
    std::optional<bool> transposed = constantBool(conv.getTransposed());
    if (!transposed || *transposed)
      return false;
  }
  std::optional<bool> training = constantBool(bn.getTraining());
  std::optional<double> eps = constantFloat(bn.getEps());
  if (!training || *training || !eps)
    return false;
  // Operands 1 and 2 of every layer: weight and bias.
  std::optional<ConstTensor> w = readConstant(layer->getOperand(1));
  if (!w || w->shape.size() < 2)
    return false;
  int64_t channels = w->shape[0];
  std::optional<SmallVector<double>> bias =
      channelValues(layer->getOperand(2), channels, 0.0);
  std::optional<SmallVector<double>> gamma =
      channelValues(bn.getWeight(), channels, 1.0);
  std::optional<SmallVector<double>> beta =
      channelValues(bn.getBias(), channels, 0.0);
  if (!bias || !gamma || !beta || isNone(bn.getRunningMean()) ||
      isNone(bn.getRunningVar()))
    return false;
  std::optional<SmallVector<double>> mean =
      channelValues(bn.getRunningMean(), channels, 0.0);
  std::optional<SmallVector<double>> var =
      channelValues(bn.getRunningVar(), channels, 1.0);
  if (!mean || !var)
    return false;

  int64_t perChannel = w->values.size() / channels;
  SmallVector<double> newWeight(w->values.size()), newBias(channels);
  for (int64_t o = 0; o < channels; ++o) {
    double scale = (*gamma)[o] / std::sqrt((*var)[o] + *eps);
    for (int64_t i = 0; i < perChannel; ++i)
      newWeight[o * perChannel + i] = w->values[o * perChannel + i] * scale;
    newBias[o] = ((*bias)[o] - (*mean)[o]) * scale + (*beta)[o];
  }

  OpBuilder b(layer);
  Location loc = layer->getLoc();
  Value weight = makeConstant(b, loc, newWeight, w->shape, w->elementType);
  Value biasValue = makeConstant(b, loc, newBias, {channels}, w->elementType);
  Operation *folded = b.clone(*layer);
  folded->setOperand(1, weight);
  folded->setOperand(2, biasValue);
  folded->setLoc(FusedLoc::get(b.getContext(), {layer->getLoc(), bn.getLoc()}));
  Value result = folded->getResult(0);
  if (result.getType() != bn.getType())
    result = ts::UncheckedCastOp::create(b, loc, bn.getType(), result);
  bn.getResult().replaceAllUsesWith(result);
  bn.erase();
  layer->replaceAllUsesWith(folded);
  layer->erase();
  return true;
}

struct FoldBatchNormPass
    : public tsc::impl::FoldBatchNormBase<FoldBatchNormPass> {
  void runOnOperation() override {
    SmallVector<ts::AtenBatchNormOp> norms;
    getOperation()->walk([&](ts::AtenBatchNormOp bn) { norms.push_back(bn); });
    for (ts::AtenBatchNormOp bn : norms)
      (void)foldInto(bn);
  }
};

} // namespace
