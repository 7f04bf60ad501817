//===- UnrollLoops.cpp - the -tsc-unroll-loops pass -----------------------===//
//
// Replaces a counted prim::Loop with a small constant trip count by copies
// of its body, one per iteration, each with its iteration number as a
// constant: the loop's per-iteration branches go, and what the copies
// compute from the constant (indices, selects, list lookups) folds.
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"

namespace tsc {
#define GEN_PASS_DEF_UNROLLLOOPS
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

bool isConstantTrue(Value v) {
  APInt c;
  return matchPattern(v, m_ConstantInt(&c)) && c.isOne();
}

/// The trip count of a loop that runs exactly that often: a `for` over
/// range(n), n constant (its condition is true on entry and stays true).
std::optional<int64_t> getConstantTripCount(ts::LoopOp loop) {
  APInt n;
  if (!matchPattern(loop.getMaxTripCount(), m_ConstantInt(&n)) ||
      !isConstantTrue(loop.getInitialCondition()))
    return std::nullopt;
  auto yield = cast<ts::YieldOp>(loop.getBody().front().getTerminator());
  if (!isConstantTrue(yield.getValues().front()))
    return std::nullopt;
  return n.getSExtValue();
}

void unroll(ts::LoopOp loop, int64_t trips) {
  OpBuilder b(loop);
  SmallVector<Value> carried(loop.getIterArgs());
  for (int64_t i = 0; i < trips; ++i) {
    Value count = ts::ConstantOp::create(b, loop.getLoc(), b.getI64Type(),
                                         b.getI64IntegerAttr(i));
    // Drops the continue condition, constant true in a counted loop.
    carried = llvm::to_vector(
        ArrayRef(loop.cloneIteration(b, count, carried)).drop_front());
  }
  // The loop's results may be less refined than what the last copy yields.
  for (auto [result, v] : llvm::zip(loop.getResults(), carried)) {
    if (v.getType() != result.getType())
      v = ts::UncheckedCastOp::create(b, loop.getLoc(), result.getType(), v);
    result.replaceAllUsesWith(v);
  }
  loop.erase();
}

struct UnrollLoopsPass : public tsc::impl::UnrollLoopsBase<UnrollLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    // Innermost first, so that an unrolled inner loop's copies are unrolled
    // with their outer loop's body.
    SmallVector<ts::LoopOp> loops;
    getOperation()->walk<WalkOrder::PostOrder>(
        [&](ts::LoopOp loop) { loops.push_back(loop); });
    for (ts::LoopOp loop : loops) {
      std::optional<int64_t> trips = getConstantTripCount(loop);
      if (trips && *trips >= 1 && *trips <= maxTripCount)
        unroll(loop, *trips);
    }
  }
};

} // namespace
