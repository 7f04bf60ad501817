//===- MkldnnLayout.cpp - the -tsc-mkldnn-layout pass ---------------------===//
//
// Keeps the activations between oneDNN convolutions in oneDNN's blocked
// layout: the ops that run on blocked tensors ("layout ops") take and give
// them; conversions sit only where a value enters from or leaves to other
// ops. Which ops are layout ops is decided to a fixpoint: an op stays one
// only if its blocked operands come from layout ops and every user of its
// result is a layout op or a safe reader (see below); otherwise it runs on
// plain tensors, as before.
//
//===----------------------------------------------------------------------===//

#include "OneDNNOperators.h"

#include "tsc/Dialect/TS/IR/TSConstants.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"

namespace tsc {
#define GEN_PASS_DEF_MKLDNNLAYOUT
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

using onednn::isPrepackedConv;
using onednn::kFusedConvOther;

bool hasConstantInts(Value v, ArrayRef<int64_t> expected) {
  std::optional<SmallVector<int64_t>> ints = ts::getConstantInts(v);
  return ints && llvm::equal(*ints, expected);
}

/// The operands of `op` that it may take in the blocked layout, if `op`
/// can run on blocked tensors (ATen's oneDNN kernels, or the runtime's
/// tsc:: operators); none otherwise. In-place ops qualify only when
/// nothing else reads the tensor they change.
SmallVector<unsigned> layoutOperands(Operation *op) {
  if (isPrepackedConv(op)) {
    // The tensor a fused convolution adds is read in the result's layout.
    if (op->getNumOperands() > kFusedConvOther &&
        isa<ts::TensorType>(op->getOperand(kFusedConvOther).getType()))
      return {0, kFusedConvOther};
    return {0};
  }
  if (isa<ts::AtenReluOp>(op))
    return {0};
  if (isa<ts::AtenRelu_Op>(op) && op->getOperand(0).hasOneUse())
    return {0};
  if (isa<ts::AtenAddTensorOp>(op))
    return {0, 1};
  if (isa<ts::AtenAdd_TensorOp>(op) && op->getOperand(0).hasOneUse())
    return {0, 1};
  // oneDNN's pooling has no dilation; its adaptive pooling needs sizes
  // that divide, which a 1x1 output always has.
  if (auto pool = dyn_cast<ts::AtenMaxPool2dOp>(op);
      pool && hasConstantInts(op->getOperand(4), {1, 1}))
    return {0};
  if (isa<ts::AtenAdaptiveAvgPool2dOp>(op) &&
      hasConstantInts(op->getOperand(1), {1, 1}))
    return {0};
  return {};
}

/// An op that reads a blocked value's current contents and keeps no
/// alias of it: it may be given a plain copy made just before it.
bool isSafeReader(Operation *op) {
  if (isa<func::ReturnOp, ts::FusionGroupOp>(op))
    return true;
  if (op->getNumRegions() || op->hasTrait<OpTrait::IsTerminator>() ||
      op->hasTrait<ts::OpTrait::InPlace>() ||
      op->hasTrait<ts::OpTrait::ReturnsAlias>() || isa<ts::OperatorOp>(op))
    return false;
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  return ts::getOperatorKey(op) && effects &&
         effects.onlyHasEffect<MemoryEffects::Read>();
}

/// A ts.operator calling the runtime operator `name` (OneDNNOps.cpp).
Value callRuntime(OpBuilder &b, Location loc, StringRef name, StringRef schema,
                  ValueRange operands, Type result) {
  return ts::OperatorOp::create(b, loc, TypeRange{result},
                                b.getStringAttr(name), b.getStringAttr(""),
                                b.getStringAttr(schema), operands)
      ->getResult(0);
}

struct MkldnnLayoutPass : public tsc::impl::MkldnnLayoutBase<MkldnnLayoutPass> {
  void runOnOperation() override {
    llvm::SetVector<Operation *> layoutOps;
    getOperation()->walk([&](Operation *op) {
      if (!layoutOperands(op).empty())
        layoutOps.insert(op);
    });
    auto blocked = [&](Value v) {
      Operation *def = v.getDefiningOp();
      return def && layoutOps.contains(def);
    };
    auto takesBlocked = [&](OpOperand &use) {
      Operation *user = use.getOwner();
      if (ts::readsOnlySizes(user))
        return true;
      return layoutOps.contains(user) &&
             llvm::is_contained(layoutOperands(user), use.getOperandNumber());
    };
    // Shrink to a fixpoint: a layout op other than a convolution needs its
    // layout operands blocked; a convolution converts its inputs if needed,
    // unless nothing takes its result blocked (then it stays plain).
    auto feedsLayoutOp = [&](Operation *op) {
      return llvm::any_of(op->getResult(0).getUses(), [&](OpOperand &use) {
        return takesBlocked(use) && !ts::readsOnlySizes(use.getOwner());
      });
    };
    for (bool changed = true; changed;) {
      SmallVector<Operation *> dropped;
      for (Operation *op : layoutOps) {
        bool operandsBlocked =
            llvm::all_of(layoutOperands(op), [&](unsigned i) {
              return blocked(op->getOperand(i));
            });
        if (isPrepackedConv(op) ? !operandsBlocked && !feedsLayoutOp(op)
                                : !operandsBlocked)
          dropped.push_back(op);
      }
      for (Operation *op : dropped)
        layoutOps.remove(op);
      changed = !dropped.empty();
    }

    for (Operation *op : layoutOps) {
      Location loc = op->getLoc();
      // A convolution's plain inputs are converted.
      for (unsigned i : layoutOperands(op)) {
        Value v = op->getOperand(i);
        if (blocked(v))
          continue;
        OpBuilder b(op);
        op->setOperand(i, callRuntime(b, loc, "tsc::to_mkldnn",
                                      "tsc::to_mkldnn(Tensor self) -> Tensor",
                                      v, v.getType()));
      }
      // The users that do not take the result blocked share one plain copy,
      // made right after it: nothing changes the blocked tensor in place
      // while it has other readers (in-place layout ops need a sole
      // reader). If one of them may change or alias that copy while layout
      // ops read the blocked tensor, every user takes the copy instead.
      Value result = op->getResult(0);
      SmallVector<OpOperand *> plainUses;
      bool layoutUses = false, unsafeUses = false;
      for (OpOperand &use : result.getUses()) {
        if (takesBlocked(use)) {
          layoutUses |= !ts::readsOnlySizes(use.getOwner());
          continue;
        }
        plainUses.push_back(&use);
        unsafeUses |= !isSafeReader(use.getOwner());
      }
      if (plainUses.empty())
        continue;
      OpBuilder b(op->getContext());
      b.setInsertionPointAfter(op);
      Value plain = callRuntime(b, loc, "tsc::to_dense",
                                "tsc::to_dense(Tensor self) -> Tensor", result,
                                result.getType());
      if (unsafeUses && layoutUses)
        result.replaceAllUsesExcept(plain, plain.getDefiningOp());
      else
        for (OpOperand *use : plainUses)
          use->set(plain);
    }
    // oneDNN's sum does not broadcast: adds go through the runtime's.
    for (Operation *op : layoutOps) {
      bool inPlace = isa<ts::AtenAdd_TensorOp>(op);
      if (!inPlace && !isa<ts::AtenAddTensorOp>(op))
        continue;
      OpBuilder b(op);
      Value sum = callRuntime(
          b, op->getLoc(), inPlace ? "tsc::mkldnn_add_" : "tsc::mkldnn_add",
          inPlace ? "tsc::mkldnn_add_(Tensor(a!) self, Tensor other, Scalar "
                    "alpha) -> Tensor(a!)"
                  : "tsc::mkldnn_add(Tensor self, Tensor other, Scalar "
                    "alpha) -> Tensor",
          op->getOperands(), op->getResult(0).getType());
      op->getResult(0).replaceAllUsesWith(sum);
      op->erase();
    }
  }
};

} // namespace
