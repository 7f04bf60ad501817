//===- RefineTypes.cpp - the -tsc-refine-types pass -----------------------===//
//
// Forward propagation of tensor sizes and dtypes: each op's result gets the
// most refined type its operands' types imply (TorchScript's own shape
// analysis does the same on graphs). What the types then make constant
// (sizes, ranks, element counts) becomes constants.
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSConstants.h"
#include "tsc/Dialect/TS/IR/TSElementwise.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringSwitch.h"

namespace tsc {
#define GEN_PASS_DEF_REFINETYPES
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

constexpr int64_t kDynamic = ts::TensorType::kDynamic;
using Sizes = SmallVector<int64_t>;

/// What is known of a tensor value.
struct Known {
  std::optional<Sizes> sizes;
  Type dtype;
};

Known known(Value v) {
  auto t = dyn_cast<ts::TensorType>(v.getType());
  if (!t)
    return {};
  Known k;
  if (std::optional<ArrayRef<int64_t>> s = t.getSizes())
    k.sizes = Sizes(s->begin(), s->end());
  k.dtype = t.getDtype();
  return k;
}

bool isFloat(Type dtype) {
  return dtype &&
         (dtype.isF16() || dtype.isBF16() || dtype.isF32() || dtype.isF64());
}

/// Broadcasting, as torch does; nullopt if not all sizes are known or they
/// do not broadcast.
std::optional<Sizes> broadcast(ArrayRef<Known> operands) {
  SmallVector<ArrayRef<int64_t>> sizes;
  for (const Known &k : operands) {
    if (!k.sizes)
      return std::nullopt;
    sizes.push_back(*k.sizes);
  }
  return ts::broadcastSizes(sizes);
}

/// (size + 2 padding - dilation (kernel - 1) - 1) / stride + 1, the output
/// size of a convolution or pooling window (floor mode).
int64_t windowed(int64_t size, int64_t kernel, int64_t stride, int64_t pad,
                 int64_t dilation) {
  if (size == kDynamic || kernel == kDynamic)
    return kDynamic;
  return (size + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1;
}

/// `list` as n values: one value repeated, or n given.
std::optional<Sizes> expand(std::optional<Sizes> list, size_t n) {
  if (!list)
    return std::nullopt;
  if (list->size() == 1)
    return Sizes(n, list->front());
  if (list->size() != n)
    return std::nullopt;
  return list;
}

std::optional<Sizes> convolution(const Known &in, const Known &w,
                                 std::optional<Sizes> stride,
                                 std::optional<Sizes> pad,
                                 std::optional<Sizes> dilation) {
  if (!in.sizes || !w.sizes || in.sizes->size() != w.sizes->size() ||
      in.sizes->size() < 3)
    return std::nullopt;
  size_t spatial = in.sizes->size() - 2;
  stride = expand(stride, spatial);
  pad = expand(pad, spatial);
  dilation = expand(dilation, spatial);
  if (!stride || !pad || !dilation)
    return std::nullopt;
  Sizes out{(*in.sizes)[0], (*w.sizes)[0]};
  for (size_t i = 0; i < spatial; ++i)
    out.push_back(windowed((*in.sizes)[2 + i], (*w.sizes)[2 + i], (*stride)[i],
                           (*pad)[i], (*dilation)[i]));
  return out;
}

/// The sizes of a view or reshape to `shape` (one -1 inferred).
std::optional<Sizes> reshaped(const Known &in, Sizes shape) {
  int64_t inferred = -1, product = 1;
  for (auto [i, d] : llvm::enumerate(shape)) {
    if (d == -1) {
      if (inferred >= 0)
        return std::nullopt;
      inferred = i;
    } else if (d < 0) {
      return std::nullopt;
    } else {
      product *= d;
    }
  }
  if (inferred < 0)
    return shape;
  if (!in.sizes || llvm::is_contained(*in.sizes, kDynamic) || product == 0)
    return std::nullopt;
  int64_t numel = 1;
  for (int64_t d : *in.sizes)
    numel *= d;
  shape[inferred] = numel / product;
  return shape;
}

/// `dim` of a rank-`rank` tensor, negative counting from the end.
std::optional<size_t> normalizeDim(std::optional<int64_t> dim, size_t rank) {
  if (!dim)
    return std::nullopt;
  int64_t d = *dim < 0 ? *dim + static_cast<int64_t>(rank) : *dim;
  if (d < 0 || d >= static_cast<int64_t>(rank))
    return std::nullopt;
  return d;
}

/// The refined type of `op`'s single tensor result implied by its
/// operands; {} where nothing follows.
Known infer(Operation *op) {
  StringRef name = op->getName().getStringRef();
  auto operand = [&](unsigned i) { return known(op->getOperand(i)); };
  auto sameAsInput = [&]() { return operand(0); };

  if (std::optional<ts::ElementwiseKind> kind = ts::getElementwiseKind(op)) {
    SmallVector<Known> tensors;
    for (unsigned i = 0, e = ts::getNumTensorOperands(*kind); i < e; ++i)
      tensors.push_back(operand(i));
    Known r;
    r.sizes = broadcast(tensors);
    // The dtype is kept only when it is one float type throughout: other
    // mixes follow promotion rules this pass does not model.
    Type dtype = tensors.front().dtype;
    if (isFloat(dtype) &&
        llvm::all_of(tensors, [&](const Known &k) { return k.dtype == dtype; }))
      r.dtype = dtype;
    return r;
  }
  if (ts::getFusibleRowReduction(op))
    return sameAsInput();
  // A cast that only widens the static type (where a branch or a folded
  // loop yields a refined tensor), except the one that keeps a method's
  // declared result type at its return.
  if (isa<ts::UncheckedCastOp>(op) &&
      llvm::none_of(op->getUsers(),
                    [](Operation *user) { return isa<func::ReturnOp>(user); }))
    return sameAsInput();
  // A result that is its first operand, changed in place or not at all.
  if (op->hasTrait<ts::OpTrait::InPlace>() &&
      isa<ts::TensorType>(op->getOperand(0).getType()))
    return sameAsInput();
  if (llvm::is_contained({"ts.aten.contiguous", "ts.aten.clone",
                          "ts.aten.detach", "ts.aten.dropout",
                          "ts.aten.batch_norm"},
                         name))
    return sameAsInput();
  if (name == "ts.aten.linear") {
    Known in = operand(0), w = operand(1), r;
    if (in.sizes && !in.sizes->empty() && w.sizes && w.sizes->size() == 2) {
      r.sizes = in.sizes;
      r.sizes->back() = w.sizes->front();
    }
    if (in.dtype == w.dtype)
      r.dtype = in.dtype;
    return r;
  }
  if (name == "ts.aten.mm" || name == "ts.aten.matmul" ||
      name == "ts.aten.addmm") {
    unsigned first = name == "ts.aten.addmm" ? 1 : 0;
    Known a = operand(first), b = operand(first + 1), r;
    if (a.sizes && b.sizes && a.sizes->size() == 2 && b.sizes->size() == 2)
      r.sizes = Sizes{a.sizes->front(), b.sizes->back()};
    if (a.dtype == b.dtype)
      r.dtype = a.dtype;
    return r;
  }
  if (name == "ts.aten.conv1d" || name == "ts.aten.conv2d" ||
      name == "ts.aten.conv3d" || name == "ts.aten._convolution") {
    if (name == "ts.aten._convolution") {
      IntegerAttr transposed;
      if (!matchPattern(op->getOperand(6), m_Constant(&transposed)) ||
          transposed.getValue().getBoolValue())
        return {};
    }
    Known in = operand(0), w = operand(1), r;
    r.sizes = convolution(in, w, ts::getConstantInts(op->getOperand(3)),
                          ts::getConstantInts(op->getOperand(4)),
                          ts::getConstantInts(op->getOperand(5)));
    if (in.dtype == w.dtype)
      r.dtype = in.dtype;
    return r;
  }
  if (name == "ts.aten.max_pool2d") {
    Known in = operand(0), r{std::nullopt, in.dtype};
    std::optional<Sizes> kernel =
        expand(ts::getConstantInts(op->getOperand(1)), 2);
    std::optional<Sizes> stride = ts::getConstantInts(op->getOperand(2));
    if (stride && stride->empty())
      stride = kernel; // stride=[]: the kernel size
    stride = expand(stride, 2);
    std::optional<Sizes> pad =
        expand(ts::getConstantInts(op->getOperand(3)), 2);
    std::optional<Sizes> dilation =
        expand(ts::getConstantInts(op->getOperand(4)), 2);
    IntegerAttr ceil;
    if (in.sizes && in.sizes->size() == 4 && kernel && stride && pad &&
        dilation && matchPattern(op->getOperand(5), m_Constant(&ceil)) &&
        !ceil.getValue().getBoolValue()) {
      Sizes s{(*in.sizes)[0], (*in.sizes)[1]};
      for (int i = 0; i < 2; ++i)
        s.push_back(windowed((*in.sizes)[2 + i], (*kernel)[i], (*stride)[i],
                             (*pad)[i], (*dilation)[i]));
      r.sizes = s;
    }
    return r;
  }
  if (name == "ts.aten.adaptive_avg_pool2d") {
    Known in = operand(0), r{std::nullopt, in.dtype};
    std::optional<Sizes> out =
        expand(ts::getConstantInts(op->getOperand(1)), 2);
    if (in.sizes && in.sizes->size() >= 3 && out) {
      Sizes s(in.sizes->begin(), in.sizes->end() - 2);
      s.append(out->begin(), out->end());
      r.sizes = s;
    }
    return r;
  }
  if (name == "ts.aten.flatten.using_ints") {
    Known in = operand(0), r{std::nullopt, in.dtype};
    if (!in.sizes)
      return r;
    size_t rank = std::max<size_t>(in.sizes->size(), 1);
    std::optional<size_t> start =
        normalizeDim(ts::getConstantInt(op->getOperand(1)), rank);
    std::optional<size_t> end =
        normalizeDim(ts::getConstantInt(op->getOperand(2)), rank);
    if (!start || !end || *start > *end || in.sizes->empty())
      return r;
    Sizes s(in.sizes->begin(), in.sizes->begin() + *start);
    int64_t product = 1;
    for (size_t i = *start; i <= *end; ++i)
      product = (*in.sizes)[i] == kDynamic || product == kDynamic
                    ? kDynamic
                    : product * (*in.sizes)[i];
    s.push_back(product);
    s.append(in.sizes->begin() + *end + 1, in.sizes->end());
    r.sizes = s;
    return r;
  }
  if (name == "ts.aten.view" || name == "ts.aten.reshape") {
    Known in = operand(0), r{std::nullopt, in.dtype};
    if (std::optional<Sizes> shape = ts::getConstantInts(op->getOperand(1)))
      r.sizes = reshaped(in, *shape);
    return r;
  }
  if (name == "ts.aten.t") {
    Known in = operand(0);
    if (in.sizes && in.sizes->size() == 2)
      std::swap((*in.sizes)[0], (*in.sizes)[1]);
    else if (!in.sizes || in.sizes->size() > 2)
      in.sizes.reset();
    return in;
  }
  if (name == "ts.aten.transpose.int") {
    Known in = operand(0);
    if (!in.sizes)
      return in;
    std::optional<size_t> a =
        normalizeDim(ts::getConstantInt(op->getOperand(1)), in.sizes->size());
    std::optional<size_t> b =
        normalizeDim(ts::getConstantInt(op->getOperand(2)), in.sizes->size());
    if (a && b)
      std::swap((*in.sizes)[*a], (*in.sizes)[*b]);
    else
      in.sizes.reset();
    return in;
  }
  if (name == "ts.aten.select.int") {
    Known in = operand(0);
    if (!in.sizes)
      return in;
    std::optional<size_t> d =
        normalizeDim(ts::getConstantInt(op->getOperand(1)), in.sizes->size());
    if (d)
      in.sizes->erase(in.sizes->begin() + *d);
    else
      in.sizes.reset();
    return in;
  }
  if (name == "ts.aten.unsqueeze") {
    Known in = operand(0);
    if (!in.sizes)
      return in;
    std::optional<size_t> d = normalizeDim(
        ts::getConstantInt(op->getOperand(1)), in.sizes->size() + 1);
    if (d)
      in.sizes->insert(in.sizes->begin() + *d, 1);
    else
      in.sizes.reset();
    return in;
  }
  return {};
}

/// Whether `to` says more than `from` and nothing against it.
bool refines(ts::TensorType from, ts::TensorType to) {
  if (from == to)
    return false;
  if (from.getDtype() && from.getDtype() != to.getDtype())
    return false;
  if (std::optional<ArrayRef<int64_t>> f = from.getSizes()) {
    std::optional<ArrayRef<int64_t>> t = to.getSizes();
    if (!t || t->size() != f->size())
      return false;
    for (auto [a, b] : llvm::zip(*f, *t))
      if (a != kDynamic && a != b)
        return false;
  }
  return true;
}

/// The types the pass changed, in order, so that what it assumed of a
/// loop's carried values can be taken back (see refineLoop).
struct TypeLog {
  SmallVector<std::pair<Value, Type>> changes;

  void set(Value v, Type t) {
    changes.push_back({v, v.getType()});
    v.setType(t);
  }
  size_t mark() const { return changes.size(); }
  void rollBack(size_t mark) {
    while (changes.size() > mark) {
      auto [v, old] = changes.pop_back_val();
      v.setType(old);
    }
  }
};

/// Refines `v`; a method's declared results keep their types, through a
/// cast where `v` is returned.
void setRefinedType(TypeLog &log, Value v, Type declared, Type refined) {
  log.set(v, refined);
  for (OpOperand &use : llvm::make_early_inc_range(v.getUses())) {
    if (!isa<func::ReturnOp>(use.getOwner()))
      continue;
    OpBuilder b(use.getOwner());
    use.set(ts::UncheckedCastOp::create(b, v.getLoc(), declared, v));
  }
}

/// What both `a` and `b` say: their dtype if it is the same, their sizes
/// if they have the same rank (a dimension they disagree on unknown).
ts::TensorType join(ts::TensorType a, ts::TensorType b) {
  Type dtype = a.getDtype() == b.getDtype() ? a.getDtype() : Type();
  std::optional<ArrayRef<int64_t>> sa = a.getSizes(), sb = b.getSizes();
  Sizes sizes;
  bool known = sa && sb && sa->size() == sb->size();
  if (known)
    for (auto [x, y] : llvm::zip(*sa, *sb))
      sizes.push_back(x == y ? x : kDynamic);
  return ts::TensorType::get(
      a.getContext(),
      known ? std::optional<ArrayRef<int64_t>>(sizes) : std::nullopt, dtype);
}

/// Refines the tensor results of `op` to what both branches yield.
void refineIfResults(TypeLog &log, ts::IfOp op) {
  auto thenYield =
      cast<ts::YieldOp>(op.getThenRegion().front().getTerminator());
  auto elseYield =
      cast<ts::YieldOp>(op.getElseRegion().front().getTerminator());
  for (auto [r, t, e] : llvm::zip(op.getResults(), thenYield.getValues(),
                                  elseYield.getValues())) {
    auto current = dyn_cast<ts::TensorType>(r.getType());
    auto thenType = dyn_cast<ts::TensorType>(t.getType());
    auto elseType = dyn_cast<ts::TensorType>(e.getType());
    if (!current || !thenType || !elseType)
      continue;
    ts::TensorType refined = join(thenType, elseType);
    if (refines(current, refined))
      setRefinedType(log, r, current, refined);
  }
}

/// What a value of type `a` or `b`, both subtypes of `declared`, is known
/// to be: their common tensor type, or `declared` when they differ
/// otherwise.
Type joinWithin(Type a, Type b, Type declared) {
  if (a == b)
    return a;
  auto ta = dyn_cast<ts::TensorType>(a), tb = dyn_cast<ts::TensorType>(b);
  if (ta && tb) {
    Type joined = join(ta, tb);
    if (ts::isSubtypeOf(joined, declared))
      return joined;
  }
  return declared;
}

class Refiner {
public:
  /// `maxLoopRounds`: how often a loop's body is refined under wider and
  /// wider assumptions before its carried values keep their declared
  /// types. Each round widens a tensor type by at least a size or the
  /// dtype, so a few rounds suffice.
  explicit Refiner(int64_t maxLoopRounds) : maxLoopRounds(maxLoopRounds) {}

  void refineBlock(Block &block) {
    for (Operation &op : block)
      refineOp(&op);
  }

private:
  void refineOp(Operation *op) {
    if (auto loop = dyn_cast<ts::LoopOp>(op)) {
      refineLoop(loop);
      return;
    }
    for (Region &region : op->getRegions())
      for (Block &block : region)
        refineBlock(block);
    if (op->getNumResults() == 1) {
      auto current = dyn_cast<ts::TensorType>(op->getResult(0).getType());
      if (current && !isa<ts::FusionGroupOp>(op)) {
        Known k = infer(op);
        auto refined = ts::TensorType::get(
            op->getContext(),
            k.sizes ? std::optional<ArrayRef<int64_t>>(*k.sizes) : std::nullopt,
            k.dtype);
        if (refines(current, refined))
          setRefinedType(log, op->getResult(0), current, refined);
      }
    }
    if (auto ifOp = dyn_cast<ts::IfOp>(op))
      refineIfResults(log, ifOp);
  }

  /// A carried value's type is what holds on entry and after every
  /// iteration: the body is refined assuming the initial values' types,
  /// and while an iteration yields something those do not describe, the
  /// assumption widens to cover it, the body's types are taken back and it
  /// is refined again. Types only widen between rounds, so this ends; past
  /// maxLoopRounds the body is refined with the declared types.
  void refineLoop(ts::LoopOp loop) {
    Block &body = loop.getBody().front();
    auto yield = cast<ts::YieldOp>(body.getTerminator());
    SmallVector<Type> declared(loop.getResultTypes());
    SmallVector<Type> assumed;
    for (Value init : loop.getIterArgs())
      assumed.push_back(init.getType());
    size_t mark = log.mark();
    bool settled = false;
    for (int64_t round = 0; round < maxLoopRounds && !settled; ++round) {
      for (auto [arg, t] : llvm::zip(body.getArguments().drop_front(), assumed))
        if (arg.getType() != t)
          log.set(arg, t);
      refineBlock(body);
      settled = true;
      for (auto [t, y, d] :
           llvm::zip(assumed, yield.getValues().drop_front(), declared)) {
        Type wider = joinWithin(t, y.getType(), d);
        if (wider != t) {
          t = wider;
          settled = false;
        }
      }
      if (!settled)
        log.rollBack(mark);
    }
    if (!settled) {
      assumed = declared;
      refineBlock(body);
    }
    for (auto [r, t] : llvm::zip(loop.getResults(), assumed))
      if (r.getType() != t)
        setRefinedType(log, r, r.getType(), t);
  }

  int64_t maxLoopRounds;
  TypeLog log;
};

/// Replaces size(x, d), dim(x), numel(x) and size(x) on tensors whose
/// sizes are known.
void foldSizeQueries(Operation *op) {
  StringRef name = op->getName().getStringRef();
  if (op->getNumOperands() == 0)
    return;
  Known in = known(op->getOperand(0));
  if (!in.sizes)
    return;
  const Sizes &s = *in.sizes;
  OpBuilder b(op);
  Location loc = op->getLoc();
  auto constant = [&](int64_t v) -> Value {
    return ts::ConstantOp::create(b, loc, b.getI64Type(),
                                  b.getI64IntegerAttr(v));
  };
  Value replacement;
  if (name == "ts.aten.dim") {
    replacement = constant(s.size());
  } else if (name == "ts.aten.size.int") {
    std::optional<size_t> d =
        normalizeDim(ts::getConstantInt(op->getOperand(1)), s.size());
    if (d && s[*d] != kDynamic)
      replacement = constant(s[*d]);
  } else if (name == "ts.aten.numel" && !llvm::is_contained(s, kDynamic)) {
    int64_t n = 1;
    for (int64_t d : s)
      n *= d;
    replacement = constant(n);
  } else if (name == "ts.aten.size" && !llvm::is_contained(s, kDynamic)) {
    // A new list each time, as size() returns.
    SmallVector<Value> elements;
    for (int64_t d : s)
      elements.push_back(constant(d));
    replacement = ts::ListConstructOp::create(
        b, loc, op->getResult(0).getType(), elements);
  }
  if (!replacement)
    return;
  op->getResult(0).replaceAllUsesWith(replacement);
  op->erase();
}

struct RefineTypesPass : public tsc::impl::RefineTypesBase<RefineTypesPass> {
  using Base::Base;

  void runOnOperation() override {
    Refiner refiner(maxLoopRounds);
    for (Region &region : getOperation()->getRegions())
      for (Block &block : region)
        refiner.refineBlock(block);
    SmallVector<Operation *> queries;
    getOperation()->walk([&](Operation *op) {
      StringRef name = op->getName().getStringRef();
      if (llvm::is_contained({"ts.aten.dim", "ts.aten.size.int",
                              "ts.aten.numel", "ts.aten.size"},
                             name))
        queries.push_back(op);
    });
    for (Operation *op : queries)
      foldSizeQueries(op);
  }
};

} // namespace
