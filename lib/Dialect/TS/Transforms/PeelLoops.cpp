//===- PeelLoops.cpp - the -tsc-peel-loops pass ---------------------------===//
//
// Runs the first iteration of a prim::Loop on its own, before the loop,
// where the body treats that iteration specially: it compares the iteration
// count with a constant that only the first iteration passes (`if i == 0:`),
// or asks whether a carried value that starts as None is None (`acc:
// Optional[Tensor] = None` filled on the first pass). In the peeled copy
// those tests fold from the constant iteration count and the initial
// values; in the loop that is left they have one answer on every
// iteration, which the pass writes in, and the carried values enter with
// what the first iteration made of them (a tensor, no longer None), which
// -tsc-refine-types can then narrow.
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

namespace tsc {
#define GEN_PASS_DEF_PEELLOOPS
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

/// The value of `op`, if it is an integer comparison, on `lhs` and `rhs`.
std::optional<bool> compare(Operation *op, int64_t lhs, int64_t rhs) {
  return llvm::TypeSwitch<Operation *, std::optional<bool>>(op)
      .Case([&](ts::AtenEqIntOp) { return lhs == rhs; })
      .Case([&](ts::AtenNeIntOp) { return lhs != rhs; })
      .Case([&](ts::AtenLtIntOp) { return lhs < rhs; })
      .Case([&](ts::AtenLeIntOp) { return lhs <= rhs; })
      .Case([&](ts::AtenGtIntOp) { return lhs > rhs; })
      .Case([&](ts::AtenGeIntOp) { return lhs >= rhs; })
      .Default([](Operation *) { return std::nullopt; });
}

/// If `op` compares the iteration count `iv` with a constant (on either
/// side) and so tells iteration 0 from all later ones, its value on those.
std::optional<bool> valueAfterFirst(Operation *op, Value iv) {
  if (!compare(op, 0, 0))
    return std::nullopt;
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  bool ivLeft = lhs == iv;
  APInt c;
  if ((ivLeft ? lhs : rhs) != iv ||
      !matchPattern(ivLeft ? rhs : lhs, m_ConstantInt(&c)))
    return std::nullopt;
  int64_t k = c.getSExtValue();
  auto at = [&](int64_t i) {
    return *(ivLeft ? compare(op, i, k) : compare(op, k, i));
  };
  // A comparison with k changes value only next to k: it has one value on
  // every i >= 1 if it has the same at 1 and at each of k - 1, k, k + 1
  // that is at least 1.
  bool later = at(1);
  for (int64_t d : {-1, 0, 1}) {
    int64_t i;
    if (!llvm::AddOverflow(k, d, i) && i >= 1 && at(i) != later)
      return std::nullopt;
  }
  if (at(0) == later)
    return std::nullopt;
  return later;
}

/// The body's tests of the iteration count that tell the first iteration
/// from the others, with their value on the others.
SmallVector<std::pair<Operation *, bool>> firstIterationTests(ts::LoopOp loop) {
  Value iv = loop.getBody().front().getArgument(0);
  SmallVector<std::pair<Operation *, bool>> tests;
  for (Operation *user : iv.getUsers())
    if (std::optional<bool> later = valueAfterFirst(user, iv))
      tests.push_back({user, *later});
  return tests;
}

/// Whether the body asks whether a carried value that enters as None (its
/// static type says so) is None.
bool testsInitiallyNone(ts::LoopOp loop) {
  Block &body = loop.getBody().front();
  for (auto [arg, init] :
       llvm::zip(body.getArguments().drop_front(), loop.getIterArgs())) {
    if (!isa<ts::NoneType>(init.getType()))
      continue;
    for (Operation *user : arg.getUsers())
      if (isa<ts::AtenDunderIsOp, ts::AtenDunderIsnotOp>(user))
        return true;
  }
  return false;
}

int64_t countOps(ts::LoopOp loop) {
  int64_t n = 0;
  loop.getBody().walk([&](Operation *) { ++n; });
  return n;
}

/// Rewrites
///
///   %r = loop %n, %c iter(%v) { body(%i, %a) }
///
/// as
///
///   %r = if (%c and %n > 0) {
///     body(0, %v)                                 // yields %c1, %v1
///     %rest = loop %n - 1, %c1 iter(%v1) { body(%j + 1, %a) }
///     yield %rest
///   } else { yield %v }
///
/// with the tests in `tests` replaced by their value after the first
/// iteration in the remaining loop's body.
void peel(ts::LoopOp loop, ArrayRef<std::pair<Operation *, bool>> tests) {
  Location loc = loop.getLoc();
  OpBuilder b(loop);
  Type i64 = b.getI64Type(), i1 = b.getI1Type();
  auto constant = [&](Type t, Attribute a) -> Value {
    return ts::ConstantOp::create(b, loc, t, a);
  };
  Value zero = constant(i64, b.getI64IntegerAttr(0));
  Value one = constant(i64, b.getI64IntegerAttr(1));
  Value any = ts::AtenGtIntOp::create(b, loc, i1, loop.getMaxTripCount(), zero);
  Value go = ts::AtenDunderAndBoolOp::create(b, loc, i1,
                                             loop.getInitialCondition(), any);
  auto ifOp = ts::IfOp::create(b, loc, loop.getResultTypes(), go);
  b.createBlock(&ifOp.getElseRegion());
  ts::YieldOp::create(b, loc, loop.getIterArgs());
  b.createBlock(&ifOp.getThenRegion());

  // The first iteration.
  SmallVector<Value> next = loop.cloneIteration(b, zero, loop.getIterArgs());

  // The others: the same body, its count one behind the original's.
  Value rest =
      ts::AtenSubIntOp::create(b, loc, i64, loop.getMaxTripCount(), one);
  auto remaining =
      ts::LoopOp::create(b, loc, loop.getResultTypes(), rest, next.front(),
                         ArrayRef<Value>(next).drop_front());
  remaining.getBody().takeBody(loop.getBody());
  ts::YieldOp::create(b, loc, remaining.getResults());

  Block &restBody = remaining.getBody().front();
  for (auto [test, value] : tests) {
    b.setInsertionPoint(test);
    test->getResult(0).replaceAllUsesWith(constant(i1, b.getBoolAttr(value)));
    test->erase();
  }
  BlockArgument count = restBody.getArgument(0);
  if (!count.use_empty()) {
    b.setInsertionPointToStart(&restBody);
    Value shifted = ts::AtenAddIntOp::create(b, loc, i64, count, one);
    count.replaceAllUsesExcept(shifted, shifted.getDefiningOp());
  }
  loop.replaceAllUsesWith(ifOp.getResults());
  loop.erase();
}

struct PeelLoopsPass : public tsc::impl::PeelLoopsBase<PeelLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    // Taken before any rewrite: a nested loop moves with its outer loop's
    // body into the remaining loop and is peeled there; its copy in the
    // outer loop's peeled iteration is not (that copy runs once).
    SmallVector<ts::LoopOp> loops;
    getOperation()->walk<WalkOrder::PreOrder>(
        [&](ts::LoopOp loop) { loops.push_back(loop); });
    for (ts::LoopOp loop : loops) {
      SmallVector<std::pair<Operation *, bool>> tests =
          firstIterationTests(loop);
      if (tests.empty() && !testsInitiallyNone(loop))
        continue;
      if (countOps(loop) > maxOps)
        continue;
      peel(loop, tests);
    }
  }
};

} // namespace
