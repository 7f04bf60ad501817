//===- DecomposeRNNCells.cpp - the -tsc-decompose-rnn-cells pass ----------===//
//
// A recurrent cell with constant weights becomes its linear layers, one per
// gate and input (slices of the stacked weights), and the gates'
// elementwise formula, written as ATen's CPU cells compute it (RNN.cpp):
// after -tsc-fuse-elementwise, one kernel computes the whole cell.
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringSwitch.h"

namespace tsc {
#define GEN_PASS_DEF_DECOMPOSERNNCELLS
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

enum class Cell { Tanh, Relu, GRU, LSTM };

/// A constant float32 tensor of `rank`, as values and sizes.
struct Constant {
  std::vector<float> values;
  SmallVector<int64_t> sizes;
};

std::optional<Constant> readF32(Value v, int64_t rank) {
  auto c = v.getDefiningOp<ts::ConstantOp>();
  auto dense = c ? dyn_cast<DenseElementsAttr>(c.getValue()) : nullptr;
  if (!dense || !dense.getElementType().isF32())
    return std::nullopt;
  auto type = cast<ShapedType>(dense.getType());
  if (type.getRank() != rank)
    return std::nullopt;
  Constant t;
  auto values = dense.getValues<float>();
  t.values.assign(values.begin(), values.end());
  t.sizes.assign(type.getShape().begin(), type.getShape().end());
  return t;
}

bool isNone(Value v) { return isa<ts::NoneType>(v.getType()); }

class CellBuilder {
public:
  CellBuilder(Operation *op)
      : b(op), loc(op->getLoc()),
        tensorTy(ts::TensorType::get(op->getContext(), std::nullopt, Type())) {}

  /// Rows [gate * rows, (gate + 1) * rows) of `t`, as a new constant.
  Value slice(const Constant &t, int64_t gate, int64_t rows) {
    int64_t width = t.sizes.size() == 2 ? t.sizes[1] : 1;
    auto begin = t.values.begin() + gate * rows * width;
    std::vector<float> part(begin, begin + rows * width);
    SmallVector<int64_t> sizes{rows};
    if (t.sizes.size() == 2)
      sizes.push_back(width);
    auto attr = DenseElementsAttr::get(
        RankedTensorType::get(sizes, b.getF32Type()), ArrayRef<float>(part));
    return ts::ConstantOp::create(
        b, loc, ts::TensorType::get(b.getContext(), sizes, b.getF32Type()),
        attr);
  }

  Value linear(Value x, const Constant &w, const std::optional<Constant> &bias,
               int64_t gate, int64_t rows) {
    Value weight = slice(w, gate, rows);
    if (!bias && !none)
      none = ts::ConstantOp::create(b, loc, ts::NoneType::get(b.getContext()),
                                    b.getUnitAttr());
    Value biasValue = bias ? slice(*bias, gate, rows) : none;
    return ts::AtenLinearOp::create(b, loc, tensorTy, x, weight, biasValue);
  }
  Value add(Value x, Value y) {
    if (!one)
      one = ts::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(1));
    return ts::AtenAddTensorOp::create(b, loc, tensorTy, x, y, one);
  }
  Value sub(Value x, Value y) {
    if (!one)
      one = ts::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(1));
    return ts::AtenSubTensorOp::create(b, loc, tensorTy, x, y, one);
  }
  Value mul(Value x, Value y) {
    return ts::AtenMulTensorOp::create(b, loc, tensorTy, x, y);
  }
  Value sigmoid(Value x) {
    return ts::AtenSigmoidOp::create(b, loc, tensorTy, x);
  }
  Value tanh(Value x) { return ts::AtenTanhOp::create(b, loc, tensorTy, x); }
  Value relu(Value x) { return ts::AtenReluOp::create(b, loc, tensorTy, x); }

  /// `v` as a value of `type` (the op's result type, maybe more refined).
  Value as(Value v, Type type) {
    if (v.getType() == type)
      return v;
    return ts::UncheckedCastOp::create(b, loc, type, v);
  }

private:
  OpBuilder b;
  Location loc;
  Type tensorTy;
  Value one, none;
};

bool decompose(ts::OperatorOp op) {
  StringRef name = op.getName();
  std::optional<Cell> cell = llvm::StringSwitch<std::optional<Cell>>(name)
                                 .Case("aten::rnn_tanh_cell", Cell::Tanh)
                                 .Case("aten::rnn_relu_cell", Cell::Relu)
                                 .Case("aten::gru_cell", Cell::GRU)
                                 .Case("aten::lstm_cell", Cell::LSTM)
                                 .Default(std::nullopt);
  // (input, hx, w_ih, w_hh, b_ih?, b_hh?): hx a list [h, c] for LSTM.
  if (!cell || op.getNumOperands() != 6 ||
      op.getNumResults() != (*cell == Cell::LSTM ? 2u : 1u))
    return false;
  int64_t gates = *cell == Cell::LSTM ? 4 : *cell == Cell::GRU ? 3 : 1;
  Value input = op.getOperand(0), h = op.getOperand(1), c;
  if (*cell == Cell::LSTM) {
    auto list = h.getDefiningOp<ts::ListConstructOp>();
    if (!list || list.getNumOperands() != 2)
      return false;
    h = list.getOperand(0);
    c = list.getOperand(1);
  }
  std::optional<Constant> wih = readF32(op.getOperand(2), 2);
  std::optional<Constant> whh = readF32(op.getOperand(3), 2);
  if (!wih || !whh || wih->sizes[0] % gates)
    return false;
  int64_t hidden = wih->sizes[0] / gates;
  if (whh->sizes[0] != gates * hidden || whh->sizes[1] != hidden)
    return false;
  std::optional<Constant> bih, bhh;
  for (auto [operand, bias] :
       {std::pair{op.getOperand(4), &bih}, {op.getOperand(5), &bhh}}) {
    if (isNone(operand))
      continue;
    *bias = readF32(operand, 1);
    if (!*bias || (*bias)->sizes[0] != gates * hidden)
      return false;
  }

  // Each op in its own statement: the IR is in the order written.
  CellBuilder cb(op);
  auto xGate = [&](int64_t g) {
    return cb.linear(input, *wih, bih, g, hidden);
  };
  auto hGate = [&](int64_t g) { return cb.linear(h, *whh, bhh, g, hidden); };
  // linear_hh(h) + linear_ih(x) of gate g.
  auto gate = [&](int64_t g) {
    Value hg = hGate(g);
    Value xg = xGate(g);
    return cb.add(hg, xg);
  };
  SmallVector<Value> results;
  switch (*cell) {
  case Cell::Tanh:
  case Cell::Relu: {
    Value sum = gate(0);
    results.push_back(*cell == Cell::Tanh ? cb.tanh(sum) : cb.relu(sum));
    break;
  }
  case Cell::GRU: {
    // Gates r, z, n: r = sigmoid(h_r + x_r), z = sigmoid(h_z + x_z),
    // n = tanh(x_n + h_n * r), h' = (h - n) * z + n.
    Value r = cb.sigmoid(gate(0));
    Value z = cb.sigmoid(gate(1));
    Value hn = hGate(2);
    Value hnr = cb.mul(hn, r);
    Value xn = xGate(2);
    Value n = cb.tanh(cb.add(xn, hnr));
    Value d = cb.sub(h, n);
    Value dz = cb.mul(d, z);
    results.push_back(cb.add(dz, n));
    break;
  }
  case Cell::LSTM: {
    // Gates i, f, g, o: c' = f * c + i * g, h' = o * tanh(c').
    Value i = cb.sigmoid(gate(0));
    Value f = cb.sigmoid(gate(1));
    Value g = cb.tanh(gate(2));
    Value o = cb.sigmoid(gate(3));
    Value fc = cb.mul(f, c);
    Value ig = cb.mul(i, g);
    Value cNext = cb.add(fc, ig);
    Value tc = cb.tanh(cNext);
    results.push_back(cb.mul(o, tc));
    results.push_back(cNext);
    break;
  }
  }
  for (auto [old, value] : llvm::zip(op.getResults(), results))
    old.replaceAllUsesWith(cb.as(value, old.getType()));
  // The hidden state's list and the stacked weights go if nothing else
  // reads them.
  SmallVector<Operation *> defs;
  for (Value v : op.getOperands().drop_front())
    if (Operation *def = v.getDefiningOp())
      if (isa<ts::ListConstructOp>(def) ||
          (isa<ts::ConstantOp>(def) && isa<ts::TensorType>(v.getType())))
        defs.push_back(def);
  op.erase();
  for (Operation *def : defs)
    if (def->use_empty())
      def->erase();
  return true;
}

struct DecomposeRNNCellsPass
    : public tsc::impl::DecomposeRNNCellsBase<DecomposeRNNCellsPass> {
  void runOnOperation() override {
    SmallVector<ts::OperatorOp> cells;
    getOperation()->walk([&](ts::OperatorOp op) { cells.push_back(op); });
    for (ts::OperatorOp op : cells)
      (void)decompose(op);
  }
};

} // namespace
