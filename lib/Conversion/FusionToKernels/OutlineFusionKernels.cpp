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
// A group with linear layers (tsc_fusion_run_linear) goes row by row too,
// its rows being the layers' output rows of N elements, over a range of
// columns (so that threads can share a row):
//
//   void kernel(int64_t row_begin, int64_t row_end, int64_t column_begin,
//               int64_t column_end, void *const *data,
//               const int64_t *row_strides)
// Each layer's
// weight is a global of the kernel, packed so that the vector loop reads
// it in order: the columns in blocks of `vector-width` (the last padded
// with zeros), each block K rows of a vector,
//
//   packed[((j / W) * K + k) * W + j % W] = weight[j][k]
//
// and a layer's input row, of K elements, starts at row times K.
//
//===----------------------------------------------------------------------===//

#include "tsc/Conversion/FusionToKernels/FusionBodyEmitter.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/IR/TSElementwise.h"
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

bool hasLinearLayers(ts::FusionGroupOp group) {
  return llvm::any_of(group.getBody().front(), [](Operation &op) {
    return ts::getFusibleLinear(&op).has_value();
  });
}

/// Writes the kernel of one group into `kernel`'s body.
class KernelBuilder {
public:
  KernelBuilder(ts::FusionGroupOp group, LLVM::LLVMFuncOp kernel,
                unsigned vectorWidth, unsigned interleave)
      : group(group), emitter(group), body(emitter.getBody()),
        b(kernel.getContext()), loc(group.getLoc()), vectorWidth(vectorWidth),
        interleave(interleave),
        ptrTy(LLVM::LLVMPointerType::get(kernel.getContext())),
        i64Ty(b.getI64Type()), f32Ty(b.getF32Type()),
        vectorTy(VectorType::get({vectorWidth}, f32Ty)) {
    Block *entry = kernel.addEntryBlock(b);
    b.setInsertionPointToStart(entry);
    args.assign(entry->getArguments().begin(), entry->getArguments().end());
  }

  /// The ABI: (begin, end, data, strides) for an elementwise group,
  /// (row_begin, row_end, row_length, data, row_strides) for a group with a
  /// row reduction, (row_begin, row_end, column_begin, column_end, data,
  /// row_strides) for one with linear layers.
  static LLVM::LLVMFunctionType getType(MLIRContext *ctx, bool rows,
                                        bool linear);
  void build();

private:
  unsigned numOut() { return group.getNumResults(); }
  unsigned numIn() { return group.getInputs().size(); }
  Value i64(int64_t v) { return arith::ConstantIntOp::create(b, loc, v, 64); }
  Value f32(double v) {
    return arith::ConstantOp::create(b, loc,
                                     b.getF32FloatAttr(static_cast<float>(v)));
  }
  /// Alignment of whole vectors in the packed weights and biases (64-byte
  /// globals) and in the kernels' stack buffers.
  unsigned vectorAlignment() const {
    return std::min<unsigned>(64, 4 * vectorWidth);
  }
  Value at(Value base, Type elem, Value index) {
    return LLVM::GEPOp::create(b, loc, ptrTy, elem, base,
                               ArrayRef<LLVM::GEPArg>{index});
  }
  Value at(Value base, Type elem, int64_t index) {
    return at(base, elem, i64(index));
  }
  Value splat(Value scalar, Type type) {
    return splatF32(b, loc, scalar, type);
  }
  /// Loads the `count` pointers, or i64s, at the start of `array`.
  SmallVector<Value> loadArray(Value array, Type elem, unsigned count);

  /// Maps the body's arguments to their elements at `index`: the inputs'
  /// pointers in `inputs` (each plus index times its stride, if `strides`).
  void loadInputs(IRMapping &map, ArrayRef<Value> inputs, Value index,
                  Type type, ArrayRef<Value> strides = {});
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
  void buildLinearRows();

  /// A linear layer of the group: its body op, sizes, packed weight and
  /// bias (or null), and which input it reads.
  struct Linear {
    Operation *op;
    int64_t n, k;
    Value weight, bias;
    unsigned input;
  };
  /// Adds the packed weight and bias of each linear layer to the module
  /// as globals; returns the layers, their addresses taken in the kernel.
  SmallVector<Linear> packLinearLayers();
  /// The values of `l` at columns j... of the row whose input row is `x`,
  /// a vector (j a multiple of the width; columns past the layer's are 0).
  Value linearValue(const Linear &l, Value x, Value j);

  ts::FusionGroupOp group;
  FusionBodyEmitter emitter;
  Block &body;
  OpBuilder b;
  Location loc;
  unsigned vectorWidth;
  /// Vectors an elementwise kernel's dense loop computes per step.
  unsigned interleave;
  Type ptrTy, i64Ty, f32Ty;
  VectorType vectorTy;
  SmallVector<Value> args;
};

LLVM::LLVMFunctionType KernelBuilder::getType(MLIRContext *ctx, bool rows,
                                              bool linear) {
  Type ptr = LLVM::LLVMPointerType::get(ctx), i64 = IntegerType::get(ctx, 64);
  SmallVector<Type> params{i64, i64};
  if (linear)
    params.append({i64, i64});
  else if (rows)
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
      emitter.compute(b, map, type);
      storeResults(map, outputs, index);
    };
  };
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifDense.thenBlock());
    // Steps of `interleave` vectors, then of one, then single elements.
    auto endOfWhole = [&](Value from, int64_t step) {
      Value n = arith::SubIOp::create(b, loc, end, from);
      Value w = i64(step);
      Value whole = arith::MulIOp::create(
          b, loc, arith::DivSIOp::create(b, loc, n, w), w);
      return arith::AddIOp::create(b, loc, from, whole).getResult();
    };
    Value from = begin;
    if (interleave > 1) {
      int64_t step = int64_t(vectorWidth) * interleave;
      Value interleavedEnd = endOfWhole(begin, step);
      // One vector type of all of them: LLVM splits each operation into
      // registers side by side, where copies of the body, one after the
      // other, ran no faster than one vector.
      loop(begin, interleavedEnd, step,
           elements(VectorType::get({step}, f32Ty), {}));
      from = interleavedEnd;
    }
    Value vectorEnd = endOfWhole(from, vectorWidth);
    loop(from, vectorEnd, vectorWidth, elements(vectorTy, {}));
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
      emitter.compute(b, map, type, &emitter.getRowInputSlice());
      return map.lookup(emitter.getRowReduction()->getOperand(0));
    };
    auto reduceRow = [&](double init, FusionBodyEmitter::CombineFn combine,
                         vector::CombiningKind kind,
                         FusionBodyEmitter::ElementFn element) {
      return reduce(n, vectorEnd, init, combine, kind, element);
    };
    FusionBodyEmitter::RowElementFn rowElement =
        emitter.emitRowStatistics(b, loc, nFloat, reduceRow, input);
    auto elements = [&](Type type) {
      return [&, type](Value index) {
        IRMapping map;
        loadInputs(map, inputs, index, type);
        emitter.compute(b, map, type, nullptr, rowElement);
        storeResults(map, outputs, index);
      };
    };
    loop(i64(0), vectorEnd, vectorWidth, elements(vectorTy));
    loop(vectorEnd, n, 1, elements(f32Ty));
  });
  LLVM::ReturnOp::create(b, loc, ValueRange{});
}

SmallVector<KernelBuilder::Linear> KernelBuilder::packLinearLayers() {
  auto kernel = cast<LLVM::LLVMFuncOp>(b.getInsertionBlock()->getParentOp());
  auto module = kernel->getParentOfType<ModuleOp>();
  SymbolTable symbols(module);
  SmallVector<Linear> layers;
  auto global = [&](ArrayRef<float> data, StringRef suffix) -> Value {
    OpBuilder mb(module.getBodyRegion());
    mb.setInsertionPoint(kernel);
    auto type = RankedTensorType::get({int64_t(data.size())}, f32Ty);
    auto op = LLVM::GlobalOp::create(
        mb, loc, LLVM::LLVMArrayType::get(f32Ty, data.size()),
        /*isConstant=*/true, LLVM::Linkage::Internal,
        (kernel.getSymName() + suffix).str(),
        DenseElementsAttr::get(type, data), /*alignment=*/64);
    symbols.insert(op);
    return LLVM::AddressOfOp::create(b, loc, op);
  };
  for (Operation &op : body.without_terminator()) {
    std::optional<ts::FusibleLinear> l = ts::getFusibleLinear(&op);
    if (!l)
      continue;
    int64_t w = vectorWidth, blocks = (l->n + w - 1) / w;
    std::vector<float> packed(blocks * w * l->k, 0.0f);
    auto weight = l->weight.getValues<float>();
    for (int64_t j = 0; j < l->n; ++j)
      for (int64_t k = 0; k < l->k; ++k)
        packed[((j / w) * l->k + k) * w + j % w] = weight[j * l->k + k];
    std::string index = std::to_string(layers.size());
    Linear layer{&op,     l->n,
                 l->k,    global(packed, "_weight" + index),
                 Value(), cast<BlockArgument>(op.getOperand(0)).getArgNumber()};
    if (l->bias) {
      std::vector<float> bias(blocks * w, 0.0f);
      llvm::copy(l->bias.getValues<float>(), bias.begin());
      layer.bias = global(bias, "_bias" + index);
    }
    layers.push_back(layer);
  }
  return layers;
}

Value KernelBuilder::linearValue(const Linear &l, Value x, Value j) {
  auto fma = [&](Value a, Value c, Value acc) -> Value {
    return math::FmaOp::create(b, loc, a, c, acc);
  };
  auto add = [&](Value a, Value c) -> Value {
    return arith::AddFOp::create(b, loc, a, c);
  };
  auto xAt = [&](Value k) {
    Value xk = LLVM::LoadOp::create(b, loc, f32Ty, at(x, f32Ty, k),
                                    /*alignment=*/4);
    return splat(xk, vectorTy);
  };
  Value zero = splat(f32(0), vectorTy);
  Value w = i64(vectorWidth);
  // Columns j... are the block j / W, which starts at j * K. Four partial
  // sums over k keep four multiply-adds in flight.
  Value block = at(l.weight, f32Ty, arith::MulIOp::create(b, loc, j, i64(l.k)));
  auto rowOf = [&](Value k) {
    return LLVM::LoadOp::create(
        b, loc, vectorTy, at(block, f32Ty, arith::MulIOp::create(b, loc, k, w)),
        /*alignment=*/vectorAlignment());
  };
  constexpr int64_t kUnroll = 4;
  int64_t k4 = l.k / kUnroll * kUnroll;
  SmallVector<Value> init(kUnroll, zero);
  auto unrolled =
      scf::ForOp::create(b, loc, i64(0), i64(k4), i64(kUnroll), init);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(unrolled.getBody());
    Value k = unrolled.getInductionVar();
    SmallVector<Value> next;
    for (int64_t u = 0; u < kUnroll; ++u) {
      Value ku = arith::AddIOp::create(b, loc, k, i64(u));
      Value xk = xAt(ku);
      Value row = rowOf(ku);
      next.push_back(fma(xk, row, unrolled.getRegionIterArg(u)));
    }
    scf::YieldOp::create(b, loc, next);
  }
  auto rest = scf::ForOp::create(b, loc, i64(k4), i64(l.k), i64(1),
                                 ValueRange{unrolled.getResult(0)});
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(rest.getBody());
    Value k = rest.getInductionVar();
    Value xk = xAt(k);
    Value row = rowOf(k);
    scf::YieldOp::create(b, loc, fma(xk, row, rest.getRegionIterArg(0)));
  }
  Value low = add(rest.getResult(0), unrolled.getResult(1));
  Value high = add(unrolled.getResult(2), unrolled.getResult(3));
  Value sum = add(low, high);
  if (!l.bias)
    return sum;
  Value bias = LLVM::LoadOp::create(b, loc, vectorTy, at(l.bias, f32Ty, j),
                                    /*alignment=*/vectorAlignment());
  return add(sum, bias);
}

/// With linear layers: row by row, every column of the row; at each, the
/// layers' values from their input rows and packed weights, then the
/// group's elementwise ops on them and on the other inputs' elements
/// (dense rows, or a row broadcast to all).
void KernelBuilder::buildLinearRows() {
  Value rowBegin = args[0], rowEnd = args[1];
  Value columnBegin = args[2], columnEnd = args[3];
  SmallVector<Value> pointers = loadArray(args[4], ptrTy, numOut() + numIn());
  SmallVector<Value> rowStrides = loadArray(args[5], i64Ty, numIn());
  SmallVector<Linear> layers = packLinearLayers();
  int64_t n = layers.front().n;
  // Columns [begin, end) of each row: whole vectors up to the last whole
  // vector of the row, then one by one (`begin` is a multiple of the
  // vector width: the runtime splits rows at multiples of 64 columns).
  Value lastVector = i64(n / vectorWidth * vectorWidth);
  Value vectorEnd = arith::MinSIOp::create(b, loc, columnEnd, lastVector);
  Value scalarBegin = arith::MaxSIOp::create(b, loc, columnBegin, lastVector);
  // Inputs read element by element (not only as a layer's input row).
  SmallVector<bool> elementwise;
  for (BlockArgument arg : body.getArguments())
    elementwise.push_back(llvm::any_of(arg.getUsers(), [](Operation *user) {
      return !ts::getFusibleLinear(user);
    }));

  // A last, partial block of columns (n not a multiple of W) gets each
  // layer's values as one vector, in a buffer the column-by-column loop
  // reads: the packed weight and bias are zero-padded to whole blocks. A
  // column computed alone is one chain of K dependent multiply-adds,
  // latency bound (a 512 x 10 layer took 2 us of a 17 us MLP call).
  bool partialBlock = n % vectorWidth != 0;
  SmallVector<Value> tailBuffers;
  if (partialBlock)
    for (size_t i = 0; i < layers.size(); ++i)
      tailBuffers.push_back(
          LLVM::AllocaOp::create(b, loc, ptrTy, vectorTy, i64(1),
                                 /*alignment=*/vectorAlignment()));

  loop(rowBegin, rowEnd, 1, [&](Value row) {
    SmallVector<Value> inputs, xRows, outputs;
    for (auto [i, stride] : llvm::enumerate(rowStrides))
      inputs.push_back(at(pointers[numOut() + i], f32Ty,
                          arith::MulIOp::create(b, loc, row, stride)));
    for (const Linear &l : layers)
      xRows.push_back(at(pointers[numOut() + l.input], f32Ty,
                         arith::MulIOp::create(b, loc, row, i64(l.k))));
    Value outOffset = arith::MulIOp::create(b, loc, row, i64(n));
    for (unsigned i = 0; i < numOut(); ++i)
      outputs.push_back(at(pointers[i], f32Ty, outOffset));
    auto columns = [&](Type type) {
      return [&, type](Value j) {
        IRMapping map;
        for (auto [i, arg] : llvm::enumerate(body.getArguments()))
          if (elementwise[i])
            map.map(arg,
                    LLVM::LoadOp::create(b, loc, type, at(inputs[i], f32Ty, j),
                                         /*alignment=*/4));
        for (auto [i, l, x] : llvm::enumerate(layers, xRows)) {
          Value value;
          if (isa<VectorType>(type)) {
            value = linearValue(l, x, j);
          } else {
            Value lane = arith::SubIOp::create(b, loc, j, lastVector);
            value = LLVM::LoadOp::create(b, loc, f32Ty,
                                         at(tailBuffers[i], f32Ty, lane),
                                         /*alignment=*/4);
          }
          map.map(l.op->getResult(0), value);
        }
        emitter.compute(b, map, type);
        storeResults(map, outputs, j);
      };
    };
    loop(columnBegin, vectorEnd, vectorWidth, columns(vectorTy));
    if (!partialBlock)
      return;
    Value anyScalar = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                            scalarBegin, columnEnd);
    auto ifAny = scf::IfOp::create(b, loc, anyScalar, /*withElseRegion=*/false);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifAny.thenBlock());
    for (auto [l, x, buffer] : llvm::zip(layers, xRows, tailBuffers))
      LLVM::StoreOp::create(b, loc, linearValue(l, x, lastVector), buffer,
                            /*alignment=*/vectorAlignment());
    loop(scalarBegin, columnEnd, 1, columns(f32Ty));
  });
  LLVM::ReturnOp::create(b, loc, ValueRange{});
}

void KernelBuilder::build() {
  if (hasLinearLayers(group))
    buildLinearRows();
  else if (emitter.getRowReduction())
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
    if (interleave == 0) {
      module.emitError("interleave must be at least 1");
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
      bool rows = hasLinearLayers(group) ||
                  llvm::any_of(group.getBody().front(), [](Operation &op) {
                    return ts::getFusibleRowReduction(&op).has_value();
                  });
      auto kernel = LLVM::LLVMFuncOp::create(
          b, group.getLoc(), name,
          KernelBuilder::getType(ctx, rows, hasLinearLayers(group)),
          LLVM::Linkage::Internal);
      kernel->setAttr("tsc.kernel", b.getUnitAttr());
      symbols.insert(kernel);
      KernelBuilder(group, kernel, vectorWidth, interleave).build();
      group.setKernelAttr(FlatSymbolRefAttr::get(kernel.getSymNameAttr()));
    }
  }
};

} // namespace
