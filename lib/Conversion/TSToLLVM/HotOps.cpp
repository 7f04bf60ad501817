//===- HotOps.cpp - the runtime's typed operator entry points -------------===//

#include "HotOps.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/ArrayRef.h"

using namespace mlir;

namespace tsc {
namespace {

const HotOp kHotOps[] = {
#define TSC_HOT_OP(SYMBOL, NAME, OVERLOAD, PARAMS)                             \
  {#SYMBOL, NAME, OVERLOAD, PARAMS},
#include "tsc/Runtime/HotOps.def"
#undef TSC_HOT_OP
};

bool isNoneConstant(Value v) {
  auto c = v.getDefiningOp<ts::ConstantOp>();
  return c && isa<UnitAttr>(c.getValue());
}

bool isIntListConstant(Value v) {
  auto c = v.getDefiningOp<ts::ConstantOp>();
  if (!c || !isa<ts::ListType>(v.getType()))
    return false;
  auto array = dyn_cast<ArrayAttr>(c.getValue());
  return array && llvm::all_of(array, [](Attribute a) {
           auto i = dyn_cast<IntegerAttr>(a);
           return i && i.getType().isInteger(64);
         });
}

/// A list built in place whose elements all satisfy `pred`.
template <typename Pred> bool isListOf(Value v, Pred pred) {
  auto list = v.getDefiningOp<ts::ListConstructOp>();
  return list && llvm::all_of(list->getOperands(), pred);
}

} // namespace

const HotOp *lookupHotOp(StringRef name, StringRef overload) {
  for (const HotOp &op : kHotOps)
    if (op.name == name && op.overload == overload)
      return &op;
  return nullptr;
}

bool canPassAs(Value operand, char kind) {
  Type t = operand.getType();
  switch (kind) {
  case 'T':
    return isa<ts::TensorType>(t);
  case 'O':
    if (auto o = dyn_cast<ts::OptionalType>(t))
      return isa<ts::TensorType>(o.getElementType());
    return isa<ts::TensorType, ts::NoneType>(t);
  case 'i':
    return t.isInteger(64);
  case 'f':
    return t.isF64();
  case 'b':
    return t.isInteger(1);
  case 's':
    return t.isInteger(64) || t.isF64() || t.isInteger(1);
  case 'n':
    return t.isInteger(64) || isNoneConstant(operand);
  case 'L':
    return isIntListConstant(operand) ||
           isListOf(operand, [](Value e) { return e.getType().isInteger(64); });
  case 'M':
    return isListOf(operand,
                    [](Value e) { return isa<ts::TensorType>(e.getType()); });
  case 'S':
    if (auto c = operand.getDefiningOp<ts::ConstantOp>())
      return isa<StringAttr>(c.getValue()) && isa<ts::StrType>(t);
    return false;
  default:
    return false;
  }
}

bool passesWithoutHandle(Value operand, char kind) {
  switch (kind) {
  case 'L':
  case 'M':
  case 'S':
    return true;
  case 'O':
  case 'n':
    return isNoneConstant(operand);
  default:
    return false;
  }
}

} // namespace tsc
