//===- TSElementwise.cpp - elementwise tensor operators -------------------===//

#include "tsc/Dialect/TS/IR/TSElementwise.h"
#include "tsc/Dialect/TS/IR/TSConstants.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/IR/TSTypes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;

namespace tsc::ts {

std::optional<ElementwiseKind> getElementwiseKind(Operation *op) {
  using K = ElementwiseKind;
  return llvm::StringSwitch<std::optional<K>>(op->getName().getStringRef())
      .Case("ts.aten.add.Tensor", K::AddTensor)
      .Case("ts.aten.sub.Tensor", K::SubTensor)
      .Case("ts.aten.mul.Tensor", K::MulTensor)
      .Case("ts.aten.div.Tensor", K::DivTensor)
      .Case("ts.aten.add.Scalar", K::AddScalar)
      .Case("ts.aten.sub.Scalar", K::SubScalar)
      .Case("ts.aten.rsub.Scalar", K::RsubScalar)
      .Case("ts.aten.mul.Scalar", K::MulScalar)
      .Case("ts.aten.div.Scalar", K::DivScalar)
      .Case("ts.aten.pow.Tensor_Scalar", K::PowScalar)
      .Case("ts.aten.neg", K::Neg)
      .Case("ts.aten.abs", K::Abs)
      .Case("ts.aten.exp", K::Exp)
      .Case("ts.aten.log", K::Log)
      .Case("ts.aten.sqrt", K::Sqrt)
      .Case("ts.aten.rsqrt", K::Rsqrt)
      .Case("ts.aten.sin", K::Sin)
      .Case("ts.aten.cos", K::Cos)
      .Case("ts.aten.tanh", K::Tanh)
      .Case("ts.aten.sigmoid", K::Sigmoid)
      .Case("ts.aten.relu", K::Relu)
      .Case("ts.aten.relu6", K::Relu6)
      .Case("ts.aten.gelu", K::Gelu)
      .Case("ts.aten.silu", K::Silu)
      .Case("ts.aten.hardswish", K::Hardswish)
      .Case("ts.aten.hardsigmoid", K::Hardsigmoid)
      .Case("ts.aten.hardtanh", K::Hardtanh)
      .Case("ts.aten.leaky_relu", K::LeakyRelu)
      .Case("ts.aten.elu", K::Elu)
      .Case("ts.aten.clamp", K::Clamp)
      .Default(std::nullopt);
}

unsigned getNumTensorOperands(ElementwiseKind kind) {
  using K = ElementwiseKind;
  switch (kind) {
  case K::AddTensor:
  case K::SubTensor:
  case K::MulTensor:
  case K::DivTensor:
    return 2;
  default:
    return 1;
  }
}

/// Whether `v` is a constant the kernel can bake in: a number, or for
/// clamp's bounds None, or for gelu a known approximation.
static bool isBakeableParameter(Value v, ElementwiseKind kind) {
  Attribute attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return false;
  if (isa<IntegerAttr, FloatAttr>(attr))
    return true;
  if (kind == ElementwiseKind::Clamp)
    return isa<UnitAttr>(attr);
  if (auto s = dyn_cast<StringAttr>(attr))
    return kind == ElementwiseKind::Gelu &&
           (s.getValue() == "none" || s.getValue() == "tanh");
  return false;
}

bool isTranscendental(ElementwiseKind kind) {
  switch (kind) {
  case ElementwiseKind::Exp:
  case ElementwiseKind::Log:
  case ElementwiseKind::Sin:
  case ElementwiseKind::Cos:
  case ElementwiseKind::Tanh:
  case ElementwiseKind::Sigmoid:
  case ElementwiseKind::Gelu:
  case ElementwiseKind::Silu:
  case ElementwiseKind::Elu:
    return true;
  default:
    return false;
  }
}

bool isFusibleElementwise(Operation *op) {
  std::optional<ElementwiseKind> kind = getElementwiseKind(op);
  if (!kind || op->getNumResults() != 1 ||
      !isa<TensorType>(op->getResult(0).getType()))
    return false;
  unsigned numTensors = getNumTensorOperands(*kind);
  for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
    if (i < numTensors) {
      if (!isa<TensorType>(operand.getType()))
        return false;
      continue;
    }
    if (!isBakeableParameter(operand, *kind))
      return false;
  }
  return true;
}

/// The single size of a constant int list of one element.
static std::optional<int64_t> getSingleConstantSize(Value list) {
  std::optional<SmallVector<int64_t>> sizes = getConstantInts(list);
  if (!sizes || sizes->size() != 1)
    return std::nullopt;
  return sizes->front();
}

static bool isNone(Value v) { return isa<NoneType>(v.getType()); }

std::optional<RowReductionKind> getFusibleRowReduction(Operation *op) {
  StringRef name = op->getName().getStringRef();
  if (op->getNumResults() != 1 || op->getNumOperands() < 1 ||
      !isa<TensorType>(op->getResult(0).getType()) ||
      !isa<TensorType>(op->getOperand(0).getType()))
    return std::nullopt;
  if (name == "ts.aten.layer_norm") {
    // (input, normalized_shape, weight?, bias?, eps, cudnn_enable)
    FloatAttr eps;
    IntegerAttr cudnn;
    if (!getSingleConstantSize(op->getOperand(1)) ||
        !matchPattern(op->getOperand(4), m_Constant(&eps)) ||
        !matchPattern(op->getOperand(5), m_Constant(&cudnn)))
      return std::nullopt;
    for (Value v : {op->getOperand(2), op->getOperand(3)})
      if (!isa<TensorType>(v.getType()) && !isNone(v))
        return std::nullopt;
    return RowReductionKind::LayerNorm;
  }
  if (name == "ts.aten.softmax.int" || name == "ts.aten.log_softmax.int") {
    // (input, dim, dtype?)
    std::optional<int64_t> dim = getConstantInt(op->getOperand(1));
    if (!dim || *dim < -1 || !isNone(op->getOperand(2)))
      return std::nullopt;
    return name == "ts.aten.softmax.int" ? RowReductionKind::Softmax
                                         : RowReductionKind::LogSoftmax;
  }
  return std::nullopt;
}

int64_t getRowReductionDim(Operation *op) {
  if (getFusibleRowReduction(op) == RowReductionKind::LayerNorm)
    return -1;
  return *getConstantInt(op->getOperand(1));
}

int64_t getRowReductionLength(Operation *op) {
  if (getFusibleRowReduction(op) == RowReductionKind::LayerNorm)
    return *getSingleConstantSize(op->getOperand(1));
  return -1;
}

/// The float32 elements of the ts.prim.Constant defining `v`, of `rank`.
static DenseElementsAttr getConstantF32(Value v, int64_t rank) {
  DenseElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return {};
  auto type = dyn_cast<RankedTensorType>(attr.getType());
  if (!type || type.getRank() != rank || !type.getElementType().isF32())
    return {};
  return attr;
}

std::optional<FusibleLinear> getFusibleLinear(Operation *op) {
  if (op->getName().getStringRef() != "ts.aten.linear" ||
      op->getNumOperands() != 3 ||
      !isa<TensorType>(op->getOperand(0).getType()))
    return std::nullopt;
  FusibleLinear linear;
  linear.weight = getConstantF32(op->getOperand(1), 2);
  if (!linear.weight)
    return std::nullopt;
  auto shape = cast<RankedTensorType>(linear.weight.getType()).getShape();
  linear.n = shape[0];
  linear.k = shape[1];
  if (linear.n < 1 || linear.k < 1 ||
      linear.n * linear.k > kMaxFusibleLinearWeight)
    return std::nullopt;
  if (!isNone(op->getOperand(2))) {
    linear.bias = getConstantF32(op->getOperand(2), 1);
    if (!linear.bias || linear.bias.getNumElements() != linear.n)
      return std::nullopt;
  }
  return linear;
}

} // namespace tsc::ts
