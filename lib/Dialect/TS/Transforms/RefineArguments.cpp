//===- RefineArguments.cpp - the -tsc-refine-arguments pass ---------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace tsc {
#define GEN_PASS_DEF_REFINEARGUMENTS
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
using namespace tsc;

namespace {

struct Refinement {
  std::string name;
  SmallVector<int64_t> sizes;
  Type dtype; // null: any
  bool used = false;
};

/// Parses NAME=DIMS[:DTYPE]; fails with a message.
FailureOr<Refinement> parseRefinement(MLIRContext *ctx, StringRef spec,
                                      std::string &error) {
  auto [name, rest] = spec.split('=');
  Refinement r;
  r.name = name.trim().str();
  if (r.name.empty() || rest.empty()) {
    error = "expected NAME=DIMS[:DTYPE], got '" + spec.str() + "'";
    return failure();
  }
  auto [dims, dtype] = rest.split(':');
  if (dims.trim() != "scalar") {
    SmallVector<StringRef> parts;
    dims.split(parts, 'x');
    for (StringRef d : parts) {
      d = d.trim();
      int64_t v;
      if (d == "?")
        r.sizes.push_back(ts::TensorType::kDynamic);
      else if (!d.getAsInteger(10, v) && v >= 0)
        r.sizes.push_back(v);
      else {
        error = "bad size '" + d.str() + "' in '" + spec.str() + "'";
        return failure();
      }
    }
  }
  if (!dtype.empty()) {
    StringRef spelled = llvm::StringSwitch<StringRef>(dtype.trim())
                            .Case("float32", "f32")
                            .Case("float", "f32")
                            .Case("float64", "f64")
                            .Case("double", "f64")
                            .Case("float16", "f16")
                            .Case("half", "f16")
                            .Case("bfloat16", "bf16")
                            .Case("int64", "si64")
                            .Case("long", "si64")
                            .Case("int32", "si32")
                            .Case("int", "si32")
                            .Case("int16", "si16")
                            .Case("int8", "si8")
                            .Case("uint8", "ui8")
                            .Case("bool", "i1")
                            .Case("complex64", "complex<f32>")
                            .Case("complex128", "complex<f64>")
                            .Default(dtype.trim());
    {
      // A bad spelling is reported below, as an --input-shape error.
      ScopedDiagnosticHandler silence(ctx,
                                      [](Diagnostic &) { return success(); });
      r.dtype = parseType(spelled, ctx);
    }
    bool known =
        r.dtype && (r.dtype.isF16() || r.dtype.isBF16() || r.dtype.isF32() ||
                    r.dtype.isF64() || r.dtype.isInteger(1) ||
                    r.dtype.isUnsignedInteger(8) || r.dtype.isSignedInteger() ||
                    isa<ComplexType>(r.dtype));
    if (!known) {
      error = "unknown dtype '" + dtype.str() + "' in '" + spec.str() + "'";
      return failure();
    }
  }
  return r;
}

/// Whether `stated` and the archive's `known` refinement can both hold.
bool compatible(ts::TensorType known, ts::TensorType stated) {
  if (known.getDtype() && stated.getDtype() &&
      known.getDtype() != stated.getDtype())
    return false;
  if (!known.hasSizes() || !stated.hasSizes())
    return true;
  ArrayRef<int64_t> a = *known.getSizes(), b = *stated.getSizes();
  if (a.size() != b.size())
    return false;
  for (auto [x, y] : llvm::zip(a, b))
    if (x != y && x != ts::TensorType::kDynamic &&
        y != ts::TensorType::kDynamic)
      return false;
  return true;
}

struct RefineArgumentsPass
    : public tsc::impl::RefineArgumentsBase<RefineArgumentsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<Refinement> refinements;
    for (const std::string &spec : shapes) {
      std::string error;
      FailureOr<Refinement> r =
          parseRefinement(module.getContext(), spec, error);
      if (failed(r)) {
        module.emitError("--input-shape: ") << error;
        return signalPassFailure();
      }
      refinements.push_back(std::move(*r));
    }
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isDeclaration())
        continue;
      for (unsigned i = 0; i < func.getNumArguments(); ++i) {
        auto name = func.getArgAttrOfType<StringAttr>(i, "ts.name");
        if (!name)
          continue;
        for (Refinement &r : refinements) {
          if (r.name != name.getValue())
            continue;
          r.used = true;
          if (failed(refine(func, i, r)))
            return signalPassFailure();
        }
      }
    }
    for (const Refinement &r : refinements)
      if (!r.used) {
        module.emitError("--input-shape: no method has an argument named '")
            << r.name << "'";
        return signalPassFailure();
      }
  }

  LogicalResult refine(func::FuncOp func, unsigned index, const Refinement &r) {
    BlockArgument arg = func.getArgument(index);
    auto known = dyn_cast<ts::TensorType>(arg.getType());
    if (!known)
      return func.emitError("--input-shape: argument '")
             << r.name << "' of method '" << func.getSymName()
             << "' is not a tensor (it is " << arg.getType() << ")";
    auto stated =
        ts::TensorType::get(&getContext(), ArrayRef<int64_t>(r.sizes), r.dtype);
    if (!compatible(known, stated))
      return func.emitError("--input-shape: argument '")
             << r.name << "' of method '" << func.getSymName() << "' is "
             << known << ", which " << stated << " contradicts";
    if (known == stated)
      return success();
    arg.setType(stated);
    SmallVector<Type> inputs(func.getBody().front().getArgumentTypes());
    func.setType(
        FunctionType::get(&getContext(), inputs, func.getResultTypes()));
    // A method's declared results keep their types: where the argument
    // itself is returned, it goes through a cast.
    for (OpOperand &use : llvm::make_early_inc_range(arg.getUses())) {
      if (!isa<func::ReturnOp>(use.getOwner()))
        continue;
      OpBuilder b(use.getOwner());
      use.set(ts::UncheckedCastOp::create(b, func.getLoc(), known, arg));
    }
    return success();
  }
};

} // namespace
