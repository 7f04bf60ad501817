//===- TSDialect.cpp - ts dialect registration ----------------------------===//

#include "tsc/Dialect/TS/IR/TSDialect.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Transforms/InliningUtils.h"

using namespace mlir;
using namespace tsc::ts;

#include "tsc/Dialect/TS/IR/TSOpsDialect.cpp.inc"

namespace {
/// Every ts op may be inlined: TorchScript functions are values of their
/// arguments (no op depends on the function it is in), and the frontend
/// itself inlines every call it resolves. Regions of ts ops (If, Loop,
/// fork, fusion groups) end in ts.yield, which inlining never replaces.
struct TSInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Operation *, bool) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void TSDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tsc/Dialect/TS/IR/TSOps.cpp.inc"
      >();
  registerTypes();
  addInterfaces<TSInlinerInterface>();
}

Operation *TSDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  return ConstantOp::create(builder, loc, type, value);
}
