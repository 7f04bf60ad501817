//===- FoldTensorConstants.cpp - the -tsc-fold-tensor-constants pass ------===//
//
// Evaluates tensor ops whose tensor operands are all constants, at compile
// time, on the constants' DenseElementsAttr: elementwise operators with
// broadcasting (each op computed in double and rounded to the dtype, as a
// float32 kernel rounds every op's result), and ops that only reshape or
// reorder elements. The evaluator is tsc's own: LibTorch is not linked
// into the passes.
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSConstants.h"
#include "tsc/Dialect/TS/IR/TSElementwise.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

namespace tsc {
#define GEN_PASS_DEF_FOLDTENSORCONSTANTS
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

/// A constant tensor's values, as doubles, and sizes.
struct Values {
  SmallVector<int64_t> sizes;
  std::vector<double> data;
  Type dtype;
};

std::optional<Values> constantTensor(Value v) {
  DenseElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  Type elem = attr.getElementType();
  if (!elem.isF32() && !elem.isF64())
    return std::nullopt;
  Values r;
  r.dtype = elem;
  auto shaped = cast<ShapedType>(attr.getType());
  r.sizes.assign(shaped.getShape().begin(), shaped.getShape().end());
  for (APFloat f : attr.getValues<APFloat>())
    r.data.push_back(f.convertToDouble());
  return r;
}

/// `v` rounded to `dtype`.
double round(double v, Type dtype) {
  return dtype.isF32() ? static_cast<double>(static_cast<float>(v)) : v;
}

std::optional<double> param(Operation *op, unsigned i) {
  return ts::getConstantNumber(op->getOperand(i));
}

/// One element of an elementwise operator, as ATen computes it (see
/// ElementwiseEmitter.cpp for the same formulas as native code).
double apply(ts::ElementwiseKind kind, Operation *op, ArrayRef<double> in,
             Type t) {
  using K = ts::ElementwiseKind;
  double x = in[0];
  auto p = [&](unsigned i, double dflt) { return param(op, i).value_or(dflt); };
  auto clamp = [&](double v, std::optional<double> lo,
                   std::optional<double> hi) {
    if (std::isnan(v))
      return v;
    if (lo)
      v = std::max(v, round(*lo, t));
    if (hi)
      v = std::min(v, round(*hi, t));
    return v;
  };
  switch (kind) {
  case K::AddTensor:
    return x + p(2, 1) * in[1];
  case K::SubTensor:
    return x - p(2, 1) * in[1];
  case K::MulTensor:
    return x * in[1];
  case K::DivTensor:
    return x / in[1];
  case K::AddScalar:
    return x + p(2, 1) * round(p(1, 0), t);
  case K::SubScalar:
    return x - p(2, 1) * round(p(1, 0), t);
  case K::RsubScalar:
    return round(p(1, 0), t) - p(2, 1) * x;
  case K::MulScalar:
    return x * round(p(1, 1), t);
  case K::DivScalar:
    return x / round(p(1, 1), t);
  case K::PowScalar:
    return std::pow(x, p(1, 1));
  case K::Neg:
    return -x;
  case K::Abs:
    return std::fabs(x);
  case K::Exp:
    return std::exp(x);
  case K::Log:
    return std::log(x);
  case K::Sqrt:
    return std::sqrt(x);
  case K::Rsqrt:
    return 1 / std::sqrt(x);
  case K::Sin:
    return std::sin(x);
  case K::Cos:
    return std::cos(x);
  case K::Tanh:
    return std::tanh(x);
  case K::Sigmoid:
    return 1 / (1 + std::exp(-x));
  case K::Relu:
    return clamp(x, 0, std::nullopt);
  case K::Relu6:
    return clamp(x, 0, 6);
  case K::Gelu: {
    Attribute approx;
    (void)matchPattern(op->getOperand(1), m_Constant(&approx));
    if (cast<StringAttr>(approx).getValue() == "tanh")
      return 0.5 * x *
             (1 + std::tanh(std::sqrt(2 / M_PI) * (x + 0.044715 * x * x * x)));
    return 0.5 * x * (1 + std::erf(x * M_SQRT1_2));
  }
  case K::Silu:
    return x / (1 + std::exp(-x));
  case K::Hardswish:
    return x * clamp(x + 3, 0, 6) / 6;
  case K::Hardsigmoid:
    return clamp(x + 3, 0, 6) / 6;
  case K::Hardtanh:
    return clamp(x, p(1, -1), p(2, 1));
  case K::LeakyRelu:
    return x > 0 ? x : x * p(1, 0.01);
  case K::Elu:
    return x <= 0 ? std::expm1(x * p(3, 1)) * p(1, 1) * p(2, 1) : x * p(2, 1);
  case K::Clamp:
    return clamp(x, param(op, 1), param(op, 2));
  }
  llvm_unreachable("unknown elementwise kind");
}

/// The element index in `v` of the output position `index` (broadcast).
int64_t sourceIndex(const Values &v, ArrayRef<int64_t> outSizes,
                    int64_t index) {
  int64_t src = 0, stride = 1;
  for (int64_t i = static_cast<int64_t>(outSizes.size()) - 1; i >= 0; --i) {
    int64_t pos = index % outSizes[i];
    index /= outSizes[i];
    int64_t vi = i - (static_cast<int64_t>(outSizes.size()) -
                      static_cast<int64_t>(v.sizes.size()));
    if (vi < 0)
      continue;
    if (v.sizes[vi] != 1)
      src += pos * stride;
    stride *= v.sizes[vi];
  }
  return src;
}

std::optional<Values> evaluate(Operation *op) {
  SmallVector<Values> tensors;
  for (Value v : op->getOperands()) {
    if (!isa<ts::TensorType>(v.getType()))
      continue;
    std::optional<Values> c = constantTensor(v);
    if (!c)
      return std::nullopt;
    tensors.push_back(std::move(*c));
  }
  if (tensors.empty())
    return std::nullopt;
  if (std::optional<ts::ElementwiseKind> kind = ts::getElementwiseKind(op)) {
    if (!ts::isFusibleElementwise(op) ||
        llvm::any_of(tensors, [&](const Values &v) {
          return v.dtype != tensors.front().dtype;
        }))
      return std::nullopt;
    SmallVector<ArrayRef<int64_t>> operandSizes;
    for (const Values &v : tensors)
      operandSizes.push_back(v.sizes);
    std::optional<SmallVector<int64_t>> sizes =
        ts::broadcastSizes(operandSizes);
    if (!sizes)
      return std::nullopt;
    Values r;
    r.sizes = *sizes;
    r.dtype = tensors.front().dtype;
    int64_t n = 1;
    for (int64_t d : r.sizes)
      n *= d;
    SmallVector<double> in(tensors.size());
    for (int64_t i = 0; i < n; ++i) {
      for (auto [k, v] : llvm::enumerate(tensors))
        in[k] = v.data[sourceIndex(v, r.sizes, i)];
      r.data.push_back(round(apply(*kind, op, in, r.dtype), r.dtype));
    }
    return r;
  }
  // Ops that keep the elements in order under new sizes: the result type
  // says which (-tsc-refine-types infers it).
  StringRef name = op->getName().getStringRef();
  auto resultType = dyn_cast<ts::TensorType>(op->getResult(0).getType());
  if (llvm::is_contained({"ts.aten.view", "ts.aten.reshape",
                          "ts.aten.flatten.using_ints", "ts.aten.unsqueeze",
                          "ts.aten.squeeze.dim", "ts.aten.contiguous",
                          "ts.aten.clone", "ts.aten.detach"},
                         name)) {
    std::optional<ArrayRef<int64_t>> sizes = resultType.getSizes();
    if (!sizes || llvm::is_contained(*sizes, ts::TensorType::kDynamic))
      return std::nullopt;
    Values r = tensors.front();
    r.sizes.assign(sizes->begin(), sizes->end());
    return r;
  }
  if ((name == "ts.aten.t" || name == "ts.aten.transpose.int") &&
      tensors.front().sizes.size() == 2) {
    const Values &in = tensors.front();
    if (name == "ts.aten.transpose.int") {
      std::optional<double> a = param(op, 1), b = param(op, 2);
      if (!a || !b || std::fmod(*a + 2, 2) == std::fmod(*b + 2, 2))
        return std::nullopt;
    }
    Values r;
    r.dtype = in.dtype;
    r.sizes = {in.sizes[1], in.sizes[0]};
    for (int64_t i = 0; i < in.sizes[1]; ++i)
      for (int64_t j = 0; j < in.sizes[0]; ++j)
        r.data.push_back(in.data[j * in.sizes[1] + i]);
    return r;
  }
  return std::nullopt;
}

DenseElementsAttr toAttr(const Values &v) {
  auto type = RankedTensorType::get(v.sizes, v.dtype);
  if (v.dtype.isF32()) {
    SmallVector<float> f(v.data.begin(), v.data.end());
    return DenseElementsAttr::get(type, ArrayRef<float>(f));
  }
  return DenseElementsAttr::get(type, ArrayRef<double>(v.data));
}

struct FoldTensorConstantsPass
    : public tsc::impl::FoldTensorConstantsBase<FoldTensorConstantsPass> {
  using Base::Base;

  void runOnOperation() override {
    // Operands are defined before their uses: one walk folds chains.
    SmallVector<Operation *> made;
    getOperation()->walk([&](Operation *op) {
      if (op->getNumResults() != 1 ||
          !isa<ts::TensorType>(op->getResult(0).getType()) ||
          isa<ts::ConstantOp>(op) || op->hasTrait<ts::OpTrait::InPlace>())
        return;
      std::optional<Values> r = evaluate(op);
      if (!r || static_cast<int64_t>(r->data.size()) > maxElements)
        return;
      OpBuilder b(op);
      Value folded = ts::ConstantOp::create(
          b, op->getLoc(), op->getResult(0).getType(), toAttr(*r));
      op->getResult(0).replaceAllUsesWith(folded);
      made.push_back(folded.getDefiningOp());
      if (isOpTriviallyDead(op))
        op->erase();
    });
    // The steps of a folded chain.
    for (Operation *c : llvm::reverse(made))
      if (c->use_empty())
        c->erase();
  }
};

} // namespace
