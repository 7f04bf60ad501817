//===- FuseElementwise.cpp - the -tsc-fuse-elementwise pass ---------------===//
//
// Grows groups of elementwise operators through the block in order: an op
// joins the groups of the producers it reads, when that is legal (see the
// pass description), and groups of two or more ops, or with a linear layer,
// become ts.fusion_group at the position of their last op.
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSElementwise.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"

namespace tsc {
#define GEN_PASS_DEF_FUSEELEMENTWISE
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

struct Group {
  SmallVector<Operation *> ops; // in block order
  Operation *anchor = nullptr;  // its row reduction, if any
  int64_t linearN = 0;          // the output width of its linear layers
  bool merged = false;          // absorbed into a later group
};

/// Whether `g` is one transcendental elementwise op.
bool isLoneTranscendental(const Group &g) {
  if (g.ops.size() != 1)
    return false;
  std::optional<ts::ElementwiseKind> kind = ts::getElementwiseKind(g.ops[0]);
  return kind && ts::isTranscendental(*kind);
}

bool isFusible(Operation *op, bool fuseLinear) {
  return ts::isFusibleElementwise(op) || ts::getFusibleRowReduction(op) ||
         (fuseLinear && ts::getFusibleLinear(op));
}

/// Whether every tensor that linear layers of `ops` read as input is read
/// with one row length: the runtime checks each input against one.
bool linearInputsAgree(ArrayRef<Operation *> ops) {
  llvm::DenseMap<Value, int64_t> k;
  for (Operation *op : ops)
    if (std::optional<ts::FusibleLinear> l = ts::getFusibleLinear(op))
      if (k.try_emplace(op->getOperand(0), l->k).first->second != l->k)
        return false;
  return true;
}

/// Whether moving a read of tensors across `op` could change what it reads.
bool mayWriteTensors(Operation *op) {
  // New containers (not Pure: two constructions are two objects).
  if (isa<ts::ListConstructOp, ts::DictConstructOp>(op))
    return false;
  // An in-place operator writes its first argument; a list or dict that
  // changes (append, _set_item, ...) changes no tensor's elements.
  if (op->hasTrait<ts::OpTrait::InPlace>() && op->getNumOperands() > 0 &&
      isa<ts::ListType, ts::DictType>(op->getOperand(0).getType()))
    return false;
  std::optional<SmallVector<MemoryEffects::EffectInstance>> effects =
      getEffectsRecursively(op);
  if (!effects)
    return true;
  return llvm::any_of(*effects, [](const MemoryEffects::EffectInstance &e) {
    return isa<MemoryEffects::Write, MemoryEffects::Free>(e.getEffect());
  });
}

class BlockFuser {
public:
  BlockFuser(Block &block, unsigned maxInputs, bool fuseLinear,
             bool singleTranscendental)
      : block(block), maxInputs(maxInputs), fuseLinear(fuseLinear),
        singleTranscendental(singleTranscendental) {}

  void run();

private:
  bool usesOutside(Group *g, Operation *op,
                   const llvm::SmallPtrSetImpl<Group *> &joining);
  llvm::SetVector<Value> inputsOf(ArrayRef<Operation *> ops);
  void materialize(Group &g);

  Block &block;
  unsigned maxInputs;
  bool fuseLinear;
  bool singleTranscendental;
  std::vector<std::unique_ptr<Group>> groups;
  llvm::DenseMap<Operation *, Group *> groupOf;
};

/// Whether a value of `g` is used, outside `g`, the groups joining it and
/// `op`, before `op`: the group, placed at `op`, would not dominate it.
bool BlockFuser::usesOutside(Group *g, Operation *op,
                             const llvm::SmallPtrSetImpl<Group *> &joining) {
  for (Operation *member : g->ops)
    for (Operation *user : member->getUsers()) {
      if (user == op)
        continue;
      Group *ug = groupOf.lookup(user);
      if (ug && joining.contains(ug))
        continue;
      Operation *anc = block.findAncestorOpInBlock(*user);
      if (anc && anc->isBeforeInBlock(op))
        return true;
    }
  return false;
}

llvm::SetVector<Value> BlockFuser::inputsOf(ArrayRef<Operation *> ops) {
  llvm::SmallPtrSet<Operation *, 16> inGroup(ops.begin(), ops.end());
  llvm::SetVector<Value> inputs;
  for (Operation *op : ops) {
    // A linear layer's weight and bias are constants the body holds.
    unsigned tensorOperands =
        ts::getFusibleLinear(op) ? 1 : op->getNumOperands();
    for (Value v : op->getOperands().take_front(tensorOperands))
      if (isa<ts::TensorType>(v.getType()) &&
          !inGroup.contains(v.getDefiningOp()))
        inputs.insert(v);
  }
  return inputs;
}

void BlockFuser::run() {
  Operation *lastWrite = nullptr;
  for (Operation &op : block) {
    if (!isFusible(&op, fuseLinear)) {
      if (mayWriteTensors(&op))
        lastWrite = &op;
      continue;
    }
    std::optional<ts::FusibleLinear> linear = ts::getFusibleLinear(&op);
    // The groups of the producers this op reads (a linear layer reads its
    // input whole rows at a time: that comes from outside its group)...
    llvm::SmallPtrSet<Group *, 4> joining;
    if (!linear)
      for (Value v : op.getOperands())
        if (Group *g = groupOf.lookup(v.getDefiningOp()))
          if (!lastWrite || lastWrite->isBeforeInBlock(g->ops.front()))
            joining.insert(g);
    // ...with one row reduction at most in all, or linear layers of one
    // output width (a kernel goes over rows of one length)...
    Operation *anchor = ts::getFusibleRowReduction(&op) ? &op : nullptr;
    int64_t linearN = linear ? linear->n : 0;
    SmallVector<Group *> candidates(joining.begin(), joining.end());
    llvm::sort(candidates, [](Group *a, Group *b) {
      return a->ops.front()->isBeforeInBlock(b->ops.front());
    });
    for (Group *g : candidates) {
      bool clash =
          (g->anchor && (anchor || linearN)) ||
          (g->linearN && (anchor || (linearN && linearN != g->linearN)));
      if (clash) {
        joining.erase(g);
        continue;
      }
      if (g->anchor)
        anchor = g->anchor;
      if (g->linearN)
        linearN = g->linearN;
    }
    // ...less those whose values something before this op uses (dropping
    // one makes its ops outside users of the others, so repeat), and
    // those that compute a linear layer's input in another.
    bool changed = true;
    while (changed) {
      changed = false;
      for (Group *g : llvm::make_early_inc_range(joining))
        if (usesOutside(g, &op, joining)) {
          joining.erase(g);
          changed = true;
        }
      SmallVector<Group *> producers;
      for (Group *g : joining)
        for (Operation *member : g->ops)
          if (ts::getFusibleLinear(member))
            if (Group *xg =
                    groupOf.lookup(member->getOperand(0).getDefiningOp()))
              if (xg != g && joining.contains(xg))
                producers.push_back(xg);
      for (Group *g : producers)
        changed |= joining.erase(g);
    }
    SmallVector<Operation *> ops;
    for (Group *g : joining)
      llvm::append_range(ops, g->ops);
    ops.push_back(&op);
    llvm::sort(
        ops, [](Operation *a, Operation *b) { return a->isBeforeInBlock(b); });
    if (inputsOf(ops).size() > maxInputs || !linearInputsAgree(ops)) {
      ops.assign({&op});
      joining.clear();
    }
    groups.push_back(std::make_unique<Group>());
    Group *merged = groups.back().get();
    merged->ops = std::move(ops);
    for (Operation *member : merged->ops) {
      if (ts::getFusibleRowReduction(member))
        merged->anchor = member;
      if (std::optional<ts::FusibleLinear> l = ts::getFusibleLinear(member))
        merged->linearN = l->n;
    }
    for (Group *g : joining)
      g->merged = true;
    for (Operation *member : merged->ops)
      groupOf[member] = merged;
  }
  for (auto &g : groups)
    if (!g->merged && (g->ops.size() >= 2 || g->linearN ||
                       (singleTranscendental && isLoneTranscendental(*g))))
      materialize(*g);
}

void BlockFuser::materialize(Group &g) {
  llvm::SmallPtrSet<Operation *, 16> inGroup(g.ops.begin(), g.ops.end());
  llvm::SetVector<Value> inputs = inputsOf(g.ops);
  SmallVector<Value> results;
  SmallVector<Location> locs;
  for (Operation *op : g.ops) {
    locs.push_back(op->getLoc());
    for (Value r : op->getResults())
      if (llvm::any_of(r.getUsers(),
                       [&](Operation *u) { return !inGroup.contains(u); }))
        results.push_back(r);
  }
  Operation *last = g.ops.back();
  OpBuilder b(last);
  Location loc = b.getFusedLoc(locs);
  auto fusion = ts::FusionGroupOp::create(
      b, loc, ValueRange(results).getTypes(), inputs.getArrayRef(),
      /*kernel=*/nullptr, /*arena_offsets=*/nullptr);
  Block *body = new Block();
  fusion.getBody().push_back(body);
  IRMapping map;
  for (Value in : inputs)
    map.map(in, body->addArgument(in.getType(), in.getLoc()));
  b.setInsertionPointToStart(body);
  // Scalar parameters are constants, or lists of constants (see
  // TSElementwise.h): copy them in.
  std::function<void(Value)> copyParameter = [&](Value v) {
    if (map.contains(v) || inGroup.contains(v.getDefiningOp()))
      return;
    Operation *def = v.getDefiningOp();
    for (Value operand : def->getOperands())
      copyParameter(operand);
    b.clone(*def, map);
  };
  for (Operation *op : g.ops) {
    for (Value v : op->getOperands())
      copyParameter(v);
    b.clone(*op, map);
  }
  SmallVector<Value> yielded;
  for (Value r : results)
    yielded.push_back(map.lookup(r));
  ts::YieldOp::create(b, loc, yielded);
  for (auto [r, fused] : llvm::zip(results, fusion.getResults()))
    r.replaceUsesWithIf(fused, [&](OpOperand &use) {
      return !inGroup.contains(use.getOwner());
    });
  // Constants the body now holds its own copies of (linear layers'
  // weights) go when nothing else reads them.
  llvm::SetVector<Operation *> copied;
  for (Operation *op : g.ops)
    for (Value v : op->getOperands())
      if (Operation *def = v.getDefiningOp())
        if (isa<ts::ConstantOp>(def) && isa<ts::TensorType>(v.getType()))
          copied.insert(def);
  for (Operation *op : llvm::reverse(g.ops))
    op->erase();
  for (Operation *def : copied)
    if (def->use_empty())
      def->erase();
}

struct FuseElementwisePass
    : public tsc::impl::FuseElementwiseBase<FuseElementwisePass> {
  using Base::Base;

  void runOnOperation() override {
    // The runtime tells which inputs each result depends on by a 64-bit
    // mask.
    if (maxInputs < 1 || maxInputs > 64) {
      getOperation()->emitError("max-inputs must be between 1 and 64");
      return signalPassFailure();
    }
    SmallVector<Block *> blocks;
    getOperation()->walk([&](Block *block) {
      if (!isa<ts::FusionGroupOp>(block->getParentOp()))
        blocks.push_back(block);
    });
    for (Block *block : blocks)
      BlockFuser(*block, maxInputs, fuseLinear, singleTranscendental).run();
  }
};

} // namespace
