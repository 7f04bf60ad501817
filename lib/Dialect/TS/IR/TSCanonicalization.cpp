//===- TSCanonicalization.cpp - folders and patterns of control and None --===//
//
// The simplifications that make frozen modules small: a branch on a
// constant condition (`if self.training:` once `training` is frozen) is
// replaced by the branch taken, a loop that never runs by its initial
// values, and `x is None` is decided from x's static type.
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
namespace ts = tsc::ts;
using namespace tsc::ts;

/// `values` as replacements for `results`: a value whose static type is a
/// proper subtype of the result's gets an unchecked cast, so that users see
/// the type they were built for.
static SmallVector<Value> castToResultTypes(PatternRewriter &rewriter,
                                            Location loc, ValueRange values,
                                            TypeRange results) {
  SmallVector<Value> out;
  for (auto [v, t] : llvm::zip(values, results))
    out.push_back(
        v.getType() == t ? v : UncheckedCastOp::create(rewriter, loc, t, v));
  return out;
}

namespace {

/// prim.If on a constant condition: the taken branch, inlined.
struct FoldConstantIf : OpRewritePattern<IfOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(IfOp op,
                                PatternRewriter &rewriter) const override {
    BoolAttr cond;
    if (!matchPattern(op.getCondition(), m_Constant(&cond))) {
      IntegerAttr asInt;
      if (!matchPattern(op.getCondition(), m_Constant(&asInt)))
        return failure();
      cond = rewriter.getBoolAttr(!asInt.getValue().isZero());
    }
    Region &taken = cond.getValue() ? op.getThenRegion() : op.getElseRegion();
    Block *block = &taken.front();
    auto yield = cast<YieldOp>(block->getTerminator());
    SmallVector<Value> yielded(yield.getValues());
    rewriter.eraseOp(yield);
    rewriter.inlineBlockBefore(block, op);
    rewriter.replaceOp(op, castToResultTypes(rewriter, op.getLoc(), yielded,
                                             op.getResultTypes()));
    return success();
  }
};

/// prim.Loop that never runs its body (initial condition false, or a trip
/// count of zero or less): its initial carried values.
struct FoldLoopThatNeverRuns : OpRewritePattern<LoopOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(LoopOp op,
                                PatternRewriter &rewriter) const override {
    APInt trip, cond;
    bool never =
        (matchPattern(op.getInitialCondition(), m_ConstantInt(&cond)) &&
         cond.isZero()) ||
        (matchPattern(op.getMaxTripCount(), m_ConstantInt(&trip)) &&
         trip.getSExtValue() <= 0);
    if (!never)
      return failure();
    rewriter.replaceOp(op, castToResultTypes(rewriter, op.getLoc(),
                                             op.getIterArgs(),
                                             op.getResultTypes()));
    return success();
  }
};

/// A fork whose future is only waited on runs synchronously: its body is
/// inlined at the fork (where the task starts) and every wait becomes the
/// body's result. TorchScript allows any schedule of forked tasks; the
/// interpreter itself runs them inline when it has no thread to spare.
struct InlineForkOnlyWaitedOn : OpRewritePattern<ForkOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ForkOp op,
                                PatternRewriter &rewriter) const override {
    for (Operation *user : op->getUsers())
      if (!isa<AtenWaitOp>(user))
        return failure();
    Block *body = &op.getBody().front();
    auto yield = cast<YieldOp>(body->getTerminator());
    Value result = yield.getValues().front();
    rewriter.eraseOp(yield);
    rewriter.inlineBlockBefore(body, op, op.getOperands());
    for (Operation *user : llvm::make_early_inc_range(op->getUsers())) {
      Value v = result;
      if (v.getType() != user->getResult(0).getType())
        v = UncheckedCastOp::create(rewriter, user->getLoc(),
                                    user->getResult(0).getType(), v);
      rewriter.replaceOp(user, v);
    }
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void ForkOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                         MLIRContext *context) {
  results.add<InlineForkOnlyWaitedOn>(context);
}

void IfOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                       MLIRContext *context) {
  results.add<FoldConstantIf>(context);
}

void LoopOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                         MLIRContext *context) {
  results.add<FoldLoopThatNeverRuns>(context);
}

//===----------------------------------------------------------------------===//
// None tests and bool logic
//===----------------------------------------------------------------------===//

/// Whether a value of static type `t` may be None at run time.
static bool mayBeNone(Type t) {
  return isa<ts::NoneType, ts::OptionalType, ts::AnyType, ts::UnionType,
             ts::OpaqueType>(t);
}

/// `a is b` when one side is None: known unless the other side may be None
/// without being statically None.
static std::optional<bool> foldIsNone(Value a, Value b) {
  bool aNone = isa<ts::NoneType>(a.getType());
  bool bNone = isa<ts::NoneType>(b.getType());
  if (aNone && bNone)
    return true;
  if ((aNone && !mayBeNone(b.getType())) || (bNone && !mayBeNone(a.getType())))
    return false;
  return std::nullopt;
}

OpFoldResult AtenDunderIsOp::fold(FoldAdaptor) {
  if (std::optional<bool> r = foldIsNone(getSelf(), getObj()))
    return BoolAttr::get(getContext(), *r);
  return {};
}

OpFoldResult AtenDunderIsnotOp::fold(FoldAdaptor) {
  if (std::optional<bool> r = foldIsNone(getSelf(), getObj()))
    return BoolAttr::get(getContext(), !*r);
  return {};
}

/// `a and b` / `a or b` with at least one side known. `absorbing` is the
/// value that decides the result alone (false for and, true for or).
static OpFoldResult foldLogic(Value a, Value b, Attribute ca, Attribute cb,
                              bool absorbing) {
  auto known = [](Attribute c) -> std::optional<bool> {
    if (auto i = dyn_cast_or_null<IntegerAttr>(c))
      return !i.getValue().isZero();
    return std::nullopt;
  };
  std::optional<bool> ka = known(ca), kb = known(cb);
  if ((ka && *ka == absorbing) || (kb && *kb == absorbing))
    return BoolAttr::get(a.getContext(), absorbing);
  if (ka)
    return b;
  if (kb)
    return a;
  return {};
}

OpFoldResult AtenDunderAndBoolOp::fold(FoldAdaptor adaptor) {
  return foldLogic(getA(), getB(), adaptor.getA(), adaptor.getB(), false);
}

OpFoldResult AtenDunderOrBoolOp::fold(FoldAdaptor adaptor) {
  return foldLogic(getA(), getB(), adaptor.getA(), adaptor.getB(), true);
}
