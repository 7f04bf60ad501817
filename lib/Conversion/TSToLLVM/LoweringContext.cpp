//===- LoweringContext.cpp - shared state of the ts-to-LLVM lowering ------===//

#include "LoweringContext.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"

using namespace mlir;

namespace tsc {

LoweringContext::LoweringContext(ModuleOp module)
    : module(module), ctx(module.getContext()) {
  ptrTy = LLVM::LLVMPointerType::get(ctx);
  voidTy = LLVM::LLVMVoidType::get(ctx);
  i1Ty = IntegerType::get(ctx, 1);
  i8Ty = IntegerType::get(ctx, 8);
  i32Ty = IntegerType::get(ctx, 32);
  i64Ty = IntegerType::get(ctx, 64);
  f64Ty = Float64Type::get(ctx);
}

Type LoweringContext::lower(Type tsType) const {
  if (ts::isScalarType(tsType))
    return tsType;
  return ptrTy;
}

LLVM::LLVMFuncOp LoweringContext::runtimeFunc(StringRef name) {
  if (auto f = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
    return f;
  Type p = ptrTy, i8 = i8Ty, i32 = i32Ty, i64 = i64Ty, f64 = f64Ty;
  // The C ABI of include/tsc/Runtime/tsc_runtime.h. C bool travels as i8.
  struct Decl {
    StringRef name;
    Type result;
    SmallVector<Type> params;
  };
  const Decl decls[] = {
      {"tsc_value_release", voidTy, {p}},
      {"tsc_value_copy", i32, {p, p}},
      {"tsc_value_make_none", i32, {p}},
      {"tsc_value_make_int", i32, {i64, p}},
      {"tsc_value_make_float", i32, {f64, p}},
      {"tsc_value_make_bool", i32, {i8, p}},
      {"tsc_value_make_str", i32, {p, i64, p}},
      {"tsc_value_make_device", i32, {p, p}},
      {"tsc_value_get_int", i32, {p, p}},
      {"tsc_value_get_float", i32, {p, p}},
      {"tsc_value_get_bool", i32, {p, p}},
      {"tsc_frame_enter", p, {}},
      {"tsc_frame_exit", voidTy, {p, i32, p, i64}},
      {"tsc_constant_tensor", i32, {p, p, i32, i64, p, p}},
      {"tsc_tensor_from_data", i32, {p, i32, i64, p, p}},
      {"tsc_model_create", i32, {p, p}},
      {"tsc_model_self", p, {p}},
      {"tsc_model_free", voidTy, {p}},
      {"tsc_call_op", i32, {p, p, p, p, i64, p, i64}},
      {"tsc_list_construct", i32, {p, p, p, i64, p}},
      {"tsc_dict_construct", i32, {p, p, p, i64, p}},
      {"tsc_isinstance", i32, {p, p, p, p}},
      {"tsc_future_completed", i32, {p, p, p, p}},
      {"tsc_future_wait", i32, {p, p}},
      {"tsc_arena_get", i32, {p, i64, p}},
      {"tsc_fusion_run", i32, {p, p, i64, p, p, i64, p, p, p}},
      {"tsc_fusion_run_rows", i32, {p, p, i64, p, p, i64, i64, i64, p, p, p}},
      {"tsc_fusion_run_linear",
       i32,
       {p, p, i64, p, p, i64, p, p, i64, p, p, p}},
      {"tsc_cuda_require", i32, {}},
      {"tsc_cuda_constant_tensor", i32, {p, p, i32, i64, p, p}},
      {"tsc_cuda_tensor_from_data", i32, {p, i32, i64, p, p}},
      {"tsc_cuda_fusion_run", i32, {p, p, p, i64, p, p, i64, p}},
      {"tsc_cuda_fusion_run_rows", i32, {p, p, p, i64, p, p, i64, i64, i64, p}},
      {"tsc_object_create", i32, {p, p, p, p, i64, p}},
      {"tsc_object_get_attr", i32, {p, p, p}},
      {"tsc_object_set_attr", i32, {p, p, p}},
      {"tsc_context_enter", i32, {p, p}},
      {"tsc_context_exit", i32, {p, p}},
      {"tsc_list_unpack", i32, {p, i64, p}},
      {"tsc_tuple_construct", i32, {p, i64, p}},
      {"tsc_tuple_unpack", i32, {p, i64, p}},
      {"tsc_tuple_index", i32, {p, i64, p}},
      {"tsc_raise", i32, {p}},
      {"tsc_raise_value", i32, {p, p}},
      {"tsc_check_arg", i32, {p, i64, p, p, i32, i64, p}},
      {"tsc_error_arg_count", i32, {p, i64, i64}},
      {"tsc_error_no_method", i32, {p}},
      {"strcmp", i32, {p, p}},
  };
  for (const Decl &d : decls) {
    if (d.name != name)
      continue;
    OpBuilder b(ctx);
    b.setInsertionPointToEnd(module.getBody());
    return LLVM::LLVMFuncOp::create(
        b, module.getLoc(), name,
        LLVM::LLVMFunctionType::get(d.result, d.params));
  }
  llvm::report_fatal_error("tsc: unknown runtime function requested");
}

Value LoweringContext::ptxPtr(OpBuilder &b, Location loc, Operation *binary) {
  LLVM::GlobalOp &global = ptxGlobals[binary];
  if (!global) {
    auto object =
        cast<gpu::ObjectAttr>(cast<gpu::BinaryOp>(binary).getObjects()[0]);
    std::string text = object.getObject().str();
    text.push_back('\0');
    std::string name = "__tsc_cuda_ptx";
    for (unsigned n = 1; module.lookupSymbol(name); ++n)
      name = "__tsc_cuda_ptx_" + std::to_string(n);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    global = LLVM::GlobalOp::create(
        b, loc, LLVM::LLVMArrayType::get(i8Ty, text.size()),
        /*isConstant=*/true, LLVM::Linkage::Internal, name,
        b.getStringAttr(text));
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

LLVM::LLVMFuncOp LoweringContext::hotOpFunc(StringRef symbol,
                                            StringRef params) {
  if (auto f = module.lookupSymbol<LLVM::LLVMFuncOp>(symbol))
    return f;
  SmallVector<Type> types;
  for (char kind : params) {
    switch (kind) {
    case 'i':
      types.push_back(i64Ty);
      break;
    case 'f':
      types.push_back(f64Ty);
      break;
    case 'b':
      types.push_back(i8Ty);
      break;
    case 's':
      types.append({i64Ty, i32Ty});
      break;
    case 'n':
      types.append({i64Ty, i8Ty});
      break;
    case 'L':
    case 'M':
      types.append({ptrTy, i64Ty});
      break;
    default: // T, O, S
      types.push_back(ptrTy);
      break;
    }
  }
  types.push_back(ptrTy); // out
  OpBuilder b(ctx);
  b.setInsertionPointToEnd(module.getBody());
  return LLVM::LLVMFuncOp::create(b, module.getLoc(), symbol,
                                  LLVM::LLVMFunctionType::get(i32Ty, types));
}

LLVM::GlobalOp LoweringContext::makeGlobal(Location loc, Type type,
                                           bool isConstant, StringRef prefix,
                                           Attribute init, uint64_t alignment) {
  OpBuilder b(ctx);
  b.setInsertionPointToStart(module.getBody());
  std::string name = ("__tsc_" + prefix + "_" + Twine(nextGlobal++)).str();
  return LLVM::GlobalOp::create(b, loc, type, isConstant,
                                LLVM::Linkage::Internal, name, init, alignment);
}

Value LoweringContext::stringPtr(OpBuilder &b, Location loc, StringRef s) {
  LLVM::GlobalOp &global = strings[s];
  if (!global) {
    std::string data = s.str();
    data.push_back('\0');
    global = makeGlobal(loc, LLVM::LLVMArrayType::get(i8Ty, data.size()),
                        /*isConstant=*/true, "str", StringAttr::get(ctx, data),
                        /*alignment=*/1);
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value LoweringContext::bytesPtr(OpBuilder &b, Location loc, StringRef bytes,
                                StringRef prefix, bool writable) {
  // Dense i8 elements rather than a string: the same bytes in the object,
  // but IR dumps can elide them (--mlir-elide-elementsattrs-if-larger).
  if (bytes.empty())
    bytes = StringRef("\0", 1);
  auto init = DenseElementsAttr::getFromRawBuffer(
      RankedTensorType::get({static_cast<int64_t>(bytes.size())}, i8Ty),
      ArrayRef<char>(bytes.data(), bytes.size()));
  // Attributes are uniqued: equal bytes (the same weight frozen into two
  // methods) share one global.
  LLVM::GlobalOp &global = byteArrays[{init, writable ? 1u : 0u}];
  if (!global)
    global = makeGlobal(loc, LLVM::LLVMArrayType::get(i8Ty, bytes.size()),
                        /*isConstant=*/!writable, prefix, init,
                        /*alignment=*/64);
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value LoweringContext::newCacheSlot(OpBuilder &b, Location loc) {
  auto global = makeGlobal(loc, ptrTy, /*isConstant=*/false, "cache",
                           Attribute(), /*alignment=*/8);
  // A zero initializer region: the slot starts as a null pointer.
  OpBuilder ib(ctx);
  ib.createBlock(&global.getInitializerRegion());
  LLVM::ReturnOp::create(ib, loc,
                         ValueRange{LLVM::ZeroOp::create(ib, loc, ptrTy)});
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value LoweringContext::constI32(OpBuilder &b, Location loc, int32_t v) {
  return LLVM::ConstantOp::create(b, loc, i32Ty, b.getI32IntegerAttr(v));
}

Value LoweringContext::constI64(OpBuilder &b, Location loc, int64_t v) {
  return LLVM::ConstantOp::create(b, loc, i64Ty, b.getI64IntegerAttr(v));
}

Value LoweringContext::nullPtr(OpBuilder &b, Location loc) {
  return LLVM::ZeroOp::create(b, loc, ptrTy);
}

/// Every GetAttr and SetAttr on a value of the class, in order of first
/// use; an attribute is typed by a read (the declared type) or else by the
/// value stored.
ArrayRef<LoweringContext::ClassAttribute>
LoweringContext::classAttributes(Type classType) {
  if (!classes) {
    classes.emplace();
    auto note = [&](Type cls, StringRef name, Type type, bool declared) {
      SmallVector<ClassAttribute> &attrs = (*classes)[cls];
      for (ClassAttribute &a : attrs)
        if (a.name == name) {
          if (declared)
            a.type = type;
          return;
        }
      attrs.push_back({name.str(), type});
    };
    module.walk([&](Operation *op) {
      if (auto get = dyn_cast<ts::GetAttrOp>(op))
        note(get.getObject().getType(), get.getName(), get.getType(), true);
      else if (auto set = dyn_cast<ts::SetAttrOp>(op))
        note(set.getObject().getType(), set.getName(), set.getValue().getType(),
             false);
    });
  }
  return (*classes)[classType];
}

} // namespace tsc
