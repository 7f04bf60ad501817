//===- Freeze.cpp - inference freezing of the module's object graph -------===//
//
// -tsc-freeze: attribute reads of the root module become constants. See the
// pass description in Passes.td for the rules; the comments here say how.
//
//===----------------------------------------------------------------------===//

#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Rewrite/FrozenRewritePatternSet.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

namespace tsc {
#define GEN_PASS_DEF_FREEZE
#include "tsc/Dialect/TS/Transforms/Passes.h.inc"
} // namespace tsc

using namespace mlir;
namespace ts = tsc::ts;

namespace {

/// Types whose values no op can change: reading one never aliases state.
bool isValueType(Type t) {
  if (auto opt = dyn_cast<ts::OptionalType>(t))
    return isValueType(opt.getElementType());
  return t.isInteger(64) || t.isF64() || t.isInteger(1) ||
         isa<ts::StrType, ts::NoneType, ts::DeviceType, ts::NumberType>(t);
}

/// Whether `op` may write one of its operands.
bool mayWrite(Operation *op) {
  if (op->hasTrait<ts::OpTrait::InPlace>())
    return true;
  // Structural ops: they pass values on (handled by the caller), never
  // change them.
  if (isa<ts::ListConstructOp, ts::ListUnpackOp, ts::TupleConstructOp,
          ts::TupleUnpackOp, ts::TupleIndexOp, ts::UncheckedCastOp,
          ts::DictConstructOp, ts::RaiseExceptionOp>(op))
    return false;
  if (auto generic = dyn_cast<ts::OperatorOp>(op))
    return generic.getSchema().contains('!');
  if (auto mem = dyn_cast<MemoryEffectOpInterface>(op)) {
    SmallVector<MemoryEffects::EffectInstance> effects;
    mem.getEffects(effects);
    return llvm::any_of(effects, [](const MemoryEffects::EffectInstance &e) {
      return isa<MemoryEffects::Write>(e.getEffect());
    });
  }
  return true; // unknown effects: calls, SetAttr, ...
}

/// Whether a result of `op` may share storage with an operand. Registered
/// ops say so in their schema (TS_ReturnsAlias, or the generic op's schema
/// text); structural ops pass their operands on; others are assumed to.
bool mayReturnAlias(Operation *op) {
  if (auto generic = dyn_cast<ts::OperatorOp>(op)) {
    // An alias annotation is a '(' right after a type: `Tensor(a)`,
    // `t[](a)`, `Tensor(a!)?`; a '(' after "-> " opens a tuple of results.
    StringRef returns = generic.getSchema().split("->").second;
    for (size_t i = 1; i < returns.size(); ++i)
      if (returns[i] == '(' &&
          (llvm::isAlnum(returns[i - 1]) || returns[i - 1] == ']'))
        return true;
    return false;
  }
  if (op->hasTrait<ts::OpTrait::HasOperatorKey>())
    return op->hasTrait<ts::OpTrait::ReturnsAlias>();
  return true;
}

/// Whether a value read from an attribute may be changed in place: follows
/// it through every op result that may alias it (per mayReturnAlias), into
/// block arguments and results of If/Loop, until an op that may write.
bool mayBeWritten(Value start) {
  SmallVector<Value> work{start};
  llvm::DenseSet<Value> seen;
  while (!work.empty()) {
    Value v = work.pop_back_val();
    if (!seen.insert(v).second)
      continue;
    for (OpOperand &use : v.getUses()) {
      Operation *user = use.getOwner();
      unsigned idx = use.getOperandNumber();
      if (isa<ts::YieldOp>(user)) {
        Operation *parent = user->getParentOp();
        if (auto ifOp = dyn_cast<ts::IfOp>(parent)) {
          work.push_back(ifOp.getResult(idx));
        } else if (auto loop = dyn_cast<ts::LoopOp>(parent); loop && idx > 0) {
          work.push_back(loop.getResult(idx - 1));
          work.push_back(loop.getBody().getArgument(idx));
        }
        continue;
      }
      if (auto loop = dyn_cast<ts::LoopOp>(user)) {
        if (idx >= 2) { // carried value (after trip count and condition)
          work.push_back(loop.getResult(idx - 2));
          work.push_back(loop.getBody().getArgument(idx - 1));
        }
        continue;
      }
      if (isa<ts::IfOp, func::ReturnOp>(user))
        continue;
      if (mayWrite(user))
        return true;
      if (!mayReturnAlias(user))
        continue;
      for (Value r : user->getResults())
        if (!isValueType(r.getType()))
          work.push_back(r);
    }
  }
  return false;
}

/// Whether the value's definition is a tree of ops that can be copied into a
/// method: constants and the containers built of them.
bool isCopyable(Value v) {
  Operation *def = v.getDefiningOp();
  if (!def || !isa<ts::ConstantOp, ts::ListConstructOp, ts::TupleConstructOp,
                   ts::DictConstructOp>(def))
    return false;
  return llvm::all_of(def->getOperands(), isCopyable);
}

/// Where the copies of frozen values go: the start of a method, in order.
/// The insertion point is kept after the last copy rather than before the
/// method's first op, which may be a read that freezing then erases.
struct CopySite {
  Block *block;
  Operation *lastCopy = nullptr;
  IRMapping mapping;
};

/// Copies the definition of `v` (and of its operands) to `site`, once per
/// site. The copies get location `loc`: the read they replace, in the
/// method, rather than the object graph's location in the archive.
Value copyTree(CopySite &site, Value v, Location loc) {
  if (Value done = site.mapping.lookupOrNull(v))
    return done;
  Operation *def = v.getDefiningOp();
  for (Value operand : def->getOperands())
    copyTree(site, operand, loc);
  OpBuilder b(def->getContext());
  if (site.lastCopy)
    b.setInsertionPointAfter(site.lastCopy);
  else
    b.setInsertionPointToStart(site.block);
  site.lastCopy = b.clone(*def, site.mapping);
  site.lastCopy->setLoc(loc);
  return site.mapping.lookup(v);
}

struct FreezePass : tsc::impl::FreezeBase<FreezePass> {
  using FreezeBase::FreezeBase;

  LogicalResult initialize(MLIRContext *ctx) override {
    RewritePatternSet set(ctx);
    for (Dialect *d : ctx->getLoadedDialects())
      d->getCanonicalizationPatterns(set);
    for (RegisteredOperationName op : ctx->getRegisteredOperations())
      op.getCanonicalizationPatterns(set, ctx);
    patterns = FrozenRewritePatternSet(std::move(set));
    return success();
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    root = {};
    for (auto obj : module.getOps<ts::ObjectOp>())
      if (obj.getRoot())
        root = obj;
    if (!root)
      return;
    rootType = root.getType();

    for (unsigned round = 0; round < maxRounds; ++round) {
      findChangedSlots(module);
      bool frozeSome = freezeReads(module);
      for (auto func : module.getOps<func::FuncOp>())
        (void)applyPatternsGreedily(func, patterns);
      if (!frozeSome)
        break;
    }
    dropUnusedSelf(module);
  }

private:
  bool isSelf(Value v) {
    auto arg = dyn_cast<BlockArgument>(v);
    return arg && arg.getArgNumber() == 0 && arg.getType() == rootType &&
           isa<func::FuncOp>(arg.getOwner()->getParentOp()) &&
           arg.getOwner()->isEntryBlock();
  }

  /// The object of the graph that `v` is, if `v` is self or a chain of
  /// attribute reads from it.
  ts::ObjectOp resolve(Value v) {
    if (isSelf(v))
      return root;
    auto get = v.getDefiningOp<ts::GetAttrOp>();
    if (!get)
      return {};
    ts::ObjectOp parent = resolve(get.getObject());
    if (!parent)
      return {};
    Value slot = parent.getSlot(get.getName());
    return slot ? slot.getDefiningOp<ts::ObjectOp>() : ts::ObjectOp();
  }

  static StringRef classOf(Type t) {
    auto cls = dyn_cast<ts::ClassType>(t);
    return cls ? cls.getName() : StringRef();
  }

  /// An object used other than as the object of GetAttr/SetAttr escapes:
  /// whoever gets it may change any of its attributes.
  void noteEscapes(Value object) {
    for (OpOperand &use : object.getUses()) {
      Operation *user = use.getOwner();
      if (isa<ts::GetAttrOp>(user) ||
          (isa<ts::SetAttrOp>(user) && use.getOperandNumber() == 0))
        continue;
      escaped.insert(classOf(object.getType()));
    }
  }

  void findChangedSlots(ModuleOp module) {
    changed.clear();
    escaped.clear();
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.getNumArguments() > 0 && isSelf(func.getArgument(0)))
        noteEscapes(func.getArgument(0));
      func.walk([&](Operation *op) {
        if (auto set = dyn_cast<ts::SetAttrOp>(op)) {
          changed.insert(slotKey(set.getObject().getType(), set.getName()));
        } else if (auto get = dyn_cast<ts::GetAttrOp>(op)) {
          if (isa<ts::ClassType>(get.getType()))
            noteEscapes(get.getResult());
          else if (!isValueType(get.getType()) && mayBeWritten(get.getResult()))
            changed.insert(slotKey(get.getObject().getType(), get.getName()));
        }
      });
    }
  }

  static std::string slotKey(Type object, StringRef name) {
    return (classOf(object) + "\n" + name).str();
  }

  bool freezeReads(ModuleOp module) {
    bool froze = false;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      CopySite site{&func.front()};
      SmallVector<ts::GetAttrOp> reads;
      func.walk([&](ts::GetAttrOp get) { reads.push_back(get); });
      for (ts::GetAttrOp get : reads) {
        ts::ObjectOp object = resolve(get.getObject());
        if (!object)
          continue;
        StringRef cls = object.getType().getName();
        if (escaped.contains(cls) ||
            changed.contains(slotKey(object.getType(), get.getName())))
          continue;
        Value slot = object.getSlot(get.getName());
        if (!slot || !isCopyable(slot))
          continue;
        Value frozen = copyTree(site, slot, get.getLoc());
        replaceRead(get, frozen);
        froze = true;
      }
    }
    return froze;
  }

  /// Replaces the read by the frozen value, which may have a more precise
  /// type (a constant's refined tensor type); results of the method keep
  /// their declared type through an unchecked cast.
  void replaceRead(ts::GetAttrOp get, Value frozen) {
    Type declared = get.getType();
    if (frozen.getType() == declared) {
      get.replaceAllUsesWith(frozen);
    } else {
      OpBuilder b(get);
      Value cast;
      for (OpOperand &use : llvm::make_early_inc_range(get->getUses())) {
        if (isa<func::ReturnOp>(use.getOwner()) ||
            !ts::isSubtypeOf(frozen.getType(), declared)) {
          if (!cast)
            cast =
                ts::UncheckedCastOp::create(b, get.getLoc(), declared, frozen);
          use.set(cast);
        } else {
          use.set(frozen);
        }
      }
    }
    get.erase();
  }

  void dropUnusedSelf(ModuleOp module) {
    bool stateful = false;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal() || func.getNumArguments() == 0 ||
          !isSelf(func.getArgument(0)))
        continue;
      if (func.getArgument(0).use_empty())
        (void)func.eraseArgument(0);
      else
        stateful = true;
    }
    if (stateful)
      return;
    // Nothing reads the object graph any more.
    SmallVector<Operation *> graph;
    for (Operation &op : module.getOps())
      if (!isa<func::FuncOp>(op))
        graph.push_back(&op);
    for (Operation *op : llvm::reverse(graph))
      op->erase();
  }

  ts::ObjectOp root;
  ts::ClassType rootType;
  llvm::StringSet<> changed;
  llvm::StringSet<> escaped;
  FrozenRewritePatternSet patterns;
};

} // namespace
