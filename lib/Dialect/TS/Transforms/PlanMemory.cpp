//===- PlanMemory.cpp - the -tsc-plan-memory pass -------------------------===//
//
// Liveness-based placement of fusion group results in one arena per
// function (Passes.td has the rules). Ops are numbered in program order
// (pre-order, so a region's ops come between its op and the next); a
// result's lifetime is an interval of those numbers, and two results may
// share bytes when their intervals are disjoint. Values of different
// branches of an `if` get disjoint numbers, so they may share bytes too:
// only one branch runs. A loop body runs its numbers again on every
// iteration, which is sound because nothing planned is carried from one
// iteration to the next (yields are not planned uses).
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include "llvm/ADT/STLExtras.h"

namespace tsc {
#define GEN_PASS_DEF_PLANMEMORY
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

/// A result to place: its group, result number, bytes and lifetime
/// [begin, end] in op numbers.
struct Buffer {
  ts::FusionGroupOp group;
  unsigned result;
  int64_t bytes, begin, end;
  int64_t offset = -1;
};

/// Whether a use by `op` reads its tensor operands and keeps no reference
/// to them beyond what its results alias.
bool isReadingUse(Operation *op) {
  if (isa<ts::FusionGroupOp>(op))
    return true;
  return op->hasTrait<ts::OpTrait::HasOperatorKey>() &&
         !op->hasTrait<ts::OpTrait::InPlace>();
}

/// Operators whose schema promises a new tensor but which return their
/// input as it is in some cases: type_as when the dtypes match, dropout
/// when not training (which -tsc-remove-dropout removes only when that is
/// a constant).
bool mayReturnInput(Operation *op) {
  std::optional<ts::OperatorKey> key = ts::getOperatorKey(op);
  return key && llvm::is_contained(
                    {"aten::type_as", "aten::dropout", "aten::feature_dropout",
                     "aten::alpha_dropout", "aten::feature_alpha_dropout"},
                    key->name);
}

/// The results of `op` that may alias its operand `use`.
SmallVector<Value> aliasesThrough(OpOperand &use) {
  Operation *op = use.getOwner();
  SmallVector<Value> aliases;
  if (auto group = dyn_cast<ts::FusionGroupOp>(op)) {
    // In the group's operators (when its kernel does not run), a result
    // that yields an input is that input.
    Value arg = group.getBody().getArgument(use.getOperandNumber());
    auto yield = cast<ts::YieldOp>(group.getBody().front().getTerminator());
    for (auto [v, r] : llvm::zip(yield.getValues(), group.getResults()))
      if (v == arg)
        aliases.push_back(r);
    return aliases;
  }
  if (op->hasTrait<ts::OpTrait::ReturnsAlias>() || mayReturnInput(op))
    llvm::append_range(aliases, op->getResults());
  return aliases;
}

class Planner {
public:
  explicit Planner(func::FuncOp func) {
    func.walk<WalkOrder::PreOrder>([&](Operation *op) { number[op] = next++; });
    // The last number inside each op (itself when it has no regions).
    func.walk<WalkOrder::PostOrder>([&](Operation *op) {
      int64_t end = number.lookup(op);
      for (Region &region : op->getRegions())
        for (Block &block : region)
          if (!block.empty())
            end = std::max(end, lastNumber.lookup(&block.back()));
      lastNumber[op] = end;
    });
  }

  /// The lifetime's end of `result`, or nullopt when it may escape or
  /// be used in a way the plan cannot follow.
  std::optional<int64_t> lifetimeEnd(Value result) {
    Block *home = result.getParentBlock();
    int64_t end = number.lookup(result.getDefiningOp());
    SmallVector<Value> worklist{result};
    llvm::SmallPtrSet<Value, 8> seen{result};
    while (!worklist.empty()) {
      Value v = worklist.pop_back_val();
      for (OpOperand &use : v.getUses()) {
        Operation *user = use.getOwner();
        if (!isReadingUse(user))
          return std::nullopt;
        Operation *anc = home->findAncestorOpInBlock(*user);
        if (!anc)
          return std::nullopt;
        end = std::max(end, lastNumber.lookup(anc));
        for (Value alias : aliasesThrough(use))
          if (seen.insert(alias).second)
            worklist.push_back(alias);
      }
    }
    return end;
  }

  int64_t numberOf(Operation *op) const { return number.lookup(op); }

private:
  llvm::DenseMap<Operation *, int64_t> number, lastNumber;
  int64_t next = 0;
};

/// First fit, largest first: each buffer at the lowest offset where it
/// overlaps no placed buffer whose lifetime overlaps its own. Returns the
/// arena's size.
int64_t place(MutableArrayRef<Buffer> buffers) {
  SmallVector<Buffer *> order;
  for (Buffer &b : buffers)
    order.push_back(&b);
  llvm::stable_sort(order, [](const Buffer *a, const Buffer *b) {
    return a->bytes > b->bytes;
  });
  SmallVector<Buffer *> placed;
  int64_t size = 0;
  for (Buffer *b : order) {
    SmallVector<std::pair<int64_t, int64_t>> taken;
    for (Buffer *p : placed)
      if (p->begin <= b->end && b->begin <= p->end)
        taken.push_back({p->offset, p->offset + p->bytes});
    llvm::sort(taken);
    int64_t offset = 0;
    for (auto [lo, hi] : taken) {
      if (offset + b->bytes <= lo)
        break;
      offset = std::max(offset, hi);
    }
    b->offset = offset;
    size = std::max(size, offset + b->bytes);
    placed.push_back(b);
  }
  return size;
}

struct PlanMemoryPass : public tsc::impl::PlanMemoryBase<PlanMemoryPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      plan(func);
  }

  void plan(func::FuncOp func) {
    Planner planner(func);
    SmallVector<Buffer> buffers;
    SmallVector<ts::FusionGroupOp> groups;
    func.walk([&](ts::FusionGroupOp group) {
      groups.push_back(group);
      // A fork's body may run on another thread, after the function's
      // own use of its arena.
      if (group->getParentOfType<ts::ForkOp>())
        return;
      auto yield = cast<ts::YieldOp>(group.getBody().front().getTerminator());
      for (auto [i, r] : llvm::enumerate(group.getResults())) {
        std::optional<int64_t> bytes = ts::getArenaBytes(r.getType());
        if (!bytes)
          continue;
        // A result that is an input, unchanged, is not a new tensor.
        std::optional<int64_t> end;
        if (!isa<BlockArgument>(yield.getValues()[i]))
          end = planner.lifetimeEnd(r);
        if (!end)
          continue;
        buffers.push_back({group, static_cast<unsigned>(i), *bytes,
                           planner.numberOf(group), *end});
      }
    });
    int64_t size = place(buffers);

    for (ts::FusionGroupOp group : groups)
      group.removeArenaOffsetsAttr();
    if (buffers.empty()) {
      func->removeAttr("ts.arena_size");
      return;
    }
    llvm::DenseMap<Operation *, SmallVector<int64_t>> offsets;
    for (Buffer &b : buffers) {
      SmallVector<int64_t> &o = offsets[b.group];
      o.resize(b.group.getNumResults(), -1);
      o[b.result] = b.offset;
    }
    for (auto &[op, o] : offsets)
      cast<ts::FusionGroupOp>(op).setArenaOffsets(o);
    func->setAttr(
        "ts.arena_size",
        IntegerAttr::get(IntegerType::get(func.getContext(), 64), size));
  }
};

} // namespace
