//===- EntryPoints.cpp - the symbols a compiled model exports -------------===//
//
// Per model, `<model>_load`/`<model>_free` (an instance, holding the module
// state, if any); per method, the typed C API `<model>_<method>`; per model,
// the boxed `<model>_run` and `<model>_signature`. Both call kinds take the
// instance, check their arguments against the signature, run the method's
// native code inside a runtime frame, and hand the results to the caller.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"
#include "Ownership.h"
#include "tsc/Dialect/TS/IR/TSTypes.h"

using namespace mlir;
namespace LLVM = mlir::LLVM;

namespace tsc {
namespace {

/// Builds one exported function: straight-line code whose runtime calls
/// branch to a shared failure block that closes the frame.
class EntryBuilder {
public:
  EntryBuilder(LoweringContext &lc, LLVM::LLVMFuncOp fn)
      : lc(lc), fn(fn), b(lc.ctx), loc(fn.getLoc()) {
    entry = fn.addEntryBlock(b);
    b.setInsertionPointToStart(entry);
  }

  LoweringContext &lc;
  LLVM::LLVMFuncOp fn;
  OpBuilder b;
  Location loc;
  Block *entry;
  Block *failBlock = nullptr;
  Value frame;

  Value arg(unsigned i) { return entry->getArgument(i); }

  Value call(StringRef callee, ValueRange args) {
    auto op = LLVM::CallOp::create(b, loc, lc.runtimeFunc(callee), args);
    return op.getNumResults() ? op.getResult() : Value();
  }

  Value slot(Type elem, int64_t n = 1) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(entry);
    return LLVM::AllocaOp::create(b, loc, lc.ptrTy, elem,
                                  lc.constI64(b, loc, std::max<int64_t>(n, 1)),
                                  8);
  }

  Value at(Value base, int64_t i) {
    if (i == 0)
      return base;
    return LLVM::GEPOp::create(b, loc, lc.ptrTy, lc.ptrTy, base,
                               ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
  }

  /// Opens the frame; failures after this close it.
  void enterFrame() {
    frame = call("tsc_frame_enter", {});
    failBlock = new Block();
    fn.getBody().push_back(failBlock);
    Value status = failBlock->addArgument(lc.i32Ty, loc);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(failBlock);
    call("tsc_frame_exit",
         {frame, status, lc.nullPtr(b, loc), lc.constI64(b, loc, 0)});
    LLVM::ReturnOp::create(b, loc, ValueRange{status});
  }

  /// Returns `status` (non-zero) from the function when `cond` holds, else
  /// goes on.
  void failIf(Value cond, Value status) {
    Block *cont = new Block();
    fn.getBody().push_back(cont);
    if (failBlock) {
      LLVM::CondBrOp::create(b, loc, cond, failBlock, ValueRange{status}, cont,
                             ValueRange{});
    } else {
      Block *ret = new Block();
      fn.getBody().push_back(ret);
      LLVM::CondBrOp::create(b, loc, cond, ret, ValueRange{}, cont,
                             ValueRange{});
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ret);
      LLVM::ReturnOp::create(b, loc, ValueRange{status});
    }
    b.setInsertionPointToStart(cont);
  }

  void check(Value status) {
    failIf(LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, status,
                                lc.constI32(b, loc, 0)),
           status);
  }

  /// Fails with `message` when the pointer `p` is null.
  void requireNonNull(Value p, StringRef message) {
    Value isNull = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, p,
                                        lc.nullPtr(b, loc));
    Block *cont = new Block(), *bad = new Block();
    fn.getBody().push_back(bad);
    fn.getBody().push_back(cont);
    LLVM::CondBrOp::create(b, loc, isNull, bad, ValueRange{}, cont,
                           ValueRange{});
    b.setInsertionPointToStart(bad);
    Value st = call("tsc_raise", {lc.stringPtr(b, loc, message)});
    if (failBlock)
      LLVM::BrOp::create(b, loc, ValueRange{st}, failBlock);
    else
      LLVM::ReturnOp::create(b, loc, ValueRange{st});
    b.setInsertionPointToStart(cont);
  }

  /// Checks a handle argument against its TorchScript type.
  void checkArg(Value handle, int64_t index, const NamedValue &a) {
    int32_t dtype = -1;
    int64_t ndim = -1;
    Value sizes = lc.nullPtr(b, loc);
    if (auto t = dyn_cast<ts::TensorType>(a.type)) {
      dtype = getDtypeCode(t.getDtype());
      if (t.hasSizes()) {
        ndim = t.getSizes()->size();
        std::string bytes(reinterpret_cast<const char *>(t.getSizes()->data()),
                          ndim * sizeof(int64_t));
        sizes = lc.bytesPtr(b, loc, bytes, "argsizes");
      }
    }
    check(
        call("tsc_check_arg",
             {handle, lc.constI64(b, loc, index), lc.stringPtr(b, loc, a.name),
              lc.stringPtr(b, loc, ts::getTorchScriptTypeString(a.type)),
              lc.constI32(b, loc, dtype), lc.constI64(b, loc, ndim), sizes}));
  }

  /// The scalar inside a handle (checked), in its native representation.
  Value unbox(Value handle, CValueKind kind) {
    StringRef callee = kind == CValueKind::Int     ? "tsc_value_get_int"
                       : kind == CValueKind::Float ? "tsc_value_get_float"
                                                   : "tsc_value_get_bool";
    Type t = kind == CValueKind::Int     ? lc.i64Ty
             : kind == CValueKind::Float ? lc.f64Ty
                                         : lc.i8Ty;
    Value out = slot(t);
    check(call(callee, {handle, out}));
    return LLVM::LoadOp::create(b, loc, t, out);
  }

  /// A new handle for a native scalar (bools as i8).
  Value box(Value v, CValueKind kind) {
    StringRef callee = kind == CValueKind::Int     ? "tsc_value_make_int"
                       : kind == CValueKind::Float ? "tsc_value_make_float"
                                                   : "tsc_value_make_bool";
    Value out = slot(lc.ptrTy);
    check(call(callee, {v, out}));
    return LLVM::LoadOp::create(b, loc, lc.ptrTy, out);
  }

  Value toI1(Value byte) {
    return LLVM::ICmpOp::create(
        b, loc, LLVM::ICmpPredicate::ne, byte,
        LLVM::ConstantOp::create(b, loc, lc.i8Ty, b.getI8IntegerAttr(0)));
  }

  /// Runs the method; returns its result as stored in the slot (bool: i8).
  Value callImpl(LLVM::LLVMFuncOp impl, ValueRange args, Type resultType) {
    Type stored = resultType == lc.i1Ty ? lc.i8Ty : resultType;
    Value result = slot(stored);
    SmallVector<Value> all(args);
    all.push_back(result);
    check(LLVM::CallOp::create(b, loc, impl, all).getResult());
    return LLVM::LoadOp::create(b, loc, stored, result);
  }

  /// Closes the frame keeping `keep`, and returns TSC_OK.
  void succeed(ArrayRef<Value> keep) {
    Value array = slot(lc.ptrTy, keep.size());
    for (auto [i, h] : llvm::enumerate(keep))
      LLVM::StoreOp::create(b, loc, h, at(array, i));
    call("tsc_frame_exit", {frame, lc.constI32(b, loc, 0), array,
                            lc.constI64(b, loc, keep.size())});
    LLVM::ReturnOp::create(b, loc, ValueRange{lc.constI32(b, loc, 0)});
  }
};

/// A new function at the end of the module (exported unless `linkage`
/// says otherwise).
LLVM::LLVMFuncOp addFunction(LoweringContext &lc, Location loc,
                             const Twine &name, Type result,
                             ArrayRef<Type> params,
                             LLVM::Linkage linkage = LLVM::Linkage::External) {
  OpBuilder top(lc.ctx);
  top.setInsertionPointToEnd(lc.module.getBody());
  return LLVM::LLVMFuncOp::create(top, loc, name.str(),
                                  LLVM::LLVMFunctionType::get(result, params),
                                  linkage);
}

Type abiType(LoweringContext &lc, Type tsType) {
  switch (getCValueKind(tsType)) {
  case CValueKind::Int:
    return lc.i64Ty;
  case CValueKind::Float:
    return lc.f64Ty;
  case CValueKind::Bool:
    return lc.i8Ty;
  case CValueKind::Handle:
    return lc.ptrTy;
  }
  llvm_unreachable("unknown kind");
}

/// int32_t <model>_<method>(<typed args>, <typed out-params>)
void emitTypedEntry(LoweringContext &lc, StringRef model,
                    const MethodSignature &m, LLVM::LLVMFuncOp impl) {
  SmallVector<Type> params{lc.ptrTy}; // the instance
  for (const NamedValue &a : m.args)
    params.push_back(abiType(lc, a.type));
  for (size_t i = 0; i < m.outputs.size(); ++i)
    params.push_back(lc.ptrTy);
  auto fn =
      addFunction(lc, m.func->getLoc(), model + "_" + m.name, lc.i32Ty, params);
  EntryBuilder e(lc, fn);
  unsigned nargs = m.args.size() + 1;
  e.requireNonNull(e.arg(0), m.name + "(): the model instance is null");
  for (size_t i = 0; i < m.outputs.size(); ++i)
    e.requireNonNull(e.arg(nargs + i), m.name + "(): output pointer '" +
                                           m.outputs[i].name + "' is null");
  e.enterFrame();
  SmallVector<Value> args;
  if (m.takesSelf)
    args.push_back(e.call("tsc_model_self", {e.arg(0)}));
  for (auto [i, a] : llvm::enumerate(m.args)) {
    Value v = e.arg(i + 1);
    CValueKind kind = getCValueKind(a.type);
    if (kind == CValueKind::Handle)
      e.checkArg(v, i, a);
    args.push_back(kind == CValueKind::Bool ? e.toI1(v) : v);
  }
  Value result = e.callImpl(impl, args, lc.lower(m.resultType));
  SmallVector<Value> keep;
  if (m.flattensTuple) {
    Value elems = e.slot(lc.ptrTy, m.outputs.size());
    e.check(e.call("tsc_tuple_unpack",
                   {result, lc.constI64(e.b, e.loc, m.outputs.size()), elems}));
    for (auto [i, o] : llvm::enumerate(m.outputs)) {
      Value h = LLVM::LoadOp::create(e.b, e.loc, lc.ptrTy, e.at(elems, i));
      CValueKind kind = getCValueKind(o.type);
      Value v = h;
      if (kind != CValueKind::Handle)
        v = e.unbox(h, kind);
      else
        keep.push_back(h);
      LLVM::StoreOp::create(e.b, e.loc, v, e.arg(nargs + i));
    }
  } else {
    if (isHandleType(m.resultType))
      keep.push_back(result);
    LLVM::StoreOp::create(e.b, e.loc, result, e.arg(nargs));
  }
  e.succeed(keep);
}

/// int32_t <model>_<method>_boxed(tsc_model_t *model,
///                                tsc_value_t *const *args, int64_t nargs,
///                                tsc_value_t **result)
/// `model` is checked by <model>_run, the only caller.
LLVM::LLVMFuncOp emitBoxedEntry(LoweringContext &lc, StringRef model,
                                const MethodSignature &m,
                                LLVM::LLVMFuncOp impl) {
  auto fn = addFunction(lc, m.func->getLoc(), model + "_" + m.name + "_boxed",
                        lc.i32Ty, {lc.ptrTy, lc.ptrTy, lc.i64Ty, lc.ptrTy},
                        LLVM::Linkage::Internal);
  EntryBuilder e(lc, fn);
  OpBuilder &b = e.b;
  Location loc = e.loc;
  Value instance = e.arg(0);
  Value argArray = e.arg(1), count = e.arg(2), resultPtr = e.arg(3);
  int64_t n = m.args.size();
  Value wrongCount = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne,
                                          count, lc.constI64(b, loc, n));
  {
    Block *bad = new Block(), *cont = new Block();
    fn.getBody().push_back(bad);
    fn.getBody().push_back(cont);
    LLVM::CondBrOp::create(b, loc, wrongCount, bad, ValueRange{}, cont,
                           ValueRange{});
    b.setInsertionPointToStart(bad);
    Value st = e.call("tsc_error_arg_count", {lc.stringPtr(b, loc, m.name),
                                              lc.constI64(b, loc, n), count});
    LLVM::ReturnOp::create(b, loc, ValueRange{st});
    b.setInsertionPointToStart(cont);
  }
  e.requireNonNull(resultPtr, m.name + "(): result pointer is null");
  if (n > 0)
    e.requireNonNull(argArray, m.name + "(): argument array is null");
  e.enterFrame();
  SmallVector<Value> args;
  if (m.takesSelf)
    args.push_back(e.call("tsc_model_self", {instance}));
  for (auto [i, a] : llvm::enumerate(m.args)) {
    Value h = LLVM::LoadOp::create(b, loc, lc.ptrTy, e.at(argArray, i));
    e.checkArg(h, i, a);
    CValueKind kind = getCValueKind(a.type);
    if (kind == CValueKind::Handle)
      args.push_back(h);
    else if (kind == CValueKind::Bool)
      args.push_back(e.toI1(e.unbox(h, kind)));
    else
      args.push_back(e.unbox(h, kind));
  }
  Value result = e.callImpl(impl, args, lc.lower(m.resultType));
  CValueKind kind = getCValueKind(m.resultType);
  if (kind != CValueKind::Handle)
    result = e.box(result, kind);
  LLVM::StoreOp::create(b, loc, result, resultPtr);
  e.succeed({result});
  return fn;
}

/// int32_t <model>_run(tsc_model_t *model, const char *method,
///                     tsc_value_t *const *args, int64_t nargs,
///                     tsc_value_t **result)
void emitRun(LoweringContext &lc, StringRef model,
             ArrayRef<MethodSignature> methods,
             ArrayRef<LLVM::LLVMFuncOp> boxed) {
  auto fn = addFunction(lc, lc.module.getLoc(), model + "_run", lc.i32Ty,
                        {lc.ptrTy, lc.ptrTy, lc.ptrTy, lc.i64Ty, lc.ptrTy});
  EntryBuilder e(lc, fn);
  OpBuilder &b = e.b;
  Location loc = e.loc;
  Value method = e.arg(1);
  e.requireNonNull(e.arg(0), "the model instance is null");
  e.requireNonNull(method, "the method name is null");
  for (auto [m, callee] : llvm::zip(methods, boxed)) {
    Value cmp = e.call("strcmp", {method, lc.stringPtr(b, loc, m.name)});
    Value match = LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, cmp,
                                       lc.constI32(b, loc, 0));
    Block *hit = new Block(), *next = new Block();
    fn.getBody().push_back(hit);
    fn.getBody().push_back(next);
    LLVM::CondBrOp::create(b, loc, match, hit, ValueRange{}, next,
                           ValueRange{});
    b.setInsertionPointToStart(hit);
    Value st =
        LLVM::CallOp::create(b, loc, callee,
                             ValueRange{e.arg(0), e.arg(2), e.arg(3), e.arg(4)})
            .getResult();
    LLVM::ReturnOp::create(b, loc, ValueRange{st});
    b.setInsertionPointToStart(next);
  }
  Value st = e.call("tsc_error_no_method", {method});
  LLVM::ReturnOp::create(b, loc, ValueRange{st});
}

/// int32_t <model>_load(tsc_model_t **out): a new instance, with its own
/// copy of the module state that `loader` builds (if any).
void emitLoad(LoweringContext &lc, StringRef model, LLVM::LLVMFuncOp loader) {
  auto fn = addFunction(lc, lc.module.getLoc(), model + "_load", lc.i32Ty,
                        {lc.ptrTy});
  EntryBuilder e(lc, fn);
  e.requireNonNull(e.arg(0), "load(): output pointer is null");
  e.enterFrame();
  // A CUDA model fails to load, with the reason, where it cannot run.
  if (lc.cuda)
    e.check(e.call("tsc_cuda_require", {}));
  Value self =
      loader ? e.callImpl(loader, {}, lc.ptrTy) : lc.nullPtr(e.b, e.loc);
  e.check(e.call("tsc_model_create", {self, e.arg(0)}));
  e.succeed({});
}

/// void <model>_free(tsc_model_t *model)
void emitFree(LoweringContext &lc, StringRef model) {
  auto fn = addFunction(lc, lc.module.getLoc(), model + "_free", lc.voidTy,
                        {lc.ptrTy});
  EntryBuilder e(lc, fn);
  e.call("tsc_model_free", {e.arg(0)});
  LLVM::ReturnOp::create(e.b, e.loc, ValueRange{});
}

/// const char *<model>_signature(void)
void emitSignature(LoweringContext &lc, StringRef model,
                   ArrayRef<MethodSignature> methods) {
  auto fn =
      addFunction(lc, lc.module.getLoc(), model + "_signature", lc.ptrTy, {});
  EntryBuilder e(lc, fn);
  Value json = lc.stringPtr(e.b, e.loc, getSignatureJSON(model, methods));
  LLVM::ReturnOp::create(e.b, e.loc, ValueRange{json});
}

} // namespace

LogicalResult emitEntryPoints(LoweringContext &lc, StringRef model,
                              ArrayRef<MethodSignature> methods,
                              ArrayRef<LLVM::LLVMFuncOp> impls,
                              LLVM::LLVMFuncOp loader) {
  emitLoad(lc, model, loader);
  emitFree(lc, model);
  SmallVector<LLVM::LLVMFuncOp> boxed;
  for (auto [m, impl] : llvm::zip(methods, impls)) {
    emitTypedEntry(lc, model, m, impl);
    boxed.push_back(emitBoxedEntry(lc, model, m, impl));
  }
  emitRun(lc, model, methods, boxed);
  emitSignature(lc, model, methods);
  return success();
}

} // namespace tsc
