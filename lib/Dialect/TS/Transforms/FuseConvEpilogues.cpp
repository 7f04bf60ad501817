//===- FuseConvEpilogues.cpp - the -tsc-fuse-conv-epilogues pass ----------===//
//
// Folds what a prepacked convolution's result goes through next into the
// convolution, where nothing else reads the intermediate results: an add
// of another tensor (alpha 1), then a clamp (relu, hardtanh, clamp). The
// fused operator, tsc::conv2d_prepacked_fused, has oneDNN apply them while
// it writes the result (post-ops), instead of two more passes over it.
//
//===----------------------------------------------------------------------===//

#include "OneDNNOperators.h"

#include "tsc/Dialect/TS/IR/TSConstants.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/Dominance.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace tsc {
#define GEN_PASS_DEF_FUSECONVEPILOGUES
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

/// The only op reading `v` (besides, with `allowSizeReaders`, ops reading
/// only its sizes), in `v`'s block; null if there is none or more.
Operation *soleUserInBlock(Value v, bool allowSizeReaders) {
  Operation *sole = nullptr;
  for (Operation *user : v.getUsers()) {
    if (allowSizeReaders && ts::readsOnlySizes(user))
      continue;
    if (sole)
      return nullptr;
    sole = user;
  }
  return sole && sole->getBlock() == v.getParentBlock() ? sole : nullptr;
}

/// What follows a convolution and folds into it.
struct Epilogue {
  Value other;            // the tensor added, or null
  bool keepSizes = false; // the add was in place on the convolution's result
  Value min, max;         // a clamp's bounds (None values for none)
  bool relu = false;      // a relu: bounds 0 and none, made when fused
  SmallVector<Operation *> folded;
};

/// An add of `v` and another tensor, alpha 1: `v + other`, `other + v`, or
/// `v += other` (never `other += v`, which keeps `other`'s storage).
bool matchAdd(Operation *op, Value v, Epilogue &e) {
  bool inPlace = isa<ts::AtenAdd_TensorOp>(op);
  if (!inPlace && !isa<ts::AtenAddTensorOp>(op))
    return false;
  std::optional<double> alpha = ts::getConstantNumber(op->getOperand(2));
  if (!alpha || *alpha != 1.0)
    return false;
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  if (lhs == rhs)
    return false;
  if (lhs == v)
    e.other = rhs;
  else if (!inPlace)
    e.other = lhs;
  else
    return false;
  e.keepSizes = inPlace;
  return true;
}

/// relu, hardtanh or clamp of `v`, in place or not.
bool matchClamp(Operation *op, Value v, Epilogue &e) {
  if (op->getNumOperands() == 0 || op->getOperand(0) != v)
    return false;
  if (isa<ts::AtenReluOp, ts::AtenRelu_Op>(op)) {
    e.relu = true;
    return true;
  }
  if (!isa<ts::AtenHardtanhOp, ts::AtenHardtanh_Op, ts::AtenClampOp>(op))
    return false;
  e.min = op->getOperand(1);
  e.max = op->getOperand(2);
  return true;
}

/// Whether `op` may change memory that the convolution reads (its input,
/// weight or bias): moving the convolution past it would then read other
/// values. Only ops known to read at most are passed.
bool mayWrite(Operation *op) {
  if (onednn::isPrepackedConv(op))
    return false; // reads its operands, returns a new tensor
  if (isa<ts::ListConstructOp, ts::TupleConstructOp>(op))
    return false; // builds an aggregate of its operands
  if (op->getNumRegions())
    return true;
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  return !effects || effects.hasEffect<MemoryEffects::Write>() ||
         effects.hasEffect<MemoryEffects::Free>();
}

/// Whether the ops strictly between `first` and `last` (same block) leave
/// the convolution's operands as they are, so that it can run at `last`.
bool nothingWritesBetween(Operation *first, Operation *last,
                          ArrayRef<Operation *> folded) {
  for (Operation *op = first->getNextNode(); op && op != last;
       op = op->getNextNode())
    if (!llvm::is_contained(folded, op) && mayWrite(op))
      return false;
  return true;
}

struct FuseConvEpiloguesPass
    : public tsc::impl::FuseConvEpiloguesBase<FuseConvEpiloguesPass> {
  void runOnOperation() override {
    SmallVector<ts::OperatorOp> convs;
    getOperation()->walk([&](ts::OperatorOp op) {
      if (op.getName() == onednn::kPrepackedConv &&
          op->getNumOperands() == onednn::kPrepackedConvOperands)
        convs.push_back(op);
    });
    auto &dominance = getAnalysis<DominanceInfo>();
    for (ts::OperatorOp conv : convs)
      fuse(conv, dominance);
  }

  void fuse(ts::OperatorOp conv, DominanceInfo &dominance) {
    OpBuilder b(conv->getContext());
    Epilogue e;
    Value v = conv->getResult(0);
    if (Operation *user = soleUserInBlock(v, /*allowSizeReaders=*/false);
        user && matchAdd(user, v, e)) {
      e.folded.push_back(user);
      v = user->getResult(0);
    }
    // A clamp alone may leave readers of the convolution's sizes: the fused
    // op then runs where the convolution did, if the bounds are known there
    // (a clamp's result has its input's sizes; moving it earlier is safe,
    // since nothing else reads or writes the convolution's result).
    bool clampOnly = e.folded.empty();
    if (Operation *user = soleUserInBlock(v, clampOnly);
        user && matchClamp(user, v, e)) {
      e.folded.push_back(user);
      v = user->getResult(0);
    }
    if (e.folded.empty())
      return;
    Operation *last = e.folded.back();
    auto knownAtConv = [&](Value bound) {
      return !bound || dominance.properlyDominates(bound, conv);
    };
    bool atConv = clampOnly && knownAtConv(e.min) && knownAtConv(e.max);
    if (atConv) {
      b.setInsertionPoint(conv);
    } else {
      if (!conv->getResult(0).hasOneUse() ||
          !nothingWritesBetween(conv, last, e.folded))
        return;
      b.setInsertionPoint(last);
    }
    Location loc = b.getFusedLoc({conv->getLoc(), last->getLoc()});
    Value none = ts::ConstantOp::create(
        b, loc, ts::NoneType::get(b.getContext()), b.getUnitAttr());
    if (e.relu) {
      e.min = ts::ConstantOp::create(b, loc, b.getF64Type(),
                                     b.getF64FloatAttr(0.0));
      e.max = none;
    }
    Value keepSizes = ts::ConstantOp::create(
        b, loc, b.getI1Type(), b.getIntegerAttr(b.getI1Type(), e.keepSizes));
    SmallVector<Value> operands(conv->getOperands());
    operands.push_back(e.other ? e.other : none);
    operands.push_back(keepSizes);
    operands.push_back(e.min ? e.min : none);
    operands.push_back(e.max ? e.max : none);
    auto fused = ts::OperatorOp::create(
        b, loc, TypeRange{v.getType()}, b.getStringAttr(onednn::kFusedConv),
        b.getStringAttr(""), b.getStringAttr(onednn::kFusedConvSchema),
        operands);
    v.replaceAllUsesWith(fused->getResult(0));
    for (Operation *op : llvm::reverse(e.folded))
      op->erase();
    conv->replaceAllUsesWith(fused); // the readers of its sizes
    conv->erase();
  }
};

} // namespace
