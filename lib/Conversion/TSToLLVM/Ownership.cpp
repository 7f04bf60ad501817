//===- Ownership.cpp - when each runtime handle is released ---------------===//

#include "Ownership.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

using namespace mlir;

namespace tsc {

bool isHandleType(Type type) { return !ts::isScalarType(type); }

bool isHandOver(OpOperand &operand) {
  Operation *owner = operand.getOwner();
  if (!isHandleType(operand.get().getType()))
    return false;
  if (isa<ts::YieldOp, func::ReturnOp>(owner))
    return true;
  if (auto loop = dyn_cast<ts::LoopOp>(owner))
    return operand.getOperandNumber() >= 2; // the initial carried values
  return false;
}

/// Plans the owned value `v`, defined in `block`.
static void planValue(Value v, Block *block, OwnershipPlan &plan) {
  Operation *last = nullptr;
  for (OpOperand &use : v.getUses()) {
    Operation *anc = block->findAncestorOpInBlock(*use.getOwner());
    if (!last || last->isBeforeInBlock(anc))
      last = anc;
  }
  if (!last) {
    if (Operation *def = v.getDefiningOp())
      plan.releaseAfter[def].push_back(v);
    else
      plan.releaseOnEntry[block].push_back(v);
    return;
  }
  // The last use may take over the reference if it hands the value on and
  // does not also use it inside its regions (a loop body reading a value it
  // was also given as initial carried value needs it for every iteration).
  OpOperand *handOver = nullptr;
  bool nestedUse = false;
  for (OpOperand &use : v.getUses()) {
    if (use.getOwner() != last) {
      if (last->isAncestor(use.getOwner()))
        nestedUse = true;
      continue;
    }
    if (isHandOver(use) &&
        (!handOver || use.getOperandNumber() < handOver->getOperandNumber()))
      handOver = &use;
  }
  if (handOver && !nestedUse) {
    plan.transfers.insert(handOver);
    return;
  }
  plan.releaseAfter[last].push_back(v);
}

OwnershipPlan planOwnership(func::FuncOp func) {
  OwnershipPlan plan;
  func.walk([&](Block *block) {
    // Function arguments are borrowed from the caller.
    if (block->getParentOp() != func.getOperation())
      for (BlockArgument arg : block->getArguments())
        if (isHandleType(arg.getType()))
          planValue(arg, block, plan);
    for (Operation &op : *block)
      for (Value result : op.getResults())
        if (isHandleType(result.getType()))
          planValue(result, block, plan);
  });
  return plan;
}

} // namespace tsc
