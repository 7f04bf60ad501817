//===- DecomposeRNNCells.cpp - the -tsc-decompose-rnn-cells pass ----------===//
//
// A recurrent cell with constant weights becomes its linear layers, one per
// gate and input (slices of the stacked weights), and the gates'
// elementwise formula, written as ATen's CPU cells compute it (RNN.cpp):
// after -tsc-fuse-elementwise, one kernel computes the whole cell. A whole
// LSTM (aten::lstm) becomes, layer by layer, a loop over the sequence of
// such cells.
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

int64_t gateCount(Cell cell) {
  return cell == Cell::LSTM ? 4 : cell == Cell::GRU ? 3 : 1;
}

/// A constant float32 tensor, as values and sizes.
struct Constant {
  std::vector<float> values;
  SmallVector<int64_t> sizes;
};

std::optional<Constant> readF32(Attribute attr, int64_t rank) {
  auto dense = dyn_cast_or_null<DenseElementsAttr>(attr);
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

Attribute constantAttr(Value v) {
  auto c = v.getDefiningOp<ts::ConstantOp>();
  return c ? c.getValue() : Attribute();
}

std::optional<Constant> readF32(Value v, int64_t rank) {
  return readF32(constantAttr(v), rank);
}

std::optional<int64_t> constantInt(Value v) {
  auto i = dyn_cast_or_null<IntegerAttr>(constantAttr(v));
  if (!i)
    return std::nullopt;
  return i.getInt();
}

bool isNone(Value v) { return isa<ts::NoneType>(v.getType()); }

/// One cell's (or layer's) weights: w_ih [G*H, I], w_hh [G*H, H], biases
/// [G*H] or none.
struct CellWeights {
  Constant wih, whh;
  std::optional<Constant> bih, bhh;
  int64_t hidden = 0;

  /// Whether the sizes fit `gates` gates; sets `hidden`.
  bool fit(int64_t gates) {
    if (wih.sizes.size() != 2 || whh.sizes.size() != 2 || wih.sizes[0] == 0 ||
        wih.sizes[0] % gates)
      return false;
    hidden = wih.sizes[0] / gates;
    if (whh.sizes[0] != gates * hidden || whh.sizes[1] != hidden)
      return false;
    for (const std::optional<Constant> &b : {bih, bhh})
      if (b && (b->sizes.size() != 1 || b->sizes[0] != gates * hidden))
        return false;
    return true;
  }
};

/// Builds ops at its insertion point, all with one location.
class CellBuilder {
public:
  CellBuilder(Operation *op)
      : b(op), loc(op->getLoc()),
        tensorTy(ts::TensorType::get(op->getContext(), std::nullopt, Type())) {}

  /// The cell's new hidden state (and, for an LSTM, new cell state) from
  /// input `x`, hidden state `h` and cell state `c`.
  SmallVector<Value> cell(Cell kind, const CellWeights &w, Value x, Value h,
                          Value c);

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
    Value biasValue = bias ? slice(*bias, gate, rows) : none();
    return ts::AtenLinearOp::create(b, loc, tensorTy, x, weight, biasValue);
  }
  Value add(Value x, Value y) {
    return ts::AtenAddTensorOp::create(b, loc, tensorTy, x, y, i64(1));
  }
  Value sub(Value x, Value y) {
    return ts::AtenSubTensorOp::create(b, loc, tensorTy, x, y, i64(1));
  }
  Value mul(Value x, Value y) {
    return ts::AtenMulTensorOp::create(b, loc, tensorTy, x, y);
  }
  Value sigmoid(Value x) {
    return ts::AtenSigmoidOp::create(b, loc, tensorTy, x);
  }
  Value tanh(Value x) { return ts::AtenTanhOp::create(b, loc, tensorTy, x); }
  Value relu(Value x) { return ts::AtenReluOp::create(b, loc, tensorTy, x); }
  Value select(Value x, Value index) {
    return ts::AtenSelectIntOp::create(b, loc, tensorTy, x, i64(0), index);
  }
  /// aten::stack of the list `list` on dimension 0.
  Value stack(Value list) {
    return ts::AtenStackOp::create(b, loc, tensorTy, list, i64(0));
  }
  Value tensorList(ValueRange tensors) {
    return ts::ListConstructOp::create(
        b, loc, ts::ListType::get(b.getContext(), tensorTy), tensors);
  }

  /// `v` as a value of `type` (the op's result type, maybe more refined).
  Value as(Value v, Type type) {
    if (v.getType() == type)
      return v;
    return ts::UncheckedCastOp::create(b, loc, type, v);
  }
  Value i64(int64_t v) {
    return ts::ConstantOp::create(b, loc, b.getI64Type(),
                                  b.getI64IntegerAttr(v));
  }
  Value none() {
    return ts::ConstantOp::create(b, loc, ts::NoneType::get(b.getContext()),
                                  b.getUnitAttr());
  }
  Value boolean(bool v) {
    return ts::ConstantOp::create(b, loc, b.getI1Type(),
                                  b.getIntegerAttr(b.getI1Type(), v));
  }
  Type getTensorType() { return tensorTy; }

  OpBuilder b;
  Location loc;

private:
  Type tensorTy;
};

// Each op in its own statement: the IR is in the order written.
SmallVector<Value> CellBuilder::cell(Cell kind, const CellWeights &w, Value x,
                                     Value h, Value c) {
  auto xGate = [&](int64_t g) { return linear(x, w.wih, w.bih, g, w.hidden); };
  auto hGate = [&](int64_t g) { return linear(h, w.whh, w.bhh, g, w.hidden); };
  // linear_hh(h) + linear_ih(x) of gate g.
  auto gate = [&](int64_t g) {
    Value hg = hGate(g);
    Value xg = xGate(g);
    return add(hg, xg);
  };
  switch (kind) {
  case Cell::Tanh:
  case Cell::Relu: {
    Value sum = gate(0);
    return {kind == Cell::Tanh ? tanh(sum) : relu(sum)};
  }
  case Cell::GRU: {
    // Gates r, z, n: r = sigmoid(h_r + x_r), z = sigmoid(h_z + x_z),
    // n = tanh(x_n + h_n * r), h' = (h - n) * z + n.
    Value r = sigmoid(gate(0));
    Value z = sigmoid(gate(1));
    Value hn = hGate(2);
    Value hnr = mul(hn, r);
    Value xn = xGate(2);
    Value n = tanh(add(xn, hnr));
    Value d = sub(h, n);
    Value dz = mul(d, z);
    return {add(dz, n)};
  }
  case Cell::LSTM: {
    // Gates i, f, g, o: c' = f * c + i * g, h' = o * tanh(c').
    Value i = sigmoid(gate(0));
    Value f = sigmoid(gate(1));
    Value g = tanh(gate(2));
    Value o = sigmoid(gate(3));
    Value fc = mul(f, c);
    Value ig = mul(i, g);
    Value cNext = add(fc, ig);
    Value tc = tanh(cNext);
    Value hNext = mul(o, tc);
    return {hNext, cNext};
  }
  }
  llvm_unreachable("a cell kind");
}

/// Erases the ops defining `values` (tensor constants, lists) that nothing
/// reads any more.
void eraseUnused(ValueRange values) {
  SmallVector<Operation *> defs;
  for (Value v : values)
    if (Operation *def = v.getDefiningOp())
      if (isa<ts::ListConstructOp>(def) ||
          (isa<ts::ConstantOp>(def) && !isa<IntegerType>(v.getType()) &&
           !isa<FloatType>(v.getType())))
        defs.push_back(def);
  for (Operation *def : defs)
    if (def->use_empty())
      def->erase();
}

void replaceResults(Operation *op, CellBuilder &cb, ArrayRef<Value> results) {
  for (auto [old, value] : llvm::zip(op->getResults(), results))
    old.replaceAllUsesWith(cb.as(value, old.getType()));
  SmallVector<Value> operands(op->getOperands());
  op->erase();
  eraseUnused(operands);
}

/// aten::rnn_tanh_cell, rnn_relu_cell, gru_cell, lstm_cell: (input, hx,
/// w_ih, w_hh, b_ih?, b_hh?), hx a list [h, c] for the LSTM.
bool decomposeCell(ts::OperatorOp op) {
  std::optional<Cell> cell =
      llvm::StringSwitch<std::optional<Cell>>(op.getName())
          .Case("aten::rnn_tanh_cell", Cell::Tanh)
          .Case("aten::rnn_relu_cell", Cell::Relu)
          .Case("aten::gru_cell", Cell::GRU)
          .Case("aten::lstm_cell", Cell::LSTM)
          .Default(std::nullopt);
  if (!cell || op.getNumOperands() != 6 ||
      op.getNumResults() != (*cell == Cell::LSTM ? 2u : 1u))
    return false;
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
  if (!wih || !whh)
    return false;
  CellWeights w{*wih, *whh, std::nullopt, std::nullopt};
  for (auto [operand, bias] :
       {std::pair{op.getOperand(4), &w.bih}, {op.getOperand(5), &w.bhh}}) {
    if (isNone(operand))
      continue;
    *bias = readF32(operand, 1);
    if (!*bias)
      return false;
  }
  if (!w.fit(gateCount(*cell)))
    return false;
  CellBuilder cb(op);
  SmallVector<Value> results = cb.cell(*cell, w, input, h, c);
  replaceResults(op, cb, results);
  return true;
}

/// aten::lstm.input(input, hx, params, has_biases, num_layers, dropout,
/// train, bidirectional, batch_first) in inference, one direction, the
/// sequence first, hx a list [h0, c0] and params a constant list: for
/// each layer, a loop over the sequence of the layer's cell, whose hidden
/// states are stacked into the next layer's input (as ATen's
/// FullLayer: no dropout when not training).
bool decomposeLSTM(ts::AtenLstmInputOp op) {
  std::optional<int64_t> biases = constantInt(op.getHasBiases());
  std::optional<int64_t> layers = constantInt(op.getNumLayers());
  std::optional<int64_t> train = constantInt(op.getTrain());
  std::optional<int64_t> bidirectional = constantInt(op.getBidirectional());
  std::optional<int64_t> batchFirst = constantInt(op.getBatchFirst());
  auto hx = op.getHx().getDefiningOp<ts::ListConstructOp>();
  auto params = dyn_cast_or_null<ArrayAttr>(constantAttr(op.getParams()));
  if (!biases || !layers || *layers < 1 || !train || *train || !bidirectional ||
      *bidirectional || !batchFirst || *batchFirst || !hx ||
      hx.getNumOperands() != 2 || !params)
    return false;
  // Per layer: w_ih, w_hh[, b_ih, b_hh] (no projections).
  int64_t perLayer = *biases ? 4 : 2;
  if (static_cast<int64_t>(params.size()) != *layers * perLayer)
    return false;
  std::vector<CellWeights> weights;
  for (int64_t l = 0; l < *layers; ++l) {
    auto at = [&](int64_t i, int64_t rank) {
      return readF32(params[l * perLayer + i], rank);
    };
    std::optional<Constant> wih = at(0, 2), whh = at(1, 2);
    if (!wih || !whh)
      return false;
    CellWeights w{*wih, *whh, std::nullopt, std::nullopt};
    if (*biases) {
      w.bih = at(2, 1);
      w.bhh = at(3, 1);
      if (!w.bih || !w.bhh)
        return false;
    }
    if (!w.fit(4))
      return false;
    weights.push_back(std::move(w));
  }

  CellBuilder cb(op);
  Value steps = ts::AtenSizeIntOp::create(cb.b, cb.loc, cb.b.getI64Type(),
                                          op.getInput(), cb.i64(0));
  Value yes = cb.boolean(true);
  Type tensorTy = cb.getTensorType();
  Value x = op.getInput();
  SmallVector<Value> hs, cs;
  for (int64_t l = 0; l < *layers; ++l) {
    Value layer = cb.i64(l);
    Value h0 = cb.select(hx.getOperand(0), layer);
    Value c0 = cb.select(hx.getOperand(1), layer);
    Value outputs = cb.tensorList({});
    auto loop = ts::LoopOp::create(cb.b, cb.loc, TypeRange{tensorTy, tensorTy},
                                   steps, yes, ValueRange{h0, c0});
    Block *body = new Block();
    loop.getBody().push_back(body);
    Value t = body->addArgument(cb.b.getI64Type(), cb.loc);
    Value h = body->addArgument(tensorTy, cb.loc);
    Value c = body->addArgument(tensorTy, cb.loc);
    {
      OpBuilder::InsertionGuard guard(cb.b);
      cb.b.setInsertionPointToStart(body);
      Value xt = cb.select(x, t);
      SmallVector<Value> next = cb.cell(Cell::LSTM, weights[l], xt, h, c);
      ts::AtenAppendTOp::create(cb.b, cb.loc, outputs.getType(), outputs,
                                next[0]);
      Value goOn = cb.boolean(true);
      ts::YieldOp::create(cb.b, cb.loc, ValueRange{goOn, next[0], next[1]});
    }
    x = cb.stack(outputs);
    hs.push_back(loop.getResult(0));
    cs.push_back(loop.getResult(1));
  }
  Value hn = cb.stack(cb.tensorList(hs));
  Value cn = cb.stack(cb.tensorList(cs));
  replaceResults(op, cb, {x, hn, cn});
  return true;
}

struct DecomposeRNNCellsPass
    : public tsc::impl::DecomposeRNNCellsBase<DecomposeRNNCellsPass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<ts::OperatorOp, ts::AtenLstmInputOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      if (auto cell = dyn_cast<ts::OperatorOp>(op))
        (void)decomposeCell(cell);
      else
        (void)decomposeLSTM(cast<ts::AtenLstmInputOp>(op));
    }
  }
};

} // namespace
