//===- TSDialect.cpp - ts dialect registration ----------------------------===//

#include "tsc/Dialect/TS/IR/TSDialect.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

using namespace mlir;
using namespace tsc::ts;

#include "tsc/Dialect/TS/IR/TSOpsDialect.cpp.inc"

void TSDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tsc/Dialect/TS/IR/TSOps.cpp.inc"
      >();
  registerTypes();
}

Operation *TSDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  return ConstantOp::create(builder, loc, type, value);
}
