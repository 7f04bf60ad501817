//===- FusionBodyEmitter.cpp - a fusion group's body as arithmetic --------===//

#include "tsc/Conversion/FusionToKernels/FusionBodyEmitter.h"
#include "tsc/Conversion/FusionToKernels/ElementwiseEmitter.h"
#include "tsc/Dialect/TS/IR/TSElementwise.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Matchers.h"

#include <limits>

using namespace mlir;

namespace tsc {

Value splatF32(OpBuilder &b, Location loc, Value scalar, Type type) {
  if (type == scalar.getType())
    return scalar;
  return vector::BroadcastOp::create(b, loc, type, scalar);
}

static Value constantF32(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc,
                                   b.getF32FloatAttr(static_cast<float>(v)));
}

FusionBodyEmitter::FusionBodyEmitter(ts::FusionGroupOp group)
    : body(group.getBody().front()) {
  for (Operation &op : body.without_terminator())
    if (ts::getFusibleRowReduction(&op))
      anchor = &op;
  if (!anchor)
    return;
  SmallVector<Value> work{anchor->getOperand(0)};
  while (!work.empty()) {
    Operation *def = work.pop_back_val().getDefiningOp();
    if (!def || !rowInputSlice.insert(def).second)
      continue;
    llvm::append_range(work, def->getOperands());
  }
}

void FusionBodyEmitter::compute(OpBuilder &b, IRMapping &map, Type type,
                                const llvm::SmallPtrSetImpl<Operation *> *only,
                                const RowElementFn &rowElement) {
  for (Operation &op : body.without_terminator()) {
    if (op.getNumResults() != 1 ||
        !isa<ts::TensorType>(op.getResult(0).getType()))
      continue; // scalar parameters, read by the ops that use them
    // A linear layer's weight and bias (read from the kernel's own packed
    // copies), and values the kernel mapped itself (linear layers).
    if (isa<ts::ConstantOp>(op) || map.contains(op.getResult(0)))
      continue;
    if (only && !only->contains(&op))
      continue;
    if (&op == anchor) {
      map.map(op.getResult(0), rowElement(map, type));
      continue;
    }
    SmallVector<Value> operands;
    for (Value v : op.getOperands())
      if (isa<ts::TensorType>(v.getType()))
        operands.push_back(map.lookup(v));
    map.map(op.getResult(0),
            emitElementwise(b, op.getLoc(), &op, operands, type));
  }
}

FusionBodyEmitter::RowElementFn
FusionBodyEmitter::emitRowStatistics(OpBuilder &b, Location loc, Value n,
                                     const ReduceFn &reduce,
                                     const ElementFn &input) {
  auto add = [&b, loc](Value x, Value y) -> Value {
    return arith::AddFOp::create(b, loc, x, y);
  };
  auto sub = [&b, loc](Value x, Value y) -> Value {
    return arith::SubFOp::create(b, loc, x, y);
  };
  auto mul = [&b, loc](Value x, Value y) -> Value {
    return arith::MulFOp::create(b, loc, x, y);
  };
  Operation *op = anchor;
  OpBuilder *builder = &b;
  if (*ts::getFusibleRowReduction(op) == ts::RowReductionKind::LayerNorm) {
    // As ATen: mean and biased variance, then (x * rstd - mean * rstd)
    // * weight + bias.
    Value sum = reduce(0, add, vector::CombiningKind::ADD, input);
    Value mean = arith::DivFOp::create(b, loc, sum, n);
    Value squares =
        reduce(0, add, vector::CombiningKind::ADD, [&](Value index, Type type) {
          Value x = input(index, type);
          Value d = sub(x, splatF32(b, loc, mean, type));
          return mul(d, d);
        });
    Value var = arith::DivFOp::create(b, loc, squares, n);
    FloatAttr eps;
    (void)matchPattern(op->getOperand(4), m_Constant(&eps));
    Value epsValue = constantF32(b, loc, eps.getValueAsDouble());
    Value std = math::SqrtOp::create(b, loc, add(var, epsValue));
    Value one = constantF32(b, loc, 1);
    Value rstd = arith::DivFOp::create(b, loc, one, std);
    Value shift = arith::NegFOp::create(b, loc, mul(mean, rstd));
    return [=](IRMapping &map, Type type) -> Value {
      OpBuilder &b = *builder;
      Value x = map.lookup(op->getOperand(0));
      Value scaled =
          arith::MulFOp::create(b, loc, x, splatF32(b, loc, rstd, type));
      Value y =
          arith::AddFOp::create(b, loc, scaled, splatF32(b, loc, shift, type));
      if (isa<ts::TensorType>(op->getOperand(2).getType()))
        y = arith::MulFOp::create(b, loc, y, map.lookup(op->getOperand(2)));
      if (isa<ts::TensorType>(op->getOperand(3).getType()))
        y = arith::AddFOp::create(b, loc, y, map.lookup(op->getOperand(3)));
      return y;
    };
  }
  // As ATen: the row's maximum, the sum of exp(x - max), then
  // exp(x - max) / sum, or x - max - log(sum).
  Value max = reduce(
      -std::numeric_limits<double>::infinity(),
      [&b, loc](Value x, Value y) -> Value {
        return arith::MaximumFOp::create(b, loc, x, y);
      },
      vector::CombiningKind::MAXIMUMF, input);
  Value sum = reduce(0, add, vector::CombiningKind::ADD,
                     [&](Value index, Type type) -> Value {
                       Value x = input(index, type);
                       Value d = sub(x, splatF32(b, loc, max, type));
                       return math::ExpOp::create(b, loc, d);
                     });
  bool log =
      *ts::getFusibleRowReduction(op) == ts::RowReductionKind::LogSoftmax;
  Value scale;
  if (log) {
    scale = math::LogOp::create(b, loc, sum);
  } else {
    Value one = constantF32(b, loc, 1);
    scale = arith::DivFOp::create(b, loc, one, sum);
  }
  return [=](IRMapping &map, Type type) -> Value {
    OpBuilder &b = *builder;
    Value d = arith::SubFOp::create(b, loc, map.lookup(op->getOperand(0)),
                                    splatF32(b, loc, max, type));
    if (log)
      return arith::SubFOp::create(b, loc, d, splatF32(b, loc, scale, type));
    Value e = math::ExpOp::create(b, loc, d);
    return arith::MulFOp::create(b, loc, e, splatF32(b, loc, scale, type));
  };
}

} // namespace tsc
