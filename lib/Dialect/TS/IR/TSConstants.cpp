//===- TSConstants.cpp - reading constants and sizes in ts IR -------------===//

#include "tsc/Dialect/TS/IR/TSConstants.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace tsc::ts {

std::optional<double> getConstantNumber(Value v) {
  Attribute attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  if (auto f = dyn_cast<FloatAttr>(attr))
    return f.getValueAsDouble();
  if (auto n = dyn_cast<IntegerAttr>(attr))
    return n.getType().isInteger(1)
               ? static_cast<double>(n.getValue().getZExtValue())
               : static_cast<double>(n.getValue().getSExtValue());
  return std::nullopt;
}

std::optional<int64_t> getConstantInt(Value v) {
  IntegerAttr attr;
  if (matchPattern(v, m_Constant(&attr)) && attr.getType().isInteger(64))
    return attr.getInt();
  return std::nullopt;
}

std::optional<SmallVector<int64_t>> getConstantInts(Value v) {
  SmallVector<int64_t> r;
  if (auto construct = v.getDefiningOp<ListConstructOp>()) {
    for (Value e : construct.getElements()) {
      std::optional<int64_t> n = getConstantInt(e);
      if (!n)
        return std::nullopt;
      r.push_back(*n);
    }
    return r;
  }
  ArrayAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  for (Attribute a : attr) {
    auto n = dyn_cast<IntegerAttr>(a);
    if (!n)
      return std::nullopt;
    r.push_back(n.getInt());
  }
  return r;
}

std::optional<SmallVector<int64_t>>
broadcastSizes(ArrayRef<ArrayRef<int64_t>> sizes) {
  constexpr int64_t kDynamic = TensorType::kDynamic;
  SmallVector<int64_t> out;
  for (ArrayRef<int64_t> s : sizes) {
    if (s.size() > out.size())
      out.insert(out.begin(), s.size() - out.size(), 1);
    for (size_t i = 0; i < s.size(); ++i) {
      int64_t &o = out[out.size() - s.size() + i];
      int64_t d = s[i];
      if (d == 1 || o == d)
        continue;
      if (o == 1)
        o = d;
      else if (o == kDynamic)
        o = d;
      else if (d != kDynamic)
        return std::nullopt;
    }
  }
  return out;
}

bool readsOnlySizes(Operation *op) {
  return isa<AtenDimOp, AtenSizeOp, AtenSizeIntOp>(op);
}

} // namespace tsc::ts
