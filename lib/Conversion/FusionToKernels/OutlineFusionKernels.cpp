//===- OutlineFusionKernels.cpp - fusion groups to CPU loops --------------===//
//
// Writes each ts.fusion_group's body as a function over a range of
// elements, or of rows when the group holds a row reduction (the kernel
// ABIs of tsc_fusion_run and tsc_fusion_run_rows, tsc_runtime.h):
//
//   void kernel(int64_t begin, int64_t end, void *const *data,
//               const int64_t *strides)
//   void kernel(int64_t row_begin, int64_t row_end, int64_t row_length,
//               void *const *data, const int64_t *row_strides)
//
// `data` holds the outputs' then the inputs' float32 element pointers.
// Elementwise, `strides` are the inputs' element strides, 1 (dense, the
// output's sizes) or 0 (one element, broadcast); when all are 1 the loop
// runs on vectors of `vector-width` elements, then one element at a time
// for the remainder; otherwise element by element with the strides. By
// rows, an input's row starts at row times its row stride (row_length, or
// 0 for one row broadcast to all) and is dense.
//
//===----------------------------------------------------------------------===//

#include "tsc/Conversion/FusionToKernels/ElementwiseEmitter.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/IR/TSElementwise.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"

#include <functional>
#include <limits>

namespace tsc {
#define GEN_PASS_DEF_OUTLINEFUSIONKERNELS
#include "tsc/Conversion/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

/// Writes the kernel of one group into `kernel`'s body.
class KernelBuilder {
public:
  KernelBuilder(ts::FusionGroupOp group, LLVM::LLVMFuncOp kernel,
                unsigned vectorWidth)
      : group(group), body(group.getBody().front()), b(kernel.getContext()),
        loc(group.getLoc()), vectorWidth(vectorWidth),
        ptrTy(LLVM::LLVMPointerType::get(kernel.getContext())),
        i64Ty(b.getI64Type()), f32Ty(b.getF32Type()),
        vectorTy(VectorType::get({vectorWidth}, f32Ty)) {
    Block *entry = kernel.addEntryBlock(b);
    b.setInsertionPointToStart(entry);
    args.assign(entry->getArguments().begin(), entry->getArguments().end());
    for (Operation &op : body.without_terminator())
      if (ts::getFusibleRowReduction(&op))
        anchor = &op;
  }

  /// The ABI: (begin, end, data, strides) for an elementwise group,
  /// (row_begin, row_end, row_length, data, row_strides) for a group with a
  /// row reduction.
  static LLVM::LLVMFunctionType getType(MLIRContext *ctx, bool rows);
  void build();

private:
  unsigned numOut() { return group.getNumResults(); }
  unsigned numIn() { return group.getInputs().size(); }
  Value i64(int64_t v) { return arith::ConstantIntOp::create(b, loc, v, 64); }
  Value f32(double v) {
    return arith::ConstantOp::create(b, loc,
                                     b.getF32FloatAttr(static_cast<float>(v)));
  }
  Value at(Value base, Type elem, Value index) {
    return LLVM::GEPOp::create(b, loc, ptrTy, elem, base,
                               ArrayRef<LLVM::GEPArg>{index});
  }
  Value at(Value base, Type elem, int64_t index) {
    return at(base, elem, i64(index));
  }
  /// `scalar` (f32) as a value of `type`.
  Value splat(Value scalar, Type type) {
    if (type == f32Ty)
      return scalar;
    return vector::BroadcastOp::create(b, loc, type, scalar);
  }
  /// Loads the `count` pointers, or i64s, at the start of `array`.
  SmallVector<Value> loadArray(Value array, Type elem, unsigned count);

  /// Maps the body's arguments to their elements at `index`: the inputs'
  /// pointers in `inputs` (each plus index times its stride, if `strides`).
  void loadInputs(IRMapping &map, ArrayRef<Value> inputs, Value index,
                  Type type, ArrayRef<Value> strides = {});
  /// Computes the body's ops in `only` (all if null), on values of `type`,
  /// the row reduction's element given by `rowElement`.
  void compute(IRMapping &map, Type type,
               const llvm::SmallPtrSetImpl<Operation *> *only = nullptr,
               std::function<Value(IRMapping &, Type)> rowElement = {});
  void storeResults(IRMapping &map, ArrayRef<Value> outputs, Value index);
  /// scf.for from `lo` to `hi` by `step`; `bodyFn` gets the index.
  void loop(Value lo, Value hi, int64_t step,
            llvm::function_ref<void(Value)> bodyFn);
  /// Combines `element(index, type)` over [0, n) with `combine` from
  /// `init`: whole vectors, then one by one. Returns an f32.
  Value reduce(Value n, Value vectorEnd, double init,
               llvm::function_ref<Value(Value, Value)> combine,
               vector::CombiningKind kind,
               llvm::function_ref<Value(Value, Type)> element);

  void buildElementwise();
  void buildRows();

  ts::FusionGroupOp group;
  Block &body;
  OpBuilder b;
  Location loc;
  unsigned vectorWidth;
  Type ptrTy, i64Ty, f32Ty;
  VectorType vectorTy;
  SmallVector<Value> args;
  Operation *anchor = nullptr;
};

LLVM::LLVMFunctionType KernelBuilder::getType(MLIRContext *ctx, bool rows) {
  Type ptr = LLVM::LLVMPointerType::get(ctx), i64 = IntegerType::get(ctx, 64);
  SmallVector<Type> params{i64, i64};
  if (rows)
    params.push_back(i64);
  params.append({ptr, ptr});
  return LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), params);
}

SmallVector<Value> KernelBuilder::loadArray(Value array, Type elem,
                                            unsigned count) {
  SmallVector<Value> values;
  for (unsigned i = 0; i < count; ++i)
    values.push_back(LLVM::LoadOp::create(b, loc, elem, at(array, elem, i)));
  return values;
}

void KernelBuilder::loadInputs(IRMapping &map, ArrayRef<Value> inputs,
                               Value index, Type type,
                               ArrayRef<Value> strides) {
  for (auto [i, arg] : llvm::enumerate(body.getArguments())) {
    Value idx = strides.empty()
                    ? index
                    : arith::MulIOp::create(b, loc, index, strides[i]);
    map.map(arg, LLVM::LoadOp::create(b, loc, type, at(inputs[i], f32Ty, idx),
                                      /*alignment=*/4));
  }
}

void KernelBuilder::compute(
    IRMapping &map, Type type, const llvm::SmallPtrSetImpl<Operation *> *only,
    std::function<Value(IRMapping &, Type)> rowElement) {
  for (Operation &op : body.without_terminator()) {
    if (op.getNumResults() != 1 ||
        !isa<ts::TensorType>(op.getResult(0).getType()))
      continue; // scalar parameters, read by the ops that use them
    if (only && !only->contains(&op))
      continue;
    if (&op == anchor) {
      map.map(op.getResult(0), rowElement(map, type));
      continue;
    }
    SmallVector<Value> operands;
    for (Value v : op.getOperands())
      if (isa<ts::TensorType>(v.getType()))
        operands.push_back(map.lookup(v));
    map.map(op.getResult(0),
            tsc::emitElementwise(b, op.getLoc(), &op, operands, type));
  }
}

void KernelBuilder::storeResults(IRMapping &map, ArrayRef<Value> outputs,
                                 Value index) {
  auto yield = cast<ts::YieldOp>(body.getTerminator());
  for (auto [i, v] : llvm::enumerate(yield.getValues()))
    LLVM::StoreOp::create(b, loc, map.lookup(v), at(outputs[i], f32Ty, index),
                          /*alignment=*/4);
}

void KernelBuilder::loop(Value lo, Value hi, int64_t step,
                         llvm::function_ref<void(Value)> bodyFn) {
  auto forOp = scf::ForOp::create(b, loc, lo, hi, i64(step));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forOp.getBody());
  bodyFn(forOp.getInductionVar());
}

/// Elementwise: when every stride is 1, whole vectors and then the
/// remainder one by one; otherwise one by one with the strides.
void KernelBuilder::buildElementwise() {
  Value begin = args[0], end = args[1];
  SmallVector<Value> pointers = loadArray(args[2], ptrTy, numOut() + numIn());
  SmallVector<Value> strides = loadArray(args[3], i64Ty, numIn());
  ArrayRef<Value> outputs = ArrayRef(pointers).take_front(numOut());
  ArrayRef<Value> inputs = ArrayRef(pointers).drop_front(numOut());
  Value dense = arith::ConstantIntOp::create(b, loc, 1, 1);
  for (Value s : strides)
    dense = arith::AndIOp::create(
        b, loc, dense,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, s, i64(1)));
  auto ifDense = scf::IfOp::create(b, loc, dense, /*withElseRegion=*/true);
  auto elements = [&](Type type, ArrayRef<Value> strides) {
    return [&, type, strides](Value index) {
      IRMapping map;
      loadInputs(map, inputs, index, type, strides);
      compute(map, type);
      storeResults(map, outputs, index);
    };
  };
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifDense.thenBlock());
    Value n = arith::SubIOp::create(b, loc, end, begin);
    Value w = i64(vectorWidth);
    Value whole =
        arith::MulIOp::create(b, loc, arith::DivSIOp::create(b, loc, n, w), w);
    Value vectorEnd = arith::AddIOp::create(b, loc, begin, whole);
    loop(begin, vectorEnd, vectorWidth, elements(vectorTy, {}));
    loop(vectorEnd, end, 1, elements(f32Ty, {}));
    b.setInsertionPointToStart(ifDense.elseBlock());
    loop(begin, end, 1, elements(f32Ty, strides));
  }
  LLVM::ReturnOp::create(b, loc, ValueRange{});
}

Value KernelBuilder::reduce(Value n, Value vectorEnd, double init,
                            llvm::function_ref<Value(Value, Value)> combine,
                            vector::CombiningKind kind,
                            llvm::function_ref<Value(Value, Type)> element) {
  Value initVector = splat(f32(init), vectorTy);
  auto vectorLoop = scf::ForOp::create(
      b, loc, i64(0), vectorEnd, i64(vectorWidth), ValueRange{initVector});
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(vectorLoop.getBody());
    Value acc = vectorLoop.getRegionIterArg(0);
    scf::YieldOp::create(
        b, loc, combine(acc, element(vectorLoop.getInductionVar(), vectorTy)));
  }
  Value partial =
      vector::ReductionOp::create(b, loc, kind, vectorLoop.getResult(0));
  auto scalarLoop =
      scf::ForOp::create(b, loc, vectorEnd, n, i64(1), ValueRange{partial});
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(scalarLoop.getBody());
    Value acc = scalarLoop.getRegionIterArg(0);
    scf::YieldOp::create(
        b, loc, combine(acc, element(scalarLoop.getInductionVar(), f32Ty)));
  }
  return scalarLoop.getResult(0);
}

/// With a row reduction: row by row, the row's statistics over the
/// reduction's input (computed from the inputs as often as needed: no
/// temporary), then every element of the row. Each input's row starts at
/// row times its row stride (the row length, or 0 for a row broadcast to
/// all); elements within a row are dense.
void KernelBuilder::buildRows() {
  Value rowBegin = args[0], rowEnd = args[1], n = args[2];
  SmallVector<Value> pointers = loadArray(args[3], ptrTy, numOut() + numIn());
  SmallVector<Value> rowStrides = loadArray(args[4], i64Ty, numIn());
  Value w = i64(vectorWidth);
  Value vectorEnd =
      arith::MulIOp::create(b, loc, arith::DivSIOp::create(b, loc, n, w), w);
  Value nFloat = arith::SIToFPOp::create(b, loc, f32Ty, n);

  // The ops the reduction's input depends on.
  llvm::SmallPtrSet<Operation *, 16> inputSlice;
  SmallVector<Value> work{anchor->getOperand(0)};
  while (!work.empty()) {
    Operation *def = work.pop_back_val().getDefiningOp();
    if (!def || !inputSlice.insert(def).second)
      continue;
    llvm::append_range(work, def->getOperands());
  }
  ts::RowReductionKind kind = *ts::getFusibleRowReduction(anchor);

  loop(rowBegin, rowEnd, 1, [&](Value row) {
    SmallVector<Value> inputs, outputs;
    for (auto [i, stride] : llvm::enumerate(rowStrides))
      inputs.push_back(at(pointers[numOut() + i], f32Ty,
                          arith::MulIOp::create(b, loc, row, stride)));
    Value outOffset = arith::MulIOp::create(b, loc, row, n);
    for (unsigned i = 0; i < numOut(); ++i)
      outputs.push_back(at(pointers[i], f32Ty, outOffset));
    auto input = [&](Value index, Type type) {
      IRMapping map;
      loadInputs(map, inputs, index, type);
      compute(map, type, &inputSlice);
      return map.lookup(anchor->getOperand(0));
    };
    auto add = [&](Value x, Value y) -> Value {
      return arith::AddFOp::create(b, loc, x, y);
    };
    auto sub = [&](Value x, Value y) -> Value {
      return arith::SubFOp::create(b, loc, x, y);
    };
    auto mul = [&](Value x, Value y) -> Value {
      return arith::MulFOp::create(b, loc, x, y);
    };
    std::function<Value(IRMapping &, Type)> rowElement;
    if (kind == ts::RowReductionKind::LayerNorm) {
      // As ATen: mean and biased variance, then (x * rstd - mean * rstd)
      // * weight + bias.
      Value sum =
          reduce(n, vectorEnd, 0, add, vector::CombiningKind::ADD, input);
      Value mean = arith::DivFOp::create(b, loc, sum, nFloat);
      Value squares = reduce(n, vectorEnd, 0, add, vector::CombiningKind::ADD,
                             [&](Value index, Type type) {
                               Value x = input(index, type);
                               Value d = sub(x, splat(mean, type));
                               return mul(d, d);
                             });
      Value var = arith::DivFOp::create(b, loc, squares, nFloat);
      FloatAttr eps;
      (void)matchPattern(anchor->getOperand(4), m_Constant(&eps));
      Value std =
          math::SqrtOp::create(b, loc, add(var, f32(eps.getValueAsDouble())));
      Value rstd = arith::DivFOp::create(b, loc, f32(1), std);
      Value shift = arith::NegFOp::create(b, loc, mul(mean, rstd));
      rowElement = [=, this](IRMapping &map, Type type) -> Value {
        Value x = map.lookup(anchor->getOperand(0));
        Value scaled = arith::MulFOp::create(b, loc, x, splat(rstd, type));
        Value y = arith::AddFOp::create(b, loc, scaled, splat(shift, type));
        if (isa<ts::TensorType>(anchor->getOperand(2).getType()))
          y = arith::MulFOp::create(b, loc, y,
                                    map.lookup(anchor->getOperand(2)));
        if (isa<ts::TensorType>(anchor->getOperand(3).getType()))
          y = arith::AddFOp::create(b, loc, y,
                                    map.lookup(anchor->getOperand(3)));
        return y;
      };
    } else {
      // As ATen: the row's maximum, the sum of exp(x - max), then
      // exp(x - max) / sum, or x - max - log(sum).
      Value max = reduce(
          n, vectorEnd, -std::numeric_limits<double>::infinity(),
          [&](Value x, Value y) -> Value {
            return arith::MaximumFOp::create(b, loc, x, y);
          },
          vector::CombiningKind::MAXIMUMF, input);
      Value sum = reduce(n, vectorEnd, 0, add, vector::CombiningKind::ADD,
                         [&](Value index, Type type) -> Value {
                           Value x = input(index, type);
                           Value d = sub(x, splat(max, type));
                           return math::ExpOp::create(b, loc, d);
                         });
      bool log = kind == ts::RowReductionKind::LogSoftmax;
      Value scale =
          log ? math::LogOp::create(b, loc, sum).getResult()
              : arith::DivFOp::create(b, loc, f32(1), sum).getResult();
      rowElement = [=, this](IRMapping &map, Type type) -> Value {
        Value d = arith::SubFOp::create(
            b, loc, map.lookup(anchor->getOperand(0)), splat(max, type));
        if (log)
          return arith::SubFOp::create(b, loc, d, splat(scale, type));
        Value e = math::ExpOp::create(b, loc, d);
        return arith::MulFOp::create(b, loc, e, splat(scale, type));
      };
    }
    auto elements = [&](Type type) {
      return [&, type](Value index) {
        IRMapping map;
        loadInputs(map, inputs, index, type);
        compute(map, type, nullptr, rowElement);
        storeResults(map, outputs, index);
      };
    };
    loop(i64(0), vectorEnd, vectorWidth, elements(vectorTy));
    loop(vectorEnd, n, 1, elements(f32Ty));
  });
  LLVM::ReturnOp::create(b, loc, ValueRange{});
}

void KernelBuilder::build() {
  if (anchor)
    buildRows();
  else
    buildElementwise();
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
      bool rows = llvm::any_of(group.getBody().front(), [](Operation &op) {
        return ts::getFusibleRowReduction(&op).has_value();
      });
      auto kernel = LLVM::LLVMFuncOp::create(b, group.getLoc(), name,
                                             KernelBuilder::getType(ctx, rows),
                                             LLVM::Linkage::Internal);
      kernel->setAttr("tsc.kernel", b.getUnitAttr());
      symbols.insert(kernel);
      KernelBuilder(group, kernel, vectorWidth).build();
      group.setKernelAttr(FlatSymbolRefAttr::get(kernel.getSymNameAttr()));
    }
  }
};

} // namespace
