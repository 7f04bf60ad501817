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

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

namespace tsc {
#define GEN_PASS_DEF_PEELLOOPS
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

enum class Compare { Eq, Ne, Lt, Le, Gt, Ge };

/// `op` as `iv PRED c`, if it compares the iteration count `iv` with a
/// constant (on either side).
std::optional<std::pair<Compare, int64_t>> asCountTest(Operation *op,
                                                       Value iv) {
  std::optional<Compare> pred =
      llvm::TypeSwitch<Operation *, std::optional<Compare>>(op)
          .Case([](ts::AtenEqIntOp) { return Compare::Eq; })
          .Case([](ts::AtenNeIntOp) { return Compare::Ne; })
          .Case([](ts::AtenLtIntOp) { return Compare::Lt; })
          .Case([](ts::AtenLeIntOp) { return Compare::Le; })
          .Case([](ts::AtenGtIntOp) { return Compare::Gt; })
          .Case([](ts::AtenGeIntOp) { return Compare::Ge; })
          .Default([](Operation *) { return std::nullopt; });
  if (!pred)
    return std::nullopt;
  Value lhs = op->getOperand(0), rhs = op->getOperand(1);
  APInt c;
  if (lhs == iv && matchPattern(rhs, m_ConstantInt(&c)))
    return std::make_pair(*pred, c.getSExtValue());
  if (rhs != iv || !matchPattern(lhs, m_ConstantInt(&c)))
    return std::nullopt;
  // c PRED iv is iv PRED' c.
  Compare swapped = *pred;
  switch (*pred) {
  case Compare::Lt:
    swapped = Compare::Gt;
    break;
  case Compare::Le:
    swapped = Compare::Ge;
    break;
  case Compare::Gt:
    swapped = Compare::Lt;
    break;
  case Compare::Ge:
    swapped = Compare::Le;
    break;
  default:
    break;
  }
  return std::make_pair(swapped, c.getSExtValue());
}

bool evaluate(Compare pred, int64_t i, int64_t c) {
  switch (pred) {
  case Compare::Eq:
    return i == c;
  case Compare::Ne:
    return i != c;
  case Compare::Lt:
    return i < c;
  case Compare::Le:
    return i <= c;
  case Compare::Gt:
    return i > c;
  case Compare::Ge:
    return i >= c;
  }
  llvm_unreachable("unknown comparison");
}

/// The value of `iv PRED c` on every iteration after the first (iv >= 1),
/// if it is the same on all of them.
std::optional<bool> afterFirst(Compare pred, int64_t c) {
  // iv ranges over [1, inf): a test on it is constant there when the
  // threshold lies at or below 1 (for eq and ne: below 1).
  switch (pred) {
  case Compare::Eq:
  case Compare::Ne:
    if (c >= 1)
      return std::nullopt;
    break;
  case Compare::Lt:
  case Compare::Ge:
    if (c > 1)
      return std::nullopt;
    break;
  case Compare::Le:
  case Compare::Gt:
    if (c > 0)
      return std::nullopt;
    break;
  }
  return evaluate(pred, 1, c);
}

/// The body's tests of the iteration count that tell the first iteration
/// from the others, with their value on the others.
SmallVector<std::pair<Operation *, bool>> firstIterationTests(ts::LoopOp loop) {
  Value iv = loop.getBody().front().getArgument(0);
  SmallVector<std::pair<Operation *, bool>> tests;
  for (Operation *user : iv.getUsers()) {
    std::optional<std::pair<Compare, int64_t>> test = asCountTest(user, iv);
    if (!test)
      continue;
    std::optional<bool> later = afterFirst(test->first, test->second);
    if (later && *later != evaluate(test->first, 0, test->second))
      tests.push_back({user, *later});
  }
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
  Block &body = loop.getBody().front();
  auto yield = cast<ts::YieldOp>(body.getTerminator());
  IRMapping map;
  map.map(body.getArgument(0), constant(i64, b.getI64IntegerAttr(0)));
  for (auto [arg, init] :
       llvm::zip(body.getArguments().drop_front(), loop.getIterArgs()))
    map.map(arg, init);
  for (Operation &op : body.without_terminator())
    b.clone(op, map);
  SmallVector<Value> next;
  for (Value v : yield.getValues())
    next.push_back(map.lookupOrDefault(v));

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
    Value shiftedOne = constant(i64, b.getI64IntegerAttr(1));
    Value shifted = ts::AtenAddIntOp::create(b, loc, i64, count, shiftedOne);
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
