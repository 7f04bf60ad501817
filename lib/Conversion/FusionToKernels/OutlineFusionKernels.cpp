//===- OutlineFusionKernels.cpp - fusion groups to CPU loops --------------===//
//
// Writes each ts.fusion_group's body as a function over a range of
// elements (the kernel ABI of tsc_fusion_run, tsc_runtime.h):
//
//   void kernel(int64_t begin, int64_t end, void *const *data,
//               const int64_t *strides)
//
// `data` holds the outputs' then the inputs' float32 element pointers;
// `strides` the inputs' element strides, 1 (dense, the output's sizes) or
// 0 (one element, broadcast). When all are 1 the loop runs on vectors of
// `vector-width` elements, then one element at a time for the remainder;
// otherwise element by element with the strides.
//
//===----------------------------------------------------------------------===//

#include "tsc/Conversion/FusionToKernels/ElementwiseEmitter.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"

namespace tsc {
#define GEN_PASS_DEF_OUTLINEFUSIONKERNELS
#include "tsc/Conversion/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

class KernelBuilder {
public:
  KernelBuilder(ts::FusionGroupOp group, LLVM::LLVMFuncOp kernel,
                unsigned vectorWidth)
      : group(group), b(kernel.getContext()), loc(group.getLoc()),
        vectorWidth(vectorWidth),
        ptrTy(LLVM::LLVMPointerType::get(kernel.getContext())),
        i64Ty(b.getI64Type()), f32Ty(b.getF32Type()) {
    Block *entry = kernel.addEntryBlock(b);
    b.setInsertionPointToStart(entry);
    begin = entry->getArgument(0);
    end = entry->getArgument(1);
    Value data = entry->getArgument(2), strideArray = entry->getArgument(3);
    unsigned numOut = group.getNumResults(), numIn = group.getInputs().size();
    for (unsigned i = 0; i < numOut + numIn; ++i)
      pointers.push_back(
          LLVM::LoadOp::create(b, loc, ptrTy, at(data, ptrTy, i)));
    for (unsigned i = 0; i < numIn; ++i)
      strides.push_back(
          LLVM::LoadOp::create(b, loc, i64Ty, at(strideArray, i64Ty, i)));
  }

  void build();

private:
  Value at(Value base, Type elem, Value index) {
    return LLVM::GEPOp::create(b, loc, ptrTy, elem, base,
                               ArrayRef<LLVM::GEPArg>{index});
  }
  Value at(Value base, Type elem, int64_t index) {
    return at(base, elem, i64(index));
  }
  Value i64(int64_t v) { return arith::ConstantIntOp::create(b, loc, v, 64); }

  /// The group's body on the elements at `index` (times each input's
  /// stride when `strided`), of type `type`; stores the results.
  void emitElements(Value index, Type type, bool strided);
  void emitLoop(Value lo, Value hi, int64_t step, Type type, bool strided);

  ts::FusionGroupOp group;
  OpBuilder b;
  Location loc;
  unsigned vectorWidth;
  Type ptrTy, i64Ty, f32Ty;
  Value begin, end;
  SmallVector<Value> pointers, strides;
};

void KernelBuilder::emitElements(Value index, Type type, bool strided) {
  Block &body = group.getBody().front();
  unsigned numOut = group.getNumResults();
  IRMapping map;
  for (auto [i, arg] : llvm::enumerate(body.getArguments())) {
    Value idx =
        strided ? arith::MulIOp::create(b, loc, index, strides[i]) : index;
    map.map(arg, LLVM::LoadOp::create(b, loc, type,
                                      at(pointers[numOut + i], f32Ty, idx),
                                      /*alignment=*/4));
  }
  for (Operation &op : body.without_terminator()) {
    if (op.getNumResults() != 1 ||
        !isa<ts::TensorType>(op.getResult(0).getType()))
      continue; // scalar parameters, read by the ops that use them
    SmallVector<Value> operands;
    for (Value v : op.getOperands())
      if (isa<ts::TensorType>(v.getType()))
        operands.push_back(map.lookup(v));
    map.map(op.getResult(0),
            tsc::emitElementwise(b, op.getLoc(), &op, operands, type));
  }
  auto yield = cast<ts::YieldOp>(body.getTerminator());
  for (auto [i, v] : llvm::enumerate(yield.getValues()))
    LLVM::StoreOp::create(b, loc, map.lookup(v), at(pointers[i], f32Ty, index),
                          /*alignment=*/4);
}

void KernelBuilder::emitLoop(Value lo, Value hi, int64_t step, Type type,
                             bool strided) {
  auto loop = scf::ForOp::create(b, loc, lo, hi, i64(step));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  emitElements(loop.getInductionVar(), type, strided);
}

void KernelBuilder::build() {
  Value dense = arith::ConstantIntOp::create(b, loc, 1, 1);
  for (Value s : strides)
    dense = arith::AndIOp::create(
        b, loc, dense,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, s, i64(1)));
  auto ifDense = scf::IfOp::create(b, loc, dense, /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifDense.thenBlock());
    // Whole vectors, then the remainder element by element.
    Value n = arith::SubIOp::create(b, loc, end, begin);
    Value w = i64(vectorWidth);
    Value vectorEnd = arith::AddIOp::create(
        b, loc, begin,
        arith::MulIOp::create(b, loc, arith::DivSIOp::create(b, loc, n, w), w));
    emitLoop(begin, vectorEnd, vectorWidth,
             VectorType::get({vectorWidth}, f32Ty), /*strided=*/false);
    emitLoop(vectorEnd, end, 1, f32Ty, /*strided=*/false);
    b.setInsertionPointToStart(ifDense.elseBlock());
    emitLoop(begin, end, 1, f32Ty, /*strided=*/true);
  }
  LLVM::ReturnOp::create(b, loc, ValueRange{});
}

struct OutlineFusionKernelsPass
    : public tsc::impl::OutlineFusionKernelsBase<OutlineFusionKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (vectorWidth == 0 || (vectorWidth & (vectorWidth - 1))) {
      module.emitError("vector-width must be a power of two");
      return signalPassFailure();
    }
    MLIRContext *ctx = &getContext();
    Type ptrTy = LLVM::LLVMPointerType::get(ctx);
    Type i64Ty = IntegerType::get(ctx, 64);
    auto kernelType = LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx),
                                                  {i64Ty, i64Ty, ptrTy, ptrTy});
    SymbolTable symbols(module);
    unsigned next = 0;
    SmallVector<ts::FusionGroupOp> groups;
    module.walk([&](ts::FusionGroupOp g) {
      if (!g.getKernel())
        groups.push_back(g);
    });
    for (ts::FusionGroupOp group : groups) {
      OpBuilder b(ctx);
      b.setInsertionPointToEnd(module.getBody());
      std::string name;
      do
        name = "__tsc_fusion_" + std::to_string(next++);
      while (symbols.lookup(name));
      auto kernel = LLVM::LLVMFuncOp::create(
          b, group.getLoc(), name, kernelType, LLVM::Linkage::Internal);
      kernel->setAttr("tsc.kernel", b.getUnitAttr());
      symbols.insert(kernel);
      KernelBuilder(group, kernel, vectorWidth).build();
      group.setKernelAttr(FlatSymbolRefAttr::get(kernel.getSymNameAttr()));
    }
  }
};

} // namespace
