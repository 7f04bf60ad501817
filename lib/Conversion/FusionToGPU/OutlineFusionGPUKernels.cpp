//===- OutlineFusionGPUKernels.cpp - fusion groups to GPU kernels ---------===//
//
// Writes each ts.fusion_group's body as a `gpu.func` kernel in one
// `gpu.module @__tsc_cuda`, with the launch ABI of tsc_cuda_fusion_run
// (tsc_runtime.h): every argument is its own kernel parameter,
//
//   elementwise: (i64 n, ptr<1> out..., ptr<1> in..., i64 stride...)
//   by rows:     (i64 rows, i64 row_length, ptr<1> out..., ptr<1> in...,
//                 i64 row_stride...)
//
// Elementwise, each thread computes the elements i, i + threads, ... (a
// grid-stride loop, so any grid covers any n, and neighbouring threads
// touch neighbouring elements), `unroll` of them a step, loads first, then
// the rest one at a time; an input's element i is at i times its stride (1,
// or 0 for one element broadcast). By rows, each warp of 32 threads
// computes rows w, w + warps, ...: its lanes walk the row 32 elements
// apart, combine their partial statistics with butterfly shuffles (every
// lane then holds the row's), then write the row.
//
// With `vectorize`, each kernel has a second version that the kernel takes
// when every buffer is 16-byte aligned and the accesses are whole vectors
// (elementwise: every stride is 1; by rows: the row length and the row
// strides are multiples of four): it loads and stores four elements at a
// time with 128-bit accesses and computes the four one after another.
//
//===----------------------------------------------------------------------===//

#include "tsc/Conversion/FusionToKernels/FusionBodyEmitter.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/IR/TSElementwise.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"

namespace tsc {
#define GEN_PASS_DEF_OUTLINEFUSIONGPUKERNELS
#include "tsc/Conversion/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

/// Threads of a warp: the lanes that reduce a row together.
constexpr int64_t kWarpSize = 32;
/// Elements of one vector access (128 bits, the widest a thread can load).
constexpr int64_t kVectorWidth = 4;
constexpr int64_t kVectorBytes = kVectorWidth * 4;

/// Writes the kernel of one group into `kernel`'s body.
class GPUKernelBuilder {
public:
  GPUKernelBuilder(ts::FusionGroupOp group, gpu::GPUFuncOp kernel,
                   int64_t unroll, bool vectorize)
      : group(group), emitter(group), unroll(unroll), vectorize(vectorize),
        b(kernel.getContext()), loc(group.getLoc()),
        ptrTy(LLVM::LLVMPointerType::get(kernel.getContext(),
                                         /*addressSpace=*/1)),
        i64Ty(b.getI64Type()), f32Ty(b.getF32Type()) {
    Block &entry = kernel.getBody().front();
    b.setInsertionPointToStart(&entry);
    args.assign(entry.getArguments().begin(), entry.getArguments().end());
  }

  /// The kernel's parameters for `group` (see the file comment).
  static SmallVector<Type> getArgumentTypes(ts::FusionGroupOp group, bool rows);
  void build();

private:
  unsigned numOut() { return group.getNumResults(); }
  unsigned numIn() { return group.getInputs().size(); }
  Value i64(int64_t v) { return arith::ConstantIntOp::create(b, loc, v, 64); }
  Value i32(int64_t v) { return arith::ConstantIntOp::create(b, loc, v, 32); }
  Value at(Value base, Value index) {
    return LLVM::GEPOp::create(b, loc, ptrTy, f32Ty, base,
                               ArrayRef<LLVM::GEPArg>{index});
  }
  /// A grid dimension of this thread, as an i64.
  template <typename OpTy> Value id() {
    Value v = OpTy::create(b, loc, gpu::Dimension::x);
    return arith::IndexCastOp::create(b, loc, i64Ty, v);
  }
  ArrayRef<Value> outputs() { return ArrayRef(args).slice(fixed, numOut()); }
  ArrayRef<Value> inputs() {
    return ArrayRef(args).slice(fixed + numOut(), numIn());
  }
  ArrayRef<Value> strides() {
    return ArrayRef(args).drop_front(fixed + numOut() + numIn());
  }
  void loadInputs(IRMapping &map, ArrayRef<Value> from, Value index,
                  ArrayRef<Value> strides = {});
  void storeResults(IRMapping &map, ArrayRef<Value> to, Value index);
  void loop(Value lo, Value hi, Value step,
            llvm::function_ref<void(Value)> bodyFn);

  void buildElementwise();
  /// True (i1) when every input's stride is 1 and every buffer is aligned
  /// for vector accesses.
  Value denseAndAligned();
  /// The elementwise loops of 128-bit accesses, then the remainder.
  void buildVectorLoops(Value first, Value threads);
  /// The elementwise loops of `unroll` elements a step, then the remainder.
  void buildScalarLoops(Value first, Value threads);
  /// True (i1) when every buffer is aligned for vector accesses.
  Value buffersAligned();
  /// True (i1) when `count` elements are a whole number of vectors.
  Value isAligned(Value count);
  /// One vector load at `index` of each of `from`.
  SmallVector<Value> loadVectors(ArrayRef<Value> from, Value index);
  /// Maps the body's arguments to element `lane` of the `loaded` vectors.
  void mapLane(IRMapping &map, ArrayRef<Value> loaded, int64_t lane);
  /// Stores, for each result of the body, the vector of its values in
  /// `lanes` at `to[i] + index`.
  void storeVectors(ArrayRef<IRMapping> lanes, ArrayRef<Value> to, Value index);
  /// The body on element `index`: loaded from `from` (at index times
  /// `strides`, or dense), computed (`rowElement` for a row kernel's
  /// statistics), stored to `to`.
  void computeElement(ArrayRef<Value> from, ArrayRef<Value> to, Value index,
                      ArrayRef<Value> strides = {},
                      const FusionBodyEmitter::RowElementFn &rowElement = {});
  /// The same on the four elements from `index`, loaded and stored whole.
  void computeVector(ArrayRef<Value> from, ArrayRef<Value> to, Value index,
                     const FusionBodyEmitter::RowElementFn &rowElement = {});

  /// Where a thread is in the walk over rows: its warp, the number of
  /// warps, its lane in its warp.
  struct RowWalk {
    Value warp, warps, lane;
  };
  void buildRows();
  /// The loop over this warp's rows: each lane takes every 32nd element,
  /// or with `vector` every 32nd group of four, loaded and stored whole.
  void buildRowLoop(const RowWalk &walk, bool vector);

  ts::FusionGroupOp group;
  FusionBodyEmitter emitter;
  /// Elements per thread and step of an elementwise kernel's scalar loop.
  int64_t unroll;
  /// Whether kernels have a version with vector accesses.
  bool vectorize;
  OpBuilder b;
  Location loc;
  Type ptrTy, i64Ty, f32Ty;
  SmallVector<Value> args;
  /// Parameters before the pointers: n, or rows and row_length.
  unsigned fixed = 1;
};

SmallVector<Type> GPUKernelBuilder::getArgumentTypes(ts::FusionGroupOp group,
                                                     bool rows) {
  MLIRContext *ctx = group.getContext();
  Type ptr = LLVM::LLVMPointerType::get(ctx, 1),
       i64 = IntegerType::get(ctx, 64);
  SmallVector<Type> types(rows ? 2 : 1, i64);
  types.append(group.getNumResults() + group.getInputs().size(), ptr);
  types.append(group.getInputs().size(), i64);
  return types;
}

void GPUKernelBuilder::loadInputs(IRMapping &map, ArrayRef<Value> from,
                                  Value index, ArrayRef<Value> strides) {
  for (auto [i, arg] : llvm::enumerate(emitter.getBody().getArguments())) {
    Value idx = strides.empty()
                    ? index
                    : arith::MulIOp::create(b, loc, index, strides[i]);
    map.map(arg, LLVM::LoadOp::create(b, loc, f32Ty, at(from[i], idx),
                                      /*alignment=*/4));
  }
}

void GPUKernelBuilder::storeResults(IRMapping &map, ArrayRef<Value> to,
                                    Value index) {
  auto yield = cast<ts::YieldOp>(emitter.getBody().getTerminator());
  for (auto [i, v] : llvm::enumerate(yield.getValues()))
    LLVM::StoreOp::create(b, loc, map.lookup(v), at(to[i], index),
                          /*alignment=*/4);
}

void GPUKernelBuilder::loop(Value lo, Value hi, Value step,
                            llvm::function_ref<void(Value)> bodyFn) {
  auto forOp = scf::ForOp::create(b, loc, lo, hi, step);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forOp.getBody());
  bodyFn(forOp.getInductionVar());
}

void GPUKernelBuilder::buildElementwise() {
  Value threadId = id<gpu::ThreadIdOp>();
  Value blockId = id<gpu::BlockIdOp>();
  Value blockDim = id<gpu::BlockDimOp>();
  Value gridDim = id<gpu::GridDimOp>();
  Value first = arith::AddIOp::create(
      b, loc, arith::MulIOp::create(b, loc, blockId, blockDim), threadId);
  Value threads = arith::MulIOp::create(b, loc, gridDim, blockDim);
  if (!vectorize) {
    buildScalarLoops(first, threads);
  } else {
    // Two versions, chosen at run time: 128-bit loads and stores where
    // every input is dense (stride 1) and every buffer 16-byte aligned, as
    // the caching allocator's are; elements one at a time otherwise
    // (broadcast inputs, views at odd offsets).
    auto ifOp = scf::IfOp::create(b, loc, denseAndAligned(),
                                  /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(ifOp.thenBlock()->getTerminator());
    buildVectorLoops(first, threads);
    b.setInsertionPoint(ifOp.elseBlock()->getTerminator());
    buildScalarLoops(first, threads);
  }
  gpu::ReturnOp::create(b, loc);
}

Value GPUKernelBuilder::denseAndAligned() {
  Value ok = buffersAligned();
  for (Value stride : strides())
    ok = arith::AndIOp::create(b, loc, ok,
                               arith::CmpIOp::create(b, loc,
                                                     arith::CmpIPredicate::eq,
                                                     stride, i64(1)));
  return ok;
}

Value GPUKernelBuilder::buffersAligned() {
  Value ok = arith::ConstantIntOp::create(b, loc, 1, 1);
  for (Value p : ArrayRef(args).slice(fixed, numOut() + numIn())) {
    Value address = LLVM::PtrToIntOp::create(b, loc, i64Ty, p);
    Value low = arith::AndIOp::create(b, loc, address, i64(kVectorBytes - 1));
    ok = arith::AndIOp::create(
        b, loc, ok,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, low, i64(0)));
  }
  return ok;
}

SmallVector<Value> GPUKernelBuilder::loadVectors(ArrayRef<Value> from,
                                                 Value index) {
  Type vecTy = VectorType::get({kVectorWidth}, f32Ty);
  SmallVector<Value> loaded;
  for (Value base : from)
    loaded.push_back(
        LLVM::LoadOp::create(b, loc, vecTy, at(base, index), kVectorBytes));
  return loaded;
}

void GPUKernelBuilder::mapLane(IRMapping &map, ArrayRef<Value> loaded,
                               int64_t lane) {
  for (auto [arg, vec] : llvm::zip(emitter.getBody().getArguments(), loaded))
    map.map(arg, LLVM::ExtractElementOp::create(b, loc, vec, i32(lane)));
}

void GPUKernelBuilder::storeVectors(ArrayRef<IRMapping> lanes,
                                    ArrayRef<Value> to, Value index) {
  Type vecTy = VectorType::get({kVectorWidth}, f32Ty);
  auto yield = cast<ts::YieldOp>(emitter.getBody().getTerminator());
  for (auto [result, output] : llvm::zip(yield.getValues(), to)) {
    Value vec = LLVM::PoisonOp::create(b, loc, vecTy);
    for (auto [k, lane] : llvm::enumerate(lanes))
      vec = LLVM::InsertElementOp::create(b, loc, vec, lane.lookup(result),
                                          i32(k));
    LLVM::StoreOp::create(b, loc, vec, at(output, index), kVectorBytes);
  }
}

void GPUKernelBuilder::computeElement(
    ArrayRef<Value> from, ArrayRef<Value> to, Value index,
    ArrayRef<Value> strides,
    const FusionBodyEmitter::RowElementFn &rowElement) {
  IRMapping map;
  loadInputs(map, from, index, strides);
  emitter.compute(b, map, f32Ty, nullptr, rowElement);
  storeResults(map, to, index);
}

void GPUKernelBuilder::computeVector(
    ArrayRef<Value> from, ArrayRef<Value> to, Value index,
    const FusionBodyEmitter::RowElementFn &rowElement) {
  SmallVector<Value> loaded = loadVectors(from, index);
  SmallVector<IRMapping> lanes(kVectorWidth);
  for (auto [k, lane] : llvm::enumerate(lanes)) {
    mapLane(lane, loaded, k);
    emitter.compute(b, lane, f32Ty, nullptr, rowElement);
  }
  storeVectors(lanes, to, index);
}

void GPUKernelBuilder::buildVectorLoops(Value first, Value threads) {
  Value n = args[0];
  Value width = i64(kVectorWidth);
  // Whole vectors: vector v holds elements 4v .. 4v + 3; thread t takes
  // vectors t, t + threads, ...
  Value vectors = arith::DivSIOp::create(b, loc, n, width);
  loop(first, vectors, threads, [&](Value v) {
    computeVector(inputs(), outputs(), arith::MulIOp::create(b, loc, v, width));
  });
  // The last n % 4 elements, one a thread.
  Value rest = arith::AddIOp::create(
      b, loc, arith::MulIOp::create(b, loc, vectors, width), first);
  loop(rest, n, threads,
       [&](Value index) { computeElement(inputs(), outputs(), index); });
}

void GPUKernelBuilder::buildScalarLoops(Value first, Value threads) {
  Value n = args[0];
  Value tailStart = first;
  if (unroll > 1) {
    // Whole steps of `unroll` elements, `threads` apart: while the last of
    // them is below n (base < n - (unroll - 1) * threads; scf.for compares
    // signed, so a negative bound runs none). Every load comes before any
    // store, as outputs may alias inputs: each thread has `unroll` loads in
    // flight instead of one, which memory-bound kernels need to approach
    // the device's bandwidth. The loop carries the next base, where the
    // remainder starts.
    Value span = arith::MulIOp::create(b, loc, threads, i64(unroll));
    Value bound = arith::SubIOp::create(
        b, loc, n, arith::MulIOp::create(b, loc, threads, i64(unroll - 1)));
    auto whole =
        scf::ForOp::create(b, loc, first, bound, span, ValueRange{first});
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(whole.getBody());
      Value base = whole.getInductionVar();
      SmallVector<Value> indices;
      SmallVector<IRMapping> maps(unroll);
      for (int64_t k = 0; k < unroll; ++k) {
        Value offset =
            k == 1 ? threads : arith::MulIOp::create(b, loc, threads, i64(k));
        indices.push_back(k == 0 ? base
                                 : arith::AddIOp::create(b, loc, base, offset));
        loadInputs(maps[k], inputs(), indices[k], strides());
      }
      for (IRMapping &map : maps)
        emitter.compute(b, map, f32Ty);
      for (int64_t k = 0; k < unroll; ++k)
        storeResults(maps[k], outputs(), indices[k]);
      scf::YieldOp::create(
          b, loc, ValueRange{arith::AddIOp::create(b, loc, base, span)});
    }
    tailStart = whole.getResult(0);
  }
  // The rest (all of it when unroll is 1): one element a step.
  loop(tailStart, n, threads, [&](Value index) {
    computeElement(inputs(), outputs(), index, strides());
  });
}

void GPUKernelBuilder::buildRows() {
  Value threadId = id<gpu::ThreadIdOp>();
  Value blockId = id<gpu::BlockIdOp>();
  Value blockDim = id<gpu::BlockDimOp>();
  Value gridDim = id<gpu::GridDimOp>();
  Value warpSize = i64(kWarpSize);
  Value globalThread = arith::AddIOp::create(
      b, loc, arith::MulIOp::create(b, loc, blockId, blockDim), threadId);
  RowWalk walk;
  walk.warp = arith::DivUIOp::create(b, loc, globalThread, warpSize);
  walk.lane = arith::RemUIOp::create(b, loc, threadId, warpSize);
  walk.warps = arith::DivUIOp::create(
      b, loc, arith::MulIOp::create(b, loc, gridDim, blockDim), warpSize);
  if (!vectorize) {
    buildRowLoop(walk, /*vector=*/false);
  } else {
    // 128-bit accesses where the row length and every row stride are
    // multiples of four and every buffer is 16-byte aligned, so that every
    // lane's four elements are one aligned vector.
    Value n = args[1];
    Value ok = isAligned(n);
    for (Value stride : strides())
      ok = arith::AndIOp::create(b, loc, ok, isAligned(stride));
    ok = arith::AndIOp::create(b, loc, ok, buffersAligned());
    auto ifOp = scf::IfOp::create(b, loc, ok, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(ifOp.thenBlock()->getTerminator());
    buildRowLoop(walk, /*vector=*/true);
    b.setInsertionPoint(ifOp.elseBlock()->getTerminator());
    buildRowLoop(walk, /*vector=*/false);
  }
  gpu::ReturnOp::create(b, loc);
}

Value GPUKernelBuilder::isAligned(Value count) {
  Value low = arith::AndIOp::create(b, loc, count, i64(kVectorWidth - 1));
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, low, i64(0));
}

void GPUKernelBuilder::buildRowLoop(const RowWalk &walk, bool vector) {
  Value rows = args[0], n = args[1];
  Value nFloat = arith::SIToFPOp::create(b, loc, f32Ty, n);
  Operation *anchor = emitter.getRowReduction();
  int64_t width = vector ? kVectorWidth : 1;
  Value start =
      vector ? arith::MulIOp::create(b, loc, walk.lane, i64(width)) : walk.lane;
  Value step = i64(kWarpSize * width);

  // The loop bounds depend on the warp only, so a warp's lanes run the
  // same rows and all take part in every shuffle.
  loop(walk.warp, rows, walk.warps, [&](Value row) {
    SmallVector<Value> rowInputs, rowOutputs;
    for (auto [input, stride] : llvm::zip(inputs(), strides()))
      rowInputs.push_back(
          at(input, arith::MulIOp::create(b, loc, row, stride)));
    Value outOffset = arith::MulIOp::create(b, loc, row, n);
    for (Value output : outputs())
      rowOutputs.push_back(at(output, outOffset));

    // With vectors, each step loads four elements of every input at once;
    // the body then runs on each of them (`lane` of `loaded`) in turn.
    SmallVector<Value> loaded;
    int64_t lane = -1;
    auto load = [&](Value index) { loaded = loadVectors(rowInputs, index); };
    auto mapInputs = [&](IRMapping &map, Value index) {
      if (lane < 0)
        return loadInputs(map, rowInputs, index);
      mapLane(map, loaded, lane);
    };
    auto input = [&](Value index, Type type) {
      IRMapping map;
      mapInputs(map, index);
      emitter.compute(b, map, type, &emitter.getRowInputSlice());
      return map.lookup(anchor->getOperand(0));
    };
    // Each lane's partial result over its elements, then a butterfly over
    // the warp: after log2(32) steps every lane holds the whole row's.
    auto reduce = [&](double init, FusionBodyEmitter::CombineFn combine,
                      vector::CombiningKind,
                      FusionBodyEmitter::ElementFn element) -> Value {
      Value initValue =
          arith::ConstantOp::create(b, loc, b.getF32FloatAttr(init));
      auto partial =
          scf::ForOp::create(b, loc, start, n, step, ValueRange{initValue});
      {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(partial.getBody());
        Value index = partial.getInductionVar();
        Value x;
        if (!vector) {
          x = element(index, f32Ty);
        } else {
          // The four in a tree, for a shorter chain of dependent combines.
          load(index);
          SmallVector<Value> xs;
          for (lane = 0; lane < kVectorWidth; ++lane)
            xs.push_back(element(index, f32Ty));
          lane = -1;
          x = combine(combine(xs[0], xs[1]), combine(xs[2], xs[3]));
        }
        scf::YieldOp::create(b, loc, combine(partial.getRegionIterArg(0), x));
      }
      Value acc = partial.getResult(0);
      for (int64_t offset = kWarpSize / 2; offset > 0; offset /= 2) {
        Value offsetValue = i32(offset);
        Value widthValue = i32(kWarpSize);
        auto shuffle = gpu::ShuffleOp::create(
            b, loc, acc, offsetValue, widthValue, gpu::ShuffleMode::XOR);
        acc = combine(acc, shuffle.getShuffleResult());
      }
      return acc;
    };
    FusionBodyEmitter::RowElementFn rowElement =
        emitter.emitRowStatistics(b, loc, nFloat, reduce, input);
    loop(start, n, step, [&](Value index) {
      if (vector)
        computeVector(rowInputs, rowOutputs, index, rowElement);
      else
        computeElement(rowInputs, rowOutputs, index, {}, rowElement);
    });
  });
}

void GPUKernelBuilder::build() {
  if (emitter.getRowReduction()) {
    fixed = 2;
    buildRows();
  } else {
    buildElementwise();
  }
}

struct OutlineFusionGPUKernelsPass
    : public tsc::impl::OutlineFusionGPUKernelsBase<
          OutlineFusionGPUKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    if (unroll < 1) {
      emitError(module.getLoc(), "-tsc-outline-fusion-gpu-kernels: unroll "
                                 "must be at least 1, got ")
          << static_cast<int64_t>(unroll);
      return signalPassFailure();
    }
    SmallVector<ts::FusionGroupOp> groups;
    module.walk([&](ts::FusionGroupOp g) {
      if (!g.getKernel())
        groups.push_back(g);
    });
    if (groups.empty())
      return;

    module->setAttr(gpu::GPUDialect::getContainerModuleAttrName(),
                    UnitAttr::get(ctx));
    OpBuilder b(ctx);
    auto gpuModule = module.lookupSymbol<gpu::GPUModuleOp>(kModuleName);
    if (!gpuModule) {
      b.setInsertionPointToEnd(module.getBody());
      gpuModule = gpu::GPUModuleOp::create(b, module.getLoc(), kModuleName);
    }
    SymbolTable symbols(gpuModule);
    unsigned next = 0;
    for (ts::FusionGroupOp group : groups) {
      std::string name;
      do
        name = "__tsc_fusion_" + std::to_string(next++);
      while (symbols.lookup(name));
      bool rows = llvm::any_of(group.getBody().front(), [](Operation &op) {
        return ts::getFusibleRowReduction(&op).has_value();
      });
      b.setInsertionPointToEnd(gpuModule.getBody());
      auto kernel = gpu::GPUFuncOp::create(
          b, group.getLoc(), name,
          b.getFunctionType(GPUKernelBuilder::getArgumentTypes(group, rows),
                            {}));
      kernel->setAttr(gpu::GPUDialect::getKernelFuncAttrName(),
                      b.getUnitAttr());
      symbols.insert(kernel);
      GPUKernelBuilder(group, kernel, unroll, vectorize).build();
      group.setKernelAttr(SymbolRefAttr::get(
          ctx, kModuleName, {FlatSymbolRefAttr::get(kernel.getNameAttr())}));
    }
  }

  static constexpr llvm::StringLiteral kModuleName = "__tsc_cuda";
};

} // namespace
