//===- ExternalWeights.cpp - weights in a file beside the object ----------===//

#include "tsc/Target/ExternalWeights.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"

using namespace mlir;

namespace tsc {

/// FNV-1a, 64 bits: cheap, and enough to tell one model's weights from
/// another's or from a damaged file.
static uint64_t checksum(llvm::StringRef bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

/// The bytes of a global's dense initializer.
static std::string bytesOf(DenseElementsAttr init) {
  ArrayRef<char> raw = init.getRawData();
  if (!init.isSplat())
    return std::string(raw.data(), raw.size());
  std::string bytes;
  for (int64_t i = 0, e = init.getNumElements(); i < e; ++i)
    bytes.append(raw.data(), raw.size());
  return bytes;
}

FailureOr<std::string> externalizeWeights(ModuleOp module, StringRef model,
                                          StringRef path) {
  MLIRContext *ctx = module.getContext();
  OpBuilder b(ctx);
  Location loc = module.getLoc();
  Type ptrTy = LLVM::LLVMPointerType::get(ctx), i8Ty = b.getI8Type(),
       i32Ty = b.getI32Type(), i64Ty = b.getI64Type();

  std::string blob;
  llvm::StringMap<uint64_t> offsets;
  SmallVector<LLVM::GlobalOp> tensors;
  for (auto global : module.getOps<LLVM::GlobalOp>()) {
    auto init = dyn_cast_or_null<DenseElementsAttr>(global.getValueOrNull());
    if (!global.getSymName().starts_with("__tsc_tensor_") || !init)
      continue;
    blob.resize(llvm::alignTo(blob.size(), 64), '\0');
    offsets[global.getSymName()] = blob.size();
    blob += bytesOf(init);
    tensors.push_back(global);
  }
  if (tensors.empty())
    return blob;

  auto load = module.lookupSymbol<LLVM::LLVMFuncOp>((model + "_load").str());
  if (!load || load.isExternal())
    return module.emitError("externalizing weights: no function '")
           << model << "_load'";

  // The mapping's address, filled by tsc_weights_map at the first load.
  b.setInsertionPointToStart(module.getBody());
  auto base = LLVM::GlobalOp::create(b, loc, ptrTy, /*isConstant=*/false,
                                     LLVM::Linkage::Internal,
                                     "__tsc_weights_base", Attribute());
  {
    Block *init = b.createBlock(&base.getInitializerRegion());
    b.setInsertionPointToStart(init);
    LLVM::ReturnOp::create(b, loc, LLVM::ZeroOp::create(b, loc, ptrTy));
  }
  std::string pathBytes = path.str();
  pathBytes.push_back('\0');
  b.setInsertionPointToStart(module.getBody());
  auto pathGlobal = LLVM::GlobalOp::create(
      b, loc, LLVM::LLVMArrayType::get(i8Ty, pathBytes.size()),
      /*isConstant=*/true, LLVM::Linkage::Internal, "__tsc_weights_path",
      b.getStringAttr(pathBytes));

  // Each tensor's address is the mapping plus its offset.
  SmallVector<LLVM::AddressOfOp> uses;
  module.walk([&](LLVM::AddressOfOp op) {
    if (offsets.count(op.getGlobalName()))
      uses.push_back(op);
  });
  for (LLVM::AddressOfOp op : uses) {
    b.setInsertionPoint(op);
    Value mapped = LLVM::LoadOp::create(
        b, op.getLoc(), ptrTy, LLVM::AddressOfOp::create(b, op.getLoc(), base));
    Value at = LLVM::GEPOp::create(b, op.getLoc(), ptrTy, i8Ty, mapped,
                                   ArrayRef<LLVM::GEPArg>{static_cast<int64_t>(
                                       offsets[op.getGlobalName()])});
    op.replaceAllUsesWith(at);
    op.erase();
  }
  for (LLVM::GlobalOp global : tensors)
    global.erase();

  // <model>_load maps the file first and fails with its status if it
  // cannot.
  auto mapFn = module.lookupSymbol<LLVM::LLVMFuncOp>("tsc_weights_map");
  if (!mapFn) {
    b.setInsertionPointToEnd(module.getBody());
    mapFn = LLVM::LLVMFuncOp::create(
        b, loc, "tsc_weights_map",
        LLVM::LLVMFunctionType::get(i32Ty, {ptrTy, i64Ty, i64Ty, ptrTy}));
  }
  Block *entry = &load.getBody().front();
  Block *rest = entry->splitBlock(entry->begin());
  auto *failed = new Block();
  load.getBody().push_back(failed);
  Value status = failed->addArgument(i32Ty, loc);
  b.setInsertionPointToEnd(entry);
  Value st =
      LLVM::CallOp::create(
          b, loc, mapFn,
          ValueRange{
              LLVM::AddressOfOp::create(b, loc, pathGlobal),
              LLVM::ConstantOp::create(
                  b, loc, i64Ty,
                  b.getI64IntegerAttr(static_cast<int64_t>(blob.size()))),
              LLVM::ConstantOp::create(
                  b, loc, i64Ty,
                  b.getI64IntegerAttr(static_cast<int64_t>(checksum(blob)))),
              LLVM::AddressOfOp::create(b, loc, base)})
          .getResult();
  Value ok = LLVM::ICmpOp::create(
      b, loc, LLVM::ICmpPredicate::eq, st,
      LLVM::ConstantOp::create(b, loc, i32Ty, b.getI32IntegerAttr(0)));
  LLVM::CondBrOp::create(b, loc, ok, rest, ValueRange{}, failed,
                         ValueRange{st});
  b.setInsertionPointToStart(failed);
  LLVM::ReturnOp::create(b, loc, status);
  return blob;
}

} // namespace tsc
