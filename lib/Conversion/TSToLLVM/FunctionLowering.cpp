//===- FunctionLowering.cpp - one method's body to LLVM -------------------===//
//
// Walks the method's ts ops in order and emits LLVM dialect directly:
// structured control flow becomes blocks and branches, scalars native
// arithmetic, everything else runtime calls whose status is checked at once.
// Handle lifetimes follow the OwnershipPlan.
//
//===----------------------------------------------------------------------===//

#include "HotOps.h"
#include "Lowering.h"
#include "Ownership.h"
#include "tsc/Dialect/TS/IR/TSElementwise.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Runtime/tsc_runtime.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
namespace LLVM = mlir::LLVM;

namespace tsc {
namespace {

class MethodLowering {
public:
  MethodLowering(LoweringContext &lc, func::FuncOp func, BodyOptions options)
      : lc(lc), func(func), options(options), b(lc.ctx),
        plan(planOwnership(func)) {}

  FailureOr<LLVM::LLVMFuncOp> run(StringRef implName);

private:
  // Emission helpers.
  Value call(Location loc, StringRef fn, ValueRange args);
  void callChecked(Location loc, StringRef fn, ValueRange args);
  void checkStatus(Location loc, Value status);
  Value slots(Location loc, Type elem, int64_t n);
  Value slotAt(Location loc, Value base, Type elem, int64_t i);
  Value box(Location loc, Value v, Type tsType);
  Value unbox(Location loc, Value handle, Type tsType);
  void release(Location loc, Value handle);
  Value handleOf(Location loc, Value tsValue, SmallVectorImpl<Value> &temps);
  Value handleArray(Location loc, ValueRange tsValues,
                    SmallVectorImpl<Value> &temps);
  void defineFromHandles(Location loc, Value array, ResultRange results);
  Value coerce(Location loc, Value v, Type from, Type to);
  SmallVector<Value> handOver(Location loc, MutableArrayRef<OpOperand> ops,
                              TypeRange targets);

  // Ops.
  LogicalResult lowerBlock(Block &block);
  LogicalResult lowerOp(Operation *op);
  LogicalResult lowerConstant(ts::ConstantOp op);
  FailureOr<Value> materializeConstant(Location loc, Attribute attr, Type type);
  LogicalResult lowerIf(ts::IfOp op);
  LogicalResult lowerLoop(ts::LoopOp op);
  LogicalResult lowerFork(ts::ForkOp op);
  LogicalResult lowerFusionGroup(ts::FusionGroupOp op);
  /// Appends the arena and the tsc_planned_output_t array for a fusion
  /// group's results to `args` (two nulls when nothing is planned).
  void appendArenaPlan(ts::FusionGroupOp op, SmallVectorImpl<Value> &args);
  LogicalResult lowerReturn(func::ReturnOp op);
  LogicalResult lowerBoxedCall(Operation *op, const ts::OperatorKey &key);
  void planHotOps();
  LogicalResult lowerHotOp(Operation *op, const HotOp &hot);
  LogicalResult lowerContainerConstruct(Operation *op, StringRef fn);
  LogicalResult lowerUnpack(Operation *op, Value aggregate, StringRef fn);
  LogicalResult lowerTupleConstruct(ts::TupleConstructOp op);
  LogicalResult lowerCreateObject(ts::CreateObjectOp op);
  LogicalResult lowerGetAttr(ts::GetAttrOp op);
  LogicalResult lowerSetAttr(ts::SetAttrOp op);
  LogicalResult lowerIsInstance(ts::IsInstanceOp op);
  LogicalResult lowerTupleIndex(ts::TupleIndexOp op);
  LogicalResult lowerUncheckedCast(ts::UncheckedCastOp op);
  LogicalResult lowerUninitialized(ts::UninitializedOp op);
  FailureOr<bool> lowerNativeScalar(Operation *op);

  Value get(Value tsValue) { return map.lookup(tsValue); }

  LoweringContext &lc;
  func::FuncOp func;
  BodyOptions options;
  OpBuilder b;
  OwnershipPlan plan;
  IRMapping map;
  // Ops lowered to a typed runtime entry point, and the values they read
  // without a handle (lists built in place, constant strings, None) that
  // nothing else uses: those are never materialized.
  llvm::DenseMap<Operation *, const HotOp *> hotOps;
  llvm::DenseSet<Value> elided;
  LLVM::LLVMFuncOp impl;
  Block *entry = nullptr;
  Block *errorBlock = nullptr;
  Value resultSlot;
  // The function's arena for this call (-tsc-plan-memory), if it has one.
  Value arena;
  // Pending ts.yield destinations, innermost last.
  struct YieldTarget {
    Block *dest;
    bool isLoop;
    TypeRange types; // If results or loop carried types
    Value iteration; // the loop's induction variable
  };
  SmallVector<YieldTarget> yieldTargets;
};

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

Value MethodLowering::call(Location loc, StringRef fn, ValueRange args) {
  auto callee = lc.runtimeFunc(fn);
  auto op = LLVM::CallOp::create(b, loc, callee, args);
  return op.getNumResults() ? op.getResult() : Value();
}

void MethodLowering::checkStatus(Location loc, Value status) {
  Value failed = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, status,
                                      lc.constI32(b, loc, 0));
  Block *cont = new Block();
  impl.getBody().push_back(cont);
  LLVM::CondBrOp::create(b, loc, failed, errorBlock, ValueRange{status}, cont,
                         ValueRange{});
  b.setInsertionPointToStart(cont);
}

void MethodLowering::callChecked(Location loc, StringRef fn, ValueRange args) {
  checkStatus(loc, call(loc, fn, args));
}

Value MethodLowering::slots(Location loc, Type elem, int64_t n) {
  // Stack slots live in the entry block so that loops do not grow the stack.
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(entry);
  Value count = lc.constI64(b, loc, std::max<int64_t>(n, 1));
  return LLVM::AllocaOp::create(b, loc, lc.ptrTy, elem, count, 8);
}

Value MethodLowering::slotAt(Location loc, Value base, Type elem, int64_t i) {
  if (i == 0)
    return base;
  return LLVM::GEPOp::create(b, loc, lc.ptrTy, elem, base,
                             ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
}

Value MethodLowering::box(Location loc, Value v, Type tsType) {
  Value out = slots(loc, lc.ptrTy, 1);
  if (tsType.isInteger(64))
    callChecked(loc, "tsc_value_make_int", {v, out});
  else if (tsType.isF64())
    callChecked(loc, "tsc_value_make_float", {v, out});
  else
    callChecked(loc, "tsc_value_make_bool",
                {LLVM::ZExtOp::create(b, loc, lc.i8Ty, v), out});
  return LLVM::LoadOp::create(b, loc, lc.ptrTy, out);
}

Value MethodLowering::unbox(Location loc, Value handle, Type tsType) {
  if (tsType.isInteger(64)) {
    Value out = slots(loc, lc.i64Ty, 1);
    callChecked(loc, "tsc_value_get_int", {handle, out});
    return LLVM::LoadOp::create(b, loc, lc.i64Ty, out);
  }
  if (tsType.isF64()) {
    Value out = slots(loc, lc.f64Ty, 1);
    callChecked(loc, "tsc_value_get_float", {handle, out});
    return LLVM::LoadOp::create(b, loc, lc.f64Ty, out);
  }
  Value out = slots(loc, lc.i8Ty, 1);
  callChecked(loc, "tsc_value_get_bool", {handle, out});
  Value byte = LLVM::LoadOp::create(b, loc, lc.i8Ty, out);
  return LLVM::TruncOp::create(b, loc, lc.i1Ty, byte);
}

void MethodLowering::release(Location loc, Value handle) {
  call(loc, "tsc_value_release", {handle});
}

/// The handle of a value, boxing a native scalar; a box made here is
/// appended to `temps` for the caller to release.
Value MethodLowering::handleOf(Location loc, Value tsValue,
                               SmallVectorImpl<Value> &temps) {
  Value h = get(tsValue);
  if (isHandleType(tsValue.getType()))
    return h;
  h = box(loc, h, tsValue.getType());
  temps.push_back(h);
  return h;
}

/// Stores the handles of the values (see handleOf) into a new array.
Value MethodLowering::handleArray(Location loc, ValueRange tsValues,
                                  SmallVectorImpl<Value> &temps) {
  Value array = slots(loc, lc.ptrTy, tsValues.size());
  for (auto [i, v] : llvm::enumerate(tsValues))
    LLVM::StoreOp::create(b, loc, handleOf(loc, v, temps),
                          slotAt(loc, array, lc.ptrTy, i));
  return array;
}

/// Defines `results` from the handles a runtime call wrote into `array`,
/// unboxing (and releasing the box of) scalars.
void MethodLowering::defineFromHandles(Location loc, Value array,
                                       ResultRange results) {
  for (auto [i, r] : llvm::enumerate(results)) {
    Value h =
        LLVM::LoadOp::create(b, loc, lc.ptrTy, slotAt(loc, array, lc.ptrTy, i));
    if (isHandleType(r.getType())) {
      map.map(r, h);
      continue;
    }
    map.map(r, unbox(loc, h, r.getType()));
    release(loc, h);
  }
}

/// Converts a lowered value of TorchScript type `from` to the representation
/// of the supertype `to` (boxing a scalar that flows into Optional[int]).
Value MethodLowering::coerce(Location loc, Value v, Type from, Type to) {
  if (isHandleType(to) && !isHandleType(from))
    return box(loc, v, from);
  return v;
}

/// The values for hand-over operands: each gets its own reference, by
/// transfer or copy as planned.
SmallVector<Value> MethodLowering::handOver(Location loc,
                                            MutableArrayRef<OpOperand> ops,
                                            TypeRange targets) {
  SmallVector<Value> values;
  for (auto [operand, target] : llvm::zip(ops, targets)) {
    Value v = get(operand.get());
    Type from = operand.get().getType();
    if (isHandleType(from) && plan.needsCopy(operand)) {
      Value out = slots(loc, lc.ptrTy, 1);
      callChecked(loc, "tsc_value_copy", {v, out});
      v = LLVM::LoadOp::create(b, loc, lc.ptrTy, out);
    }
    values.push_back(coerce(loc, v, from, target));
  }
  return values;
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

FailureOr<LLVM::LLVMFuncOp> MethodLowering::run(StringRef implName) {
  Location loc = func.getLoc();
  SmallVector<Type> params;
  for (Type t : func.getArgumentTypes())
    params.push_back(lc.lower(t));
  params.push_back(lc.ptrTy); // result slot
  b.setInsertionPointToEnd(lc.module.getBody());
  impl = LLVM::LLVMFuncOp::create(b, loc, implName,
                                  LLVM::LLVMFunctionType::get(lc.i32Ty, params),
                                  LLVM::Linkage::Internal);
  entry = impl.addEntryBlock(b);
  errorBlock = new Block();
  impl.getBody().push_back(errorBlock);
  Value status = errorBlock->addArgument(lc.i32Ty, loc);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(errorBlock);
    LLVM::ReturnOp::create(b, loc, ValueRange{status});
  }
  Block &body = func.getBody().front();
  for (auto [tsArg, arg] :
       llvm::zip(body.getArguments(), entry->getArguments()))
    map.map(tsArg, arg);
  resultSlot = entry->getArguments().back();
  b.setInsertionPointToEnd(entry);
  if (auto size = func->getAttrOfType<IntegerAttr>("ts.arena_size")) {
    // This thread's arena for the function; a slot of the object is the
    // function's key.
    Value out = slots(loc, lc.ptrTy, 1);
    callChecked(
        loc, "tsc_arena_get",
        {lc.newCacheSlot(b, loc), lc.constI64(b, loc, size.getInt()), out});
    arena = LLVM::LoadOp::create(b, loc, lc.ptrTy, out);
  }
  planHotOps();
  if (failed(lowerBlock(body)))
    return failure();
  return impl;
}

LogicalResult MethodLowering::lowerBlock(Block &block) {
  for (Value v : plan.releaseOnEntry.lookup(&block))
    release(v.getLoc(), get(v));
  for (Operation &op : block) {
    if (op.getNumResults() == 1 && elided.contains(op.getResult(0)))
      continue;
    if (failed(lowerOp(&op)))
      return failure();
    auto it = plan.releaseAfter.find(&op);
    if (it != plan.releaseAfter.end())
      for (Value v : it->second)
        if (!elided.contains(v))
          release(op.getLoc(), get(v));
  }
  return success();
}

LogicalResult MethodLowering::lowerOp(Operation *op) {
  FailureOr<bool> native = lowerNativeScalar(op);
  if (failed(native))
    return failure();
  if (*native)
    return success();
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case<ts::ConstantOp>([&](auto o) { return lowerConstant(o); })
      .Case<ts::IfOp>([&](auto o) { return lowerIf(o); })
      .Case<ts::LoopOp>([&](auto o) { return lowerLoop(o); })
      .Case<ts::YieldOp>([&](ts::YieldOp o) {
        YieldTarget t = yieldTargets.back();
        MutableArrayRef<OpOperand> operands = o->getOpOperands();
        SmallVector<Value> args;
        if (t.isLoop) {
          // Next iteration: (i + 1, condition, carried...).
          Value one = lc.constI64(b, o.getLoc(), 1);
          args.push_back(LLVM::AddOp::create(b, o.getLoc(), t.iteration, one));
          args.push_back(get(operands.front().get()));
          operands = operands.drop_front();
        }
        llvm::append_range(args, handOver(o.getLoc(), operands, t.types));
        LLVM::BrOp::create(b, o.getLoc(), args, t.dest);
        return success();
      })
      .Case<func::ReturnOp>([&](auto o) { return lowerReturn(o); })
      .Case<ts::ListConstructOp>([&](Operation *o) {
        return lowerContainerConstruct(o, "tsc_list_construct");
      })
      .Case<ts::ListUnpackOp>([&](ts::ListUnpackOp o) {
        return lowerUnpack(o, o.getList(), "tsc_list_unpack");
      })
      .Case<ts::TupleConstructOp>(
          [&](auto o) { return lowerTupleConstruct(o); })
      .Case<ts::DictConstructOp>([&](Operation *o) {
        return lowerContainerConstruct(o, "tsc_dict_construct");
      })
      .Case<ts::IsInstanceOp>([&](auto o) { return lowerIsInstance(o); })
      .Case<ts::TupleUnpackOp>([&](ts::TupleUnpackOp o) {
        return lowerUnpack(o, o.getTuple(), "tsc_tuple_unpack");
      })
      .Case<ts::TupleIndexOp>([&](auto o) { return lowerTupleIndex(o); })
      .Case<ts::UncheckedCastOp>([&](auto o) { return lowerUncheckedCast(o); })
      .Case<ts::UninitializedOp>([&](auto o) { return lowerUninitialized(o); })
      .Case<ts::RaiseExceptionOp>([&](ts::RaiseExceptionOp o) {
        callChecked(o.getLoc(), "tsc_raise_value",
                    {get(o.getMsg()), get(o.getCls())});
        return success();
      })
      .Case<ts::CreateObjectOp>([&](auto o) { return lowerCreateObject(o); })
      .Case<ts::GetAttrOp>([&](auto o) { return lowerGetAttr(o); })
      .Case<ts::SetAttrOp>([&](auto o) { return lowerSetAttr(o); })
      .Case<ts::EnterOp, ts::ExitOp>([&](Operation *o) {
        Location loc = o->getLoc();
        Value out = slots(loc, lc.ptrTy, 1);
        callChecked(
            loc, isa<ts::EnterOp>(o) ? "tsc_context_enter" : "tsc_context_exit",
            {get(o->getOperand(0)), out});
        defineFromHandles(loc, out, o->getResults());
        return success();
      })
      .Case<ts::ForkOp>([&](auto o) { return lowerFork(o); })
      .Case<ts::FusionGroupOp>([&](auto o) { return lowerFusionGroup(o); })
      .Case<ts::AtenWaitOp>([&](ts::AtenWaitOp o) {
        // The interpreter implements wait itself (no registered kernel).
        Location loc = o.getLoc();
        Value out = slots(loc, lc.ptrTy, 1);
        callChecked(loc, "tsc_future_wait", {get(o->getOperand(0)), out});
        defineFromHandles(loc, out, o->getResults());
        return success();
      })
      .Case<ts::CallMethodOp>([&](ts::CallMethodOp o) -> LogicalResult {
        // The frontend inlines every call whose callee it knows; what is
        // left goes through a module interface to a module that a method
        // may replace.
        InFlightDiagnostic diag = o->emitError("cannot compile the call of "
                                               "method '")
                                  << o.getName() << "'";
        if (o->getNumOperands() > 0)
          diag << " on " << o->getOperand(0).getType();
        return diag << ": calls through a module interface are compiled only "
                       "when the module is known (no method assigns the "
                       "attribute)";
      })
      .Case<ts::CallFunctionOp>([&](Operation *o) {
        return o->emitError("cannot compile '")
               << o->getName() << "': calls must be inlined before lowering";
      })
      .Default([&](Operation *o) -> LogicalResult {
        if (const HotOp *hot = hotOps.lookup(o))
          return lowerHotOp(o, *hot);
        if (std::optional<ts::OperatorKey> key = ts::getOperatorKey(o))
          return lowerBoxedCall(o, *key);
        return o->emitError("cannot compile op '") << o->getName() << "'";
      });
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

LogicalResult MethodLowering::lowerConstant(ts::ConstantOp op) {
  FailureOr<Value> v =
      materializeConstant(op.getLoc(), op.getValue(), op.getType());
  if (failed(v))
    return failure();
  map.map(op.getResult(), *v);
  return success();
}

/// The bytes of a dense tensor constant, one element after another as
/// LibTorch stores them (bools one byte each).
static std::string getTensorBytes(DenseElementsAttr attr) {
  Type elem = attr.getElementType();
  std::string bytes;
  if (elem.isInteger(1)) {
    for (bool v : attr.getValues<bool>())
      bytes.push_back(v ? 1 : 0);
    return bytes;
  }
  ArrayRef<char> raw = attr.getRawData();
  if (!attr.isSplat())
    return std::string(raw.data(), raw.size());
  for (int64_t i = 0, e = attr.getNumElements(); i < e; ++i)
    bytes.append(raw.data(), raw.size());
  return bytes;
}

FailureOr<Value>
MethodLowering::materializeConstant(Location loc, Attribute attr, Type type) {
  if (type.isInteger(64) || type.isInteger(1) || type.isF64()) {
    if (auto i = dyn_cast<IntegerAttr>(attr))
      return Value(LLVM::ConstantOp::create(
          b, loc, type, IntegerAttr::get(type, i.getValue().getSExtValue())));
    if (auto f = dyn_cast<FloatAttr>(attr))
      return Value(LLVM::ConstantOp::create(b, loc, type, f));
  }
  Value out = slots(loc, lc.ptrTy, 1);
  auto loadOut = [&]() -> Value {
    return LLVM::LoadOp::create(b, loc, lc.ptrTy, out);
  };
  if (isa<UnitAttr>(attr)) {
    callChecked(loc, "tsc_value_make_none", {out});
    return loadOut();
  }
  if (auto s = dyn_cast<StringAttr>(attr)) {
    if (isa<ts::DeviceType>(type)) {
      callChecked(loc, "tsc_value_make_device",
                  {lc.stringPtr(b, loc, s.getValue()), out});
      return loadOut();
    }
    callChecked(loc, "tsc_value_make_str",
                {lc.stringPtr(b, loc, s.getValue()),
                 lc.constI64(b, loc, s.getValue().size()), out});
    return loadOut();
  }
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    auto shaped = cast<ShapedType>(dense.getType());
    int32_t dtype = getDtypeCode(shaped.getElementType());
    if (dtype < 0)
      return emitError(loc, "cannot embed a tensor constant of element type ")
             << shaped.getElementType();
    std::string bytes = getTensorBytes(dense);
    ArrayRef<int64_t> shape = shaped.getShape();
    std::string sizeBytes(reinterpret_cast<const char *>(shape.data()),
                          shape.size() * sizeof(int64_t));
    // Weights shared by every call are wrapped in place by the runtime:
    // writable data, so that the tensor it makes may be written (as a
    // frozen module's parameters may) without faulting; never copied.
    Value data = lc.bytesPtr(b, loc, bytes, "tensor",
                             /*writable=*/!options.freshTensorConstants);
    Value sizes = lc.bytesPtr(b, loc, sizeBytes, "sizes");
    if (options.freshTensorConstants)
      callChecked(
          loc, lc.cuda ? "tsc_cuda_tensor_from_data" : "tsc_tensor_from_data",
          {data, lc.constI32(b, loc, dtype), lc.constI64(b, loc, shape.size()),
           sizes, out});
    else
      callChecked(loc,
                  lc.cuda ? "tsc_cuda_constant_tensor" : "tsc_constant_tensor",
                  {lc.newCacheSlot(b, loc), data, lc.constI32(b, loc, dtype),
                   lc.constI64(b, loc, shape.size()), sizes, out});
    return loadOut();
  }
  if (auto array = dyn_cast<ArrayAttr>(attr)) {
    SmallVector<Type> elemTypes;
    if (auto list = dyn_cast<ts::ListType>(type))
      elemTypes.assign(array.size(), list.getElementType());
    else if (auto tuple = dyn_cast<ts::TupleType>(type))
      elemTypes.assign(tuple.getElementTypes().begin(),
                       tuple.getElementTypes().end());
    else
      return emitError(loc, "cannot materialize an array constant of type ")
             << type;
    Value elems = slots(loc, lc.ptrTy, array.size());
    SmallVector<Value> temps;
    for (auto [i, pair] : llvm::enumerate(llvm::zip(array, elemTypes))) {
      auto [a, t] = pair;
      FailureOr<Value> v = materializeConstant(loc, a, t);
      if (failed(v))
        return failure();
      Value h = isHandleType(t) ? *v : box(loc, *v, t);
      temps.push_back(h);
      LLVM::StoreOp::create(b, loc, h, slotAt(loc, elems, lc.ptrTy, i));
    }
    Value n = lc.constI64(b, loc, array.size());
    if (isa<ts::ListType>(type))
      callChecked(loc, "tsc_list_construct",
                  {lc.newCacheSlot(b, loc),
                   lc.stringPtr(b, loc, ts::getTorchScriptTypeString(type)),
                   elems, n, out});
    else
      callChecked(loc, "tsc_tuple_construct", {elems, n, out});
    for (Value t : temps)
      release(loc, t);
    return loadOut();
  }
  return emitError(loc, "cannot materialize constant ")
         << attr << " of type " << type;
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

LogicalResult MethodLowering::lowerIf(ts::IfOp op) {
  Location loc = op.getLoc();
  Region &body = impl.getBody();
  auto *thenBlock = new Block(), *elseBlock = new Block(), *cont = new Block();
  body.push_back(thenBlock);
  body.push_back(elseBlock);
  body.push_back(cont);
  for (Value r : op.getResults())
    map.map(r, cont->addArgument(lc.lower(r.getType()), r.getLoc()));
  LLVM::CondBrOp::create(b, loc, get(op.getCondition()), thenBlock,
                         ValueRange{}, elseBlock, ValueRange{});
  yieldTargets.push_back({cont, false, op.getResultTypes(), Value()});
  for (auto [region, block] : {std::pair{&op.getThenRegion(), thenBlock},
                               std::pair{&op.getElseRegion(), elseBlock}}) {
    b.setInsertionPointToStart(block);
    if (failed(lowerBlock(region->front())))
      return failure();
  }
  yieldTargets.pop_back();
  b.setInsertionPointToStart(cont);
  return success();
}

/// prim::fork runs its body at once, on the calling thread, and makes a
/// completed future of the result; `wait` then returns it. TorchScript
/// allows this schedule (a fork may run at any time before its wait); what
/// differs is only when the body's side effects and errors happen. The body
/// owns its arguments (the ownership plan treats them like a loop body's),
/// so each gets a reference of its own.
LogicalResult MethodLowering::lowerFork(ts::ForkOp op) {
  Location loc = op.getLoc();
  Block &tsBody = op.getBody().front();
  for (auto [arg, operand] :
       llvm::zip(tsBody.getArguments(), op.getOperands())) {
    Value v = get(operand);
    if (isHandleType(operand.getType())) {
      Value out = slots(loc, lc.ptrTy, 1);
      callChecked(loc, "tsc_value_copy", {v, out});
      v = LLVM::LoadOp::create(b, loc, lc.ptrTy, out);
    }
    map.map(arg, v);
  }
  auto futureType = cast<ts::FutureType>(op.getType());
  Type resultType = futureType.getElementType();
  auto *cont = new Block();
  impl.getBody().push_back(cont);
  Value result = cont->addArgument(lc.lower(resultType), loc);
  yieldTargets.push_back({cont, false, TypeRange(resultType), Value()});
  if (failed(lowerBlock(tsBody)))
    return failure();
  yieldTargets.pop_back();
  b.setInsertionPointToStart(cont);
  SmallVector<Value> temps;
  Value handle = result;
  if (!isHandleType(resultType)) {
    handle = box(loc, result, resultType);
    temps.push_back(handle);
  } else {
    temps.push_back(result); // the yielded reference; the future has its own
  }
  Value out = slots(loc, lc.ptrTy, 1);
  callChecked(loc, "tsc_future_completed",
              {lc.newCacheSlot(b, loc),
               lc.stringPtr(b, loc, ts::getTorchScriptTypeString(resultType)),
               handle, out});
  for (Value t : temps)
    release(loc, t);
  map.map(op.getResult(), LLVM::LoadOp::create(b, loc, lc.ptrTy, out));
  return success();
}

/// A fusion group calls the runtime, which runs the group's kernel when the
/// inputs suit it (tsc_fusion_run). When they do not, or when the group has
/// no kernel, its body runs as ordinary operators on copies of the input
/// handles (the ownership plan treats the body's arguments as owned, like
/// a fork's).
LogicalResult MethodLowering::lowerFusionGroup(ts::FusionGroupOp op) {
  Location loc = op.getLoc();
  Block &tsBody = op.getBody().front();
  auto *cont = new Block();
  impl.getBody().push_back(cont);
  for (Value r : op.getResults())
    map.map(r, cont->addArgument(lc.ptrTy, r.getLoc()));

  if (std::optional<SymbolRefAttr> kernelRef = op.getKernel()) {
    // The kernel to run: a CPU function, or a GPU kernel of a gpu.binary.
    Value fn, ptx, gpuKernelName;
    if (kernelRef->getNestedReferences().empty()) {
      auto kernel = lc.module.lookupSymbol<LLVM::LLVMFuncOp>(*kernelRef);
      auto notLLVM = [](Operation *o) {
        return isa<LLVM::LLVMDialect>(o->getDialect())
                   ? WalkResult::advance()
                   : WalkResult::interrupt();
      };
      if (!kernel || kernel.walk(notLLVM).wasInterrupted())
        return op.emitError("fusion kernel ")
               << *kernelRef
               << " is not lowered to LLVM (run -tsc-lower-fusion-kernels)";
      fn = LLVM::AddressOfOp::create(b, loc, kernel);
    } else {
      auto binary =
          lc.module.lookupSymbol<gpu::BinaryOp>(kernelRef->getRootReference());
      if (!binary)
        return op.emitError("GPU kernel ")
               << *kernelRef
               << " is not compiled to a gpu.binary (run "
                  "-tsc-lower-gpu-kernels and -tsc-serialize-gpu-kernels)";
      ptx = lc.ptxPtr(b, loc, binary);
      gpuKernelName = lc.stringPtr(b, loc, kernelRef->getLeafReference());
    }
    // Which inputs each result depends on, one bit per input: the runtime
    // checks that every result has the broadcast sizes of all inputs.
    llvm::DenseMap<Value, uint64_t> deps;
    for (auto [i, arg] : llvm::enumerate(tsBody.getArguments()))
      deps[arg] = uint64_t(1) << i;
    for (Operation &inner : tsBody.without_terminator())
      for (Value r : inner.getResults()) {
        uint64_t mask = 0;
        for (Value v : inner.getOperands())
          mask |= deps.lookup(v);
        deps[r] = mask;
      }
    std::string depBytes;
    for (Value v : cast<ts::YieldOp>(tsBody.getTerminator()).getValues()) {
      uint64_t mask = deps.lookup(v);
      depBytes.append(reinterpret_cast<const char *>(&mask), sizeof mask);
    }
    SmallVector<Value> temps;
    Value inputs = handleArray(loc, op.getInputs(), temps);
    Value outs = slots(loc, lc.ptrTy, op.getNumResults());
    Value ran = slots(loc, lc.i8Ty, 1);
    SmallVector<Value> args;
    if (fn)
      args.push_back(fn);
    else
      args.append({ptx, gpuKernelName});
    args.append({inputs, lc.constI64(b, loc, op.getInputs().size()),
                 lc.bytesPtr(b, loc, depBytes, "fusion_deps"), outs,
                 lc.constI64(b, loc, op.getNumResults())});
    // A group with a row reduction runs row by row; the runtime checks its
    // dimension and length against the sizes. So does one with linear
    // layers, whose rows are their outputs'.
    Operation *rowReduction = nullptr;
    std::optional<ts::FusibleLinear> linear;
    for (Operation &inner : tsBody.without_terminator()) {
      if (ts::getFusibleRowReduction(&inner))
        rowReduction = &inner;
      if (!linear)
        linear = ts::getFusibleLinear(&inner);
    }
    if (linear) {
      if (!fn)
        return op.emitError("linear layers in a fusion group are computed "
                            "by CPU kernels only");
      // How the kernel reads each input (tsc_fusion_run_linear): its role
      // bits and, as a layer's input, its row length.
      std::string roles, rowLengths;
      for (BlockArgument arg : tsBody.getArguments()) {
        uint8_t role = 0;
        int64_t k = 0;
        for (Operation *user : arg.getUsers()) {
          std::optional<ts::FusibleLinear> l = ts::getFusibleLinear(user);
          if (!l) {
            role |= TSC_FUSION_ELEMENTWISE;
          } else {
            role |= TSC_FUSION_LINEAR_INPUT;
            k = l->k;
          }
        }
        roles.push_back(static_cast<char>(role));
        rowLengths.append(reinterpret_cast<const char *>(&k), sizeof k);
      }
      args.push_back(lc.bytesPtr(b, loc, roles, "fusion_roles"));
      args.push_back(lc.bytesPtr(b, loc, rowLengths, "fusion_row_lengths"));
      args.push_back(lc.constI64(b, loc, linear->n));
    } else if (rowReduction) {
      args.push_back(lc.constI64(b, loc, ts::getRowReductionDim(rowReduction)));
      args.push_back(
          lc.constI64(b, loc, ts::getRowReductionLength(rowReduction)));
    }
    if (fn)
      appendArenaPlan(op, args);
    args.push_back(ran);
    StringRef runner =
        linear ? "tsc_fusion_run_linear"
        : fn   ? (rowReduction ? "tsc_fusion_run_rows" : "tsc_fusion_run")
               : (rowReduction ? "tsc_cuda_fusion_run_rows"
                               : "tsc_cuda_fusion_run");
    callChecked(loc, runner, args);
    SmallVector<Value> results;
    for (unsigned i = 0; i < op.getNumResults(); ++i)
      results.push_back(LLVM::LoadOp::create(b, loc, lc.ptrTy,
                                             slotAt(loc, outs, lc.ptrTy, i)));
    Value ranByte = LLVM::LoadOp::create(b, loc, lc.i8Ty, ran);
    Value zero =
        LLVM::ConstantOp::create(b, loc, lc.i8Ty, b.getI8IntegerAttr(0));
    Value didRun =
        LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, ranByte, zero);
    auto *fallback = new Block();
    impl.getBody().push_back(fallback);
    LLVM::CondBrOp::create(b, loc, didRun, cont, results, fallback,
                           ValueRange{});
    b.setInsertionPointToStart(fallback);
  }
  for (auto [arg, operand] : llvm::zip(tsBody.getArguments(), op.getInputs())) {
    Value out = slots(loc, lc.ptrTy, 1);
    callChecked(loc, "tsc_value_copy", {get(operand), out});
    map.map(arg, LLVM::LoadOp::create(b, loc, lc.ptrTy, out));
  }
  yieldTargets.push_back({cont, false, op.getResultTypes(), Value()});
  if (failed(lowerBlock(tsBody)))
    return failure();
  yieldTargets.pop_back();
  b.setInsertionPointToStart(cont);
  return success();
}

void MethodLowering::appendArenaPlan(ts::FusionGroupOp op,
                                     SmallVectorImpl<Value> &args) {
  Location loc = op.getLoc();
  std::optional<ArrayRef<int64_t>> offsets = op.getArenaOffsets();
  if (!offsets || !arena) {
    args.append({lc.nullPtr(b, loc), lc.nullPtr(b, loc)});
    return;
  }
  // tsc_planned_output_t per result: constant, so nothing is stored per
  // call.
  std::string plan;
  for (auto [offset, type] : llvm::zip(*offsets, op.getResultTypes())) {
    // The op's verifier checked that a placed result has arena bytes.
    int64_t entry[2] = {offset, offset >= 0 ? *ts::getArenaBytes(type) : 0};
    plan.append(reinterpret_cast<const char *>(entry), sizeof entry);
  }
  args.append({arena, lc.bytesPtr(b, loc, plan, "arena_plan")});
}

LogicalResult MethodLowering::lowerLoop(ts::LoopOp op) {
  Location loc = op.getLoc();
  Region &body = impl.getBody();
  auto *header = new Block(), *bodyBlock = new Block(), *exit = new Block();
  body.push_back(header);
  body.push_back(bodyBlock);
  body.push_back(exit);
  Block &tsBody = op.getBody().front();

  Value i = header->addArgument(lc.i64Ty, loc);
  Value cond = header->addArgument(lc.i1Ty, loc);
  SmallVector<Value> carried;
  for (Type t : op.getResultTypes())
    carried.push_back(header->addArgument(lc.lower(t), loc));

  // Initial values: iteration 0, the initial condition, the carried values.
  SmallVector<Value> init{lc.constI64(b, loc, 0),
                          get(op.getInitialCondition())};
  llvm::append_range(init, handOver(loc, op->getOpOperands().drop_front(2),
                                    op.getResultTypes()));
  LLVM::BrOp::create(b, loc, init, header);

  // Header: go on while i < maxTripCount and the condition holds.
  b.setInsertionPointToStart(header);
  Value inRange = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::slt, i,
                                       get(op.getMaxTripCount()));
  Value go = LLVM::AndOp::create(b, loc, inRange, cond);
  SmallVector<Value> bodyArgs{i};
  llvm::append_range(bodyArgs, carried);
  LLVM::CondBrOp::create(b, loc, go, bodyBlock, bodyArgs, exit, carried);

  for (BlockArgument arg : tsBody.getArguments())
    map.map(arg, bodyBlock->addArgument(lc.lower(arg.getType()), arg.getLoc()));
  for (Value r : op.getResults())
    map.map(r, exit->addArgument(lc.lower(r.getType()), r.getLoc()));

  yieldTargets.push_back(
      {header, true, op.getResultTypes(), bodyBlock->getArgument(0)});
  b.setInsertionPointToStart(bodyBlock);
  if (failed(lowerBlock(tsBody)))
    return failure();
  yieldTargets.pop_back();
  b.setInsertionPointToStart(exit);
  return success();
}

LogicalResult MethodLowering::lowerReturn(func::ReturnOp op) {
  Location loc = op.getLoc();
  if (op.getNumOperands() != 1)
    return op.emitError("a method must return exactly one value");
  Type resultType = func.getResultTypes().front();
  Value v = handOver(loc, op->getOpOperands(), {resultType}).front();
  if (v.getType() == lc.i1Ty)
    v = LLVM::ZExtOp::create(b, loc, lc.i8Ty, v);
  LLVM::StoreOp::create(b, loc, v, resultSlot);
  LLVM::ReturnOp::create(b, loc, ValueRange{lc.constI32(b, loc, 0)});
  return success();
}

//===----------------------------------------------------------------------===//
// Runtime calls
//===----------------------------------------------------------------------===//

LogicalResult MethodLowering::lowerBoxedCall(Operation *op,
                                             const ts::OperatorKey &key) {
  Location loc = op->getLoc();
  SmallVector<Value> temps;
  Value args = handleArray(loc, op->getOperands(), temps);
  Value results = slots(loc, lc.ptrTy, op->getNumResults());
  callChecked(loc, "tsc_call_op",
              {lc.newCacheSlot(b, loc), lc.stringPtr(b, loc, key.name),
               lc.stringPtr(b, loc, key.overload), args,
               lc.constI64(b, loc, op->getNumOperands()), results,
               lc.constI64(b, loc, op->getNumResults())});
  for (Value t : temps)
    release(loc, t);
  defineFromHandles(loc, results, op->getResults());
  return success();
}

//===----------------------------------------------------------------------===//
// Typed operator entry points
//===----------------------------------------------------------------------===//

/// Picks the ops whose every operand fits their typed entry point, then the
/// lists, strings and None constants only those read: such a value is
/// passed in place and never gets a handle. Releases planned after an
/// elided list (its elements' last use) move to its last reader.
void MethodLowering::planHotOps() {
  func.walk([&](Operation *op) {
    std::optional<ts::OperatorKey> key = ts::getOperatorKey(op);
    if (!key)
      return;
    const HotOp *hot = lookupHotOp(key->name, key->overload);
    if (!hot || op->getNumResults() != 1 ||
        !isa<ts::TensorType>(op->getResult(0).getType()) ||
        op->getNumOperands() != hot->params.size())
      return;
    for (auto [v, kind] : llvm::zip(op->getOperands(), hot->params))
      if (!canPassAs(v, kind))
        return;
    hotOps[op] = hot;
  });
  func.walk([&](Operation *def) {
    if (!isa<ts::ListConstructOp, ts::ConstantOp>(def) ||
        def->getNumResults() != 1 || def->getResult(0).use_empty())
      return;
    Value v = def->getResult(0);
    Operation *last = nullptr;
    for (OpOperand &use : v.getUses()) {
      Operation *user = use.getOwner();
      const HotOp *hot = hotOps.lookup(user);
      if (!hot || user->getBlock() != def->getBlock() ||
          !passesWithoutHandle(v, hot->params[use.getOperandNumber()]))
        return;
      if (!last || last->isBeforeInBlock(user))
        last = user;
    }
    elided.insert(v);
    auto it = plan.releaseAfter.find(def);
    if (it == plan.releaseAfter.end())
      return;
    SmallVector<Value> moved = std::move(it->second);
    plan.releaseAfter.erase(it);
    llvm::append_range(plan.releaseAfter[last], moved);
  });
}

LogicalResult MethodLowering::lowerHotOp(Operation *op, const HotOp &hot) {
  Location loc = op->getLoc();
  auto i8 = [&](int v) -> Value {
    return LLVM::ConstantOp::create(b, loc, lc.i8Ty, b.getI8IntegerAttr(v));
  };
  SmallVector<Value> args;
  for (auto [v, kind] : llvm::zip(op->getOperands(), hot.params)) {
    Type t = v.getType();
    switch (kind) {
    case 'T':
    case 'i':
    case 'f':
      args.push_back(get(v));
      break;
    case 'O':
      args.push_back(elided.contains(v) ? lc.nullPtr(b, loc) : get(v));
      break;
    case 'b':
      args.push_back(LLVM::ZExtOp::create(b, loc, lc.i8Ty, get(v)));
      break;
    case 's': {
      Value bits = get(v);
      int32_t scalarKind = 0; // TSC_SCALAR_INT
      if (t.isF64()) {
        bits = LLVM::BitcastOp::create(b, loc, lc.i64Ty, bits);
        scalarKind = 1; // TSC_SCALAR_FLOAT
      } else if (t.isInteger(1)) {
        bits = LLVM::ZExtOp::create(b, loc, lc.i64Ty, bits);
        scalarKind = 2; // TSC_SCALAR_BOOL
      }
      args.append({bits, lc.constI32(b, loc, scalarKind)});
      break;
    }
    case 'n':
      if (t.isInteger(64))
        args.append({get(v), i8(1)});
      else
        args.append({lc.constI64(b, loc, 0), i8(0)});
      break;
    case 'L':
      if (auto c = v.getDefiningOp<ts::ConstantOp>()) {
        auto array = cast<ArrayAttr>(c.getValue());
        SmallVector<int64_t> values;
        for (Attribute a : array)
          values.push_back(cast<IntegerAttr>(a).getInt());
        std::string bytes(reinterpret_cast<const char *>(values.data()),
                          values.size() * sizeof(int64_t));
        args.append({lc.bytesPtr(b, loc, bytes, "ints"),
                     lc.constI64(b, loc, values.size())});
        break;
      }
      [[fallthrough]];
    case 'M': {
      Operation *list = v.getDefiningOp();
      Type elem = kind == 'L' ? lc.i64Ty : lc.ptrTy;
      Value array = slots(loc, elem, list->getNumOperands());
      for (auto [i, e] : llvm::enumerate(list->getOperands()))
        LLVM::StoreOp::create(b, loc, get(e), slotAt(loc, array, elem, i));
      args.append({array, lc.constI64(b, loc, list->getNumOperands())});
      break;
    }
    case 'S':
      args.push_back(lc.stringPtr(
          b, loc,
          cast<StringAttr>(v.getDefiningOp<ts::ConstantOp>().getValue())
              .getValue()));
      break;
    }
  }
  Value out = slots(loc, lc.ptrTy, 1);
  args.push_back(out);
  auto callee = lc.hotOpFunc(hot.symbol, hot.params);
  checkStatus(loc, LLVM::CallOp::create(b, loc, callee, args).getResult());
  map.map(op->getResult(0), LLVM::LoadOp::create(b, loc, lc.ptrTy, out));
  return success();
}

/// A new list or dict: `fn(cache, type string, handles, n, &out)` over the
/// (boxed) elements, key, value, ... for dicts.
LogicalResult MethodLowering::lowerContainerConstruct(Operation *op,
                                                      StringRef fn) {
  Location loc = op->getLoc();
  SmallVector<Value> temps;
  Value elems = handleArray(loc, op->getOperands(), temps);
  Value out = slots(loc, lc.ptrTy, 1);
  callChecked(
      loc, fn,
      {lc.newCacheSlot(b, loc),
       lc.stringPtr(b, loc,
                    ts::getTorchScriptTypeString(op->getResult(0).getType())),
       elems, lc.constI64(b, loc, op->getNumOperands()), out});
  for (Value t : temps)
    release(loc, t);
  map.map(op->getResult(0), LLVM::LoadOp::create(b, loc, lc.ptrTy, out));
  return success();
}

/// isinstance(x, (A, B, ...)): the run-time type test per type, or-ed.
LogicalResult MethodLowering::lowerIsInstance(ts::IsInstanceOp op) {
  Location loc = op.getLoc();
  SmallVector<Value> temps;
  Value operand = handleOf(loc, op.getOperand(), temps);
  Value any =
      LLVM::ConstantOp::create(b, loc, b.getI1Type(), b.getBoolAttr(false));
  for (Type t : op.getTypes().getAsValueRange<TypeAttr>()) {
    Value out = slots(loc, b.getI8Type(), 1);
    callChecked(loc, "tsc_isinstance",
                {lc.newCacheSlot(b, loc),
                 lc.stringPtr(b, loc, ts::getTorchScriptTypeString(t)), operand,
                 out});
    Value byte = LLVM::LoadOp::create(b, loc, b.getI8Type(), out);
    Value bit = LLVM::TruncOp::create(b, loc, b.getI1Type(), byte);
    any = LLVM::OrOp::create(b, loc, any, bit);
  }
  for (Value t : temps)
    release(loc, t);
  map.map(op.getResult(), any);
  return success();
}

//===----------------------------------------------------------------------===//
// Objects made by the method
//===----------------------------------------------------------------------===//

LogicalResult MethodLowering::lowerCreateObject(ts::CreateObjectOp op) {
  Location loc = op.getLoc();
  auto cls = cast<ts::ClassType>(op.getType());
  ArrayRef<LoweringContext::ClassAttribute> attrs = lc.classAttributes(cls);
  Value names = slots(loc, lc.ptrTy, std::max<size_t>(attrs.size(), 1));
  Value types = slots(loc, lc.ptrTy, std::max<size_t>(attrs.size(), 1));
  for (auto [i, attr] : llvm::enumerate(attrs)) {
    LLVM::StoreOp::create(b, loc, lc.stringPtr(b, loc, attr.name),
                          slotAt(loc, names, lc.ptrTy, i));
    LLVM::StoreOp::create(
        b, loc, lc.stringPtr(b, loc, ts::getTorchScriptTypeString(attr.type)),
        slotAt(loc, types, lc.ptrTy, i));
  }
  Value out = slots(loc, lc.ptrTy, 1);
  callChecked(loc, "tsc_object_create",
              {lc.newCacheSlot(b, loc), lc.stringPtr(b, loc, cls.getName()),
               names, types, lc.constI64(b, loc, attrs.size()), out});
  map.map(op.getResult(), LLVM::LoadOp::create(b, loc, lc.ptrTy, out));
  return success();
}

LogicalResult MethodLowering::lowerGetAttr(ts::GetAttrOp op) {
  Location loc = op.getLoc();
  Value out = slots(loc, lc.ptrTy, 1);
  callChecked(loc, "tsc_object_get_attr",
              {get(op.getObject()), lc.stringPtr(b, loc, op.getName()), out});
  defineFromHandles(loc, out, op->getResults());
  return success();
}

LogicalResult MethodLowering::lowerSetAttr(ts::SetAttrOp op) {
  Location loc = op.getLoc();
  SmallVector<Value> temps;
  callChecked(loc, "tsc_object_set_attr",
              {get(op.getObject()), lc.stringPtr(b, loc, op.getName()),
               handleOf(loc, op.getValue(), temps)});
  for (Value t : temps)
    release(loc, t);
  return success();
}

LogicalResult MethodLowering::lowerTupleConstruct(ts::TupleConstructOp op) {
  Location loc = op.getLoc();
  SmallVector<Value> temps;
  Value elems = handleArray(loc, op.getElements(), temps);
  Value out = slots(loc, lc.ptrTy, 1);
  callChecked(loc, "tsc_tuple_construct",
              {elems, lc.constI64(b, loc, op.getElements().size()), out});
  for (Value t : temps)
    release(loc, t);
  map.map(op.getResult(), LLVM::LoadOp::create(b, loc, lc.ptrTy, out));
  return success();
}

LogicalResult MethodLowering::lowerUnpack(Operation *op, Value aggregate,
                                          StringRef fn) {
  Location loc = op->getLoc();
  Value out = slots(loc, lc.ptrTy, op->getNumResults());
  callChecked(loc, fn,
              {get(aggregate), lc.constI64(b, loc, op->getNumResults()), out});
  defineFromHandles(loc, out, op->getResults());
  return success();
}

LogicalResult MethodLowering::lowerTupleIndex(ts::TupleIndexOp op) {
  Location loc = op.getLoc();
  Value out = slots(loc, lc.ptrTy, 1);
  callChecked(loc, "tsc_tuple_index",
              {get(op.getTuple()), get(op.getIndex()), out});
  defineFromHandles(loc, out, op->getResults());
  return success();
}

LogicalResult MethodLowering::lowerUncheckedCast(ts::UncheckedCastOp op) {
  Location loc = op.getLoc();
  Type from = op.getOperand().getType(), to = op.getType();
  Value v = get(op.getOperand());
  if (!isHandleType(to)) {
    map.map(op.getResult(), isHandleType(from) ? unbox(loc, v, to) : v);
    return success();
  }
  if (!isHandleType(from)) {
    map.map(op.getResult(), box(loc, v, from));
    return success();
  }
  // A new reference: the result is owned and released on its own.
  Value out = slots(loc, lc.ptrTy, 1);
  callChecked(loc, "tsc_value_copy", {v, out});
  map.map(op.getResult(), LLVM::LoadOp::create(b, loc, lc.ptrTy, out));
  return success();
}

LogicalResult MethodLowering::lowerUninitialized(ts::UninitializedOp op) {
  Location loc = op.getLoc();
  Type t = op.getType();
  if (t.isF64()) {
    map.map(op.getResult(),
            LLVM::ConstantOp::create(b, loc, t, b.getF64FloatAttr(0)));
  } else if (!isHandleType(t)) {
    map.map(op.getResult(),
            LLVM::ConstantOp::create(b, loc, t, b.getIntegerAttr(t, 0)));
  } else {
    Value out = slots(loc, lc.ptrTy, 1);
    callChecked(loc, "tsc_value_make_none", {out});
    map.map(op.getResult(), LLVM::LoadOp::create(b, loc, lc.ptrTy, out));
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Native scalar arithmetic
//===----------------------------------------------------------------------===//

FailureOr<bool> MethodLowering::lowerNativeScalar(Operation *op) {
  Location loc = op->getLoc();
  auto bin = [&](auto build) {
    map.map(op->getResult(0),
            build(get(op->getOperand(0)), get(op->getOperand(1))));
    return true;
  };
  auto icmp = [&](LLVM::ICmpPredicate p) {
    return bin([&](Value a, Value c) -> Value {
      return LLVM::ICmpOp::create(b, loc, p, a, c);
    });
  };
  auto fcmp = [&](LLVM::FCmpPredicate p) {
    return bin([&](Value a, Value c) -> Value {
      return LLVM::FCmpOp::create(b, loc, p, a, c);
    });
  };
  using IP = LLVM::ICmpPredicate;
  using FP = LLVM::FCmpPredicate;
  return llvm::TypeSwitch<Operation *, bool>(op)
      .Case<ts::AtenAddIntOp>([&](auto) {
        return bin([&](Value a, Value c) -> Value {
          return LLVM::AddOp::create(b, loc, a, c);
        });
      })
      .Case<ts::AtenSubIntOp>([&](auto) {
        return bin([&](Value a, Value c) -> Value {
          return LLVM::SubOp::create(b, loc, a, c);
        });
      })
      .Case<ts::AtenMulIntOp>([&](auto) {
        return bin([&](Value a, Value c) -> Value {
          return LLVM::MulOp::create(b, loc, a, c);
        });
      })
      .Case<ts::AtenLtIntOp>([&](auto) { return icmp(IP::slt); })
      .Case<ts::AtenLeIntOp>([&](auto) { return icmp(IP::sle); })
      .Case<ts::AtenGtIntOp>([&](auto) { return icmp(IP::sgt); })
      .Case<ts::AtenGeIntOp>([&](auto) { return icmp(IP::sge); })
      .Case<ts::AtenEqIntOp>([&](auto) { return icmp(IP::eq); })
      .Case<ts::AtenNeIntOp>([&](auto) { return icmp(IP::ne); })
      .Case<ts::AtenAddFloatOp>([&](auto) {
        return bin([&](Value a, Value c) -> Value {
          return LLVM::FAddOp::create(b, loc, a, c);
        });
      })
      .Case<ts::AtenSubFloatOp>([&](auto) {
        return bin([&](Value a, Value c) -> Value {
          return LLVM::FSubOp::create(b, loc, a, c);
        });
      })
      .Case<ts::AtenMulFloatOp>([&](auto) {
        return bin([&](Value a, Value c) -> Value {
          return LLVM::FMulOp::create(b, loc, a, c);
        });
      })
      .Case<ts::AtenDivFloatOp>([&](auto) {
        return bin([&](Value a, Value c) -> Value {
          return LLVM::FDivOp::create(b, loc, a, c);
        });
      })
      .Case<ts::AtenLtFloatOp>([&](auto) { return fcmp(FP::olt); })
      .Case<ts::AtenGtFloatOp>([&](auto) { return fcmp(FP::ogt); })
      .Case<ts::AtenDunderNotOp>([&](ts::AtenDunderNotOp o) {
        Value t = LLVM::ConstantOp::create(b, loc, lc.i1Ty,
                                           b.getIntegerAttr(lc.i1Ty, 1));
        map.map(o.getResult(),
                LLVM::XOrOp::create(b, loc, get(o.getSelf()), t));
        return true;
      })
      .Default([](Operation *) { return false; });
}

} // namespace

FailureOr<LLVM::LLVMFuncOp> lowerMethodBody(LoweringContext &lc,
                                            func::FuncOp func,
                                            StringRef implName,
                                            BodyOptions options) {
  return MethodLowering(lc, func, options).run(implName);
}

} // namespace tsc
