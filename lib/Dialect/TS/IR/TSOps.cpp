//===- TSOps.cpp - ts dialect operations ----------------------------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/IR/TSElementwise.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
namespace ts = tsc::ts;
using namespace tsc::ts;

#define GET_OP_CLASSES
#include "tsc/Dialect/TS/IR/TSOps.cpp.inc"

//===----------------------------------------------------------------------===//
// prim.Constant
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

/// Whether `attr` can be the value of a constant of TorchScript type `type`.
static bool isValidConstant(Attribute attr, Type type) {
  if (type.isInteger(1))
    return isa<BoolAttr>(attr) ||
           (isa<IntegerAttr>(attr) &&
            cast<IntegerAttr>(attr).getType().isInteger(1));
  if (type.isInteger(64))
    return isa<IntegerAttr>(attr) &&
           cast<IntegerAttr>(attr).getType().isInteger(64);
  if (type.isF64())
    return isa<FloatAttr>(attr) && cast<FloatAttr>(attr).getType().isF64();
  if (isa<ts::StrType, ts::DeviceType>(type))
    return isa<StringAttr>(attr);
  if (isa<ts::NoneType>(type))
    return isa<UnitAttr>(attr);
  if (isa<ts::TensorType>(type))
    return isa<ElementsAttr>(attr);
  if (auto list = dyn_cast<ts::ListType>(type)) {
    auto arr = dyn_cast<ArrayAttr>(attr);
    return arr && llvm::all_of(arr, [&](Attribute a) {
             return isValidConstant(a, list.getElementType());
           });
  }
  if (auto tuple = dyn_cast<ts::TupleType>(type)) {
    auto arr = dyn_cast<ArrayAttr>(attr);
    if (!arr || arr.size() != tuple.getElementTypes().size())
      return false;
    for (auto [a, t] : llvm::zip(arr, tuple.getElementTypes()))
      if (!isValidConstant(a, t))
        return false;
    return true;
  }
  if (auto opt = dyn_cast<ts::OptionalType>(type))
    return isa<UnitAttr>(attr) || isValidConstant(attr, opt.getElementType());
  if (isa<ts::NumberType>(type))
    return isa<IntegerAttr, FloatAttr>(attr);
  return false;
}

LogicalResult ConstantOp::verify() {
  if (!isValidConstant(getValue(), getType()))
    return emitOpError("value ")
           << getValue() << " is not a constant of type " << getType();
  return success();
}

//===----------------------------------------------------------------------===//
// prim.If / prim.Loop
//===----------------------------------------------------------------------===//

static LogicalResult verifyYieldTypes(Operation *op, YieldOp yield,
                                      TypeRange expected, StringRef what) {
  if (yield.getValues().size() != expected.size())
    return op->emitOpError() << what << " yields " << yield.getValues().size()
                             << " values, expected " << expected.size();
  for (auto [i, pair] :
       llvm::enumerate(llvm::zip(yield.getValues().getTypes(), expected))) {
    auto [got, want] = pair;
    if (!isSubtypeOf(got, want))
      return op->emitOpError() << what << " yields " << got << " as value #"
                               << i << ", which is not a subtype of " << want;
  }
  return success();
}

LogicalResult IfOp::verify() {
  for (Region *region : {&getThenRegion(), &getElseRegion()}) {
    auto yield = dyn_cast<YieldOp>(region->front().getTerminator());
    if (!yield)
      return emitOpError("branches must end in ts.yield");
    if (failed(verifyYieldTypes(*this, yield, getResultTypes(),
                                region == &getThenRegion() ? "then branch"
                                                           : "else branch")))
      return failure();
  }
  return success();
}

SmallVector<Value> LoopOp::cloneIteration(OpBuilder &b, Value count,
                                          ValueRange carried) {
  Block &body = getBody().front();
  IRMapping map;
  map.map(body.getArgument(0), count);
  map.map(body.getArguments().drop_front(), carried);
  for (Operation &op : body.without_terminator())
    b.clone(op, map);
  SmallVector<Value> yielded;
  for (Value v : cast<YieldOp>(body.getTerminator()).getValues())
    yielded.push_back(map.lookupOrDefault(v));
  return yielded;
}

LogicalResult LoopOp::verify() {
  Block &body = getBody().front();
  if (getIterArgs().size() != getResults().size())
    return emitOpError("has ") << getIterArgs().size() << " carried values but "
                               << getResults().size() << " results";
  if (body.getNumArguments() != getIterArgs().size() + 1 ||
      !body.getArgument(0).getType().isInteger(64))
    return emitOpError("body must take the iteration count (i64) and one "
                       "argument per carried value");
  for (auto [i, pair] : llvm::enumerate(
           llvm::zip(getIterArgs().getTypes(), getResultTypes(),
                     TypeRange(body.getArgumentTypes()).drop_front()))) {
    auto [init, result, arg] = pair;
    if (!isSubtypeOf(init, arg) || result != arg)
      return emitOpError("carried value #")
             << i << " has inconsistent types: initial " << init
             << ", body argument " << arg << ", result " << result;
  }
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError("body must end in ts.yield");
  if (yield.getValues().empty() ||
      !yield.getValues().front().getType().isInteger(1))
    return emitOpError("body must yield the continue condition (i1) first");
  SmallVector<Type> carried(getResultTypes());
  YieldOp rest = yield;
  if (yield.getValues().size() != carried.size() + 1)
    return emitOpError("body yields ")
           << yield.getValues().size() - 1 << " carried values, expected "
           << carried.size();
  for (auto [i, pair] : llvm::enumerate(
           llvm::zip(rest.getValues().drop_front().getTypes(), carried))) {
    auto [got, want] = pair;
    if (!isSubtypeOf(got, want))
      return emitOpError("body yields ")
             << got << " as carried value #" << i
             << ", which is not a subtype of " << want;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Scalar folders
//===----------------------------------------------------------------------===//

template <typename Fn>
static OpFoldResult foldIntBinary(Attribute a, Attribute b, Type resultType,
                                  Fn fn) {
  auto ia = dyn_cast_or_null<IntegerAttr>(a);
  auto ib = dyn_cast_or_null<IntegerAttr>(b);
  if (!ia || !ib)
    return {};
  int64_t r = fn(ia.getValue().getSExtValue(), ib.getValue().getSExtValue());
  return IntegerAttr::get(resultType, resultType.isInteger(1) ? (r != 0) : r);
}

template <typename Fn>
static OpFoldResult foldFloatBinary(Attribute a, Attribute b, Type resultType,
                                    Fn fn) {
  auto fa = dyn_cast_or_null<FloatAttr>(a);
  auto fb = dyn_cast_or_null<FloatAttr>(b);
  if (!fa || !fb)
    return {};
  double r = fn(fa.getValueAsDouble(), fb.getValueAsDouble());
  if (resultType.isInteger(1))
    return IntegerAttr::get(resultType, r != 0.0);
  return FloatAttr::get(resultType, r);
}

// TorchScript ints wrap at 64 bits; do the arithmetic unsigned to get the
// same two's complement result without undefined behaviour.
static int64_t wrapAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) +
                              static_cast<uint64_t>(b));
}
static int64_t wrapSub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) -
                              static_cast<uint64_t>(b));
}
static int64_t wrapMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) *
                              static_cast<uint64_t>(b));
}

#define TS_INT_FOLDER(OP, EXPR)                                                \
  OpFoldResult OP::fold(FoldAdaptor adaptor) {                                 \
    return foldIntBinary(                                                      \
        adaptor.getA(), adaptor.getB(), getType(),                             \
        [](int64_t a, int64_t b) -> int64_t { return EXPR; });                 \
  }
TS_INT_FOLDER(AtenAddIntOp, wrapAdd(a, b))
TS_INT_FOLDER(AtenSubIntOp, wrapSub(a, b))
TS_INT_FOLDER(AtenMulIntOp, wrapMul(a, b))
TS_INT_FOLDER(AtenLtIntOp, a < b)
TS_INT_FOLDER(AtenLeIntOp, a <= b)
TS_INT_FOLDER(AtenGtIntOp, a > b)
TS_INT_FOLDER(AtenGeIntOp, a >= b)
TS_INT_FOLDER(AtenEqIntOp, a == b)
TS_INT_FOLDER(AtenNeIntOp, a != b)
#undef TS_INT_FOLDER

#define TS_FLOAT_FOLDER(OP, EXPR)                                              \
  OpFoldResult OP::fold(FoldAdaptor adaptor) {                                 \
    return foldFloatBinary(adaptor.getA(), adaptor.getB(), getType(),          \
                           [](double a, double b) -> double { return EXPR; }); \
  }
TS_FLOAT_FOLDER(AtenAddFloatOp, a + b)
TS_FLOAT_FOLDER(AtenSubFloatOp, a - b)
TS_FLOAT_FOLDER(AtenMulFloatOp, a *b)
TS_FLOAT_FOLDER(AtenDivFloatOp, a / b)
TS_FLOAT_FOLDER(AtenLtFloatOp, a < b)
TS_FLOAT_FOLDER(AtenGtFloatOp, a > b)
#undef TS_FLOAT_FOLDER

OpFoldResult AtenDunderNotOp::fold(FoldAdaptor adaptor) {
  auto v = dyn_cast_or_null<IntegerAttr>(adaptor.getSelf());
  if (!v)
    return {};
  return IntegerAttr::get(getType(), v.getValue().isZero() ? 1 : 0);
}

//===----------------------------------------------------------------------===//
// Operator keys
//===----------------------------------------------------------------------===//

std::optional<OperatorKey> tsc::ts::getOperatorKey(Operation *op) {
  if (auto generic = dyn_cast<OperatorOp>(op))
    return OperatorKey{generic.getName().str(), generic.getOverload().str()};
  if (!op->hasTrait<OpTrait::HasOperatorKey>())
    return std::nullopt;
  // ts.<ns>.<name>[.<overload>] names <ns>::<name>[.<overload>].
  StringRef full = op->getName().getStringRef();
  full.consume_front("ts.");
  auto [ns, rest] = full.split('.');
  auto [name, overload] = rest.split('.');
  return OperatorKey{(ns + "::" + name).str(), overload.str()};
}

//===----------------------------------------------------------------------===//
// Objects and dicts
//===----------------------------------------------------------------------===//

LogicalResult ObjectOp::verify() {
  if (getSlots().size() != getValues().size())
    return emitOpError("has ") << getSlots().size() << " slot names but "
                               << getValues().size() << " values";
  llvm::StringSet<> seen;
  for (Attribute name : getSlots())
    if (!seen.insert(cast<StringAttr>(name).getValue()).second)
      return emitOpError("has two slots named ") << name;
  return success();
}

Value ObjectOp::getSlot(StringRef name) {
  for (auto [slot, value] : llvm::zip(getSlots(), getValues()))
    if (cast<StringAttr>(slot).getValue() == name)
      return value;
  return {};
}

LogicalResult DictConstructOp::verify() {
  if (getKeysAndValues().size() % 2 != 0)
    return emitOpError("needs a value for every key");
  auto dict = cast<ts::DictType>(getType());
  for (auto [i, v] : llvm::enumerate(getKeysAndValues())) {
    Type want = i % 2 ? dict.getValueType() : dict.getKeyType();
    if (!isSubtypeOf(v.getType(), want))
      return emitOpError("operand #") << i << " of type " << v.getType()
                                      << " is not a subtype of " << want;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// isinstance and fork
//===----------------------------------------------------------------------===//

/// Types whose values may have more than one run-time type.
static bool isOpenType(Type t) {
  return isa<ts::UnionType, ts::OptionalType, ts::AnyType, ts::OpaqueType,
             ts::NumberType>(t);
}

OpFoldResult IsInstanceOp::fold(FoldAdaptor) {
  Type from = getOperand().getType();
  auto types = getTypes().getAsValueRange<TypeAttr>();
  if (llvm::any_of(types, [&](Type t) { return isSubtypeOf(from, t); }))
    return BoolAttr::get(getContext(), true);
  if (!isOpenType(from))
    return BoolAttr::get(getContext(), false);
  return {};
}

OpFoldResult UncheckedCastOp::fold(FoldAdaptor) {
  if (getOperand().getType() == getType())
    return getOperand();
  return {};
}

std::optional<int64_t> ts::getArenaBytes(Type type) {
  auto tensor = dyn_cast<TensorType>(type);
  if (!tensor || !tensor.getDtype() || !tensor.getDtype().isF32())
    return std::nullopt;
  std::optional<ArrayRef<int64_t>> sizes = tensor.getSizes();
  if (!sizes)
    return std::nullopt;
  int64_t bytes = 4;
  for (int64_t d : *sizes) {
    if (d < 0 || (d > 0 && bytes > (int64_t(1) << 40) / d))
      return std::nullopt;
    bytes *= d;
  }
  return std::max<int64_t>(64, llvm::alignTo(bytes, 64));
}

LogicalResult FusionGroupOp::verify() {
  Block &body = getBody().front();
  if (body.getArgumentTypes() != getInputs().getTypes())
    return emitOpError("body arguments must match the inputs");
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield || yield.getValues().getTypes() != getResultTypes())
    return emitOpError("body must yield values of the result types");
  if (std::optional<ArrayRef<int64_t>> offsets = getArenaOffsets()) {
    if (offsets->size() != getNumResults())
      return emitOpError("has ") << offsets->size() << " arena offsets for "
                                 << getNumResults() << " results";
    for (auto [offset, type] : llvm::zip(*offsets, getResultTypes())) {
      if (offset == -1)
        continue;
      if (offset < 0 || offset % 64)
        return emitOpError("arena offsets must be multiples of 64, or -1");
      if (!getArenaBytes(type))
        return emitOpError("has an arena offset for a result of type ")
               << type << ", not float32 of static sizes";
    }
  }
  // Only what the kernel writers compute: anything else (from a hand-written
  // .mlir) would reach them.
  Operation *rowReduction = nullptr;
  int64_t width = 0;
  llvm::DenseMap<Value, int64_t> rowLengths;
  for (Operation &op : body.without_terminator()) {
    if (isa<ConstantOp, ListConstructOp>(op) || isFusibleElementwise(&op))
      continue;
    if (getFusibleRowReduction(&op)) {
      if (rowReduction)
        return emitOpError("body holds more than one row reduction");
      rowReduction = &op;
      continue;
    }
    std::optional<FusibleLinear> linear = getFusibleLinear(&op);
    if (!linear)
      return emitOpError("body holds '")
             << op.getName() << "', which no fusion kernel computes";
    auto input = dyn_cast<BlockArgument>(op.getOperand(0));
    if (!input || input.getOwner() != &body)
      return emitOpError("a linear layer's input must be an argument of the "
                         "body (its rows are read whole)");
    if (width && width != linear->n)
      return emitOpError("linear layers of different output widths (")
             << width << " and " << linear->n << ")";
    width = linear->n;
    if (rowLengths.try_emplace(input, linear->k).first->second != linear->k)
      return emitOpError("one input read by linear layers of different "
                         "row lengths");
  }
  if (rowReduction && width)
    return emitOpError("body holds both a row reduction and linear layers");
  return success();
}

LogicalResult ForkOp::verify() {
  Block &body = getBody().front();
  if (body.getNumArguments() != getOperands().size())
    return emitOpError("body takes ")
           << body.getNumArguments() << " arguments, but "
           << getOperands().size() << " operands are given";
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield || yield.getValues().size() != 1)
    return emitOpError("body must yield exactly one value");
  Type want = cast<ts::FutureType>(getType()).getElementType();
  if (!isSubtypeOf(yield.getValues().front().getType(), want))
    return emitOpError("body yields ")
           << yield.getValues().front().getType()
           << ", which is not a subtype of the future's " << want;
  return success();
}
