//===- ModuleState.cpp - the object graph a loaded instance holds ---------===//
//
// Methods that still read or assign attributes of `self` after freezing keep
// module state. Their object graph (the module-level `ts.object` tree) moves
// into a private function that builds it, called once per `<model>_load`:
// each object the methods can reach becomes a `prim::CreateObject` with one
// `prim::SetAttr` per attribute the methods use. Attributes no method uses
// are not built, so weights that freezing turned into constants are not
// kept twice.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;

namespace tsc {
namespace {

/// The attribute names the methods read or assign, per class. A read
/// through a value whose static type is not a class (a module interface)
/// may reach any class: its name counts for all of them.
class UsedAttributes {
public:
  explicit UsedAttributes(ModuleOp module) {
    for (auto func : module.getOps<func::FuncOp>())
      func.walk([&](Operation *op) {
        if (auto get = dyn_cast<ts::GetAttrOp>(op))
          note(get.getObject().getType(), get.getName());
        else if (auto set = dyn_cast<ts::SetAttrOp>(op))
          note(set.getObject().getType(), set.getName());
      });
  }
  bool contains(Type cls, StringRef name) const {
    auto it = byClass.find(cls);
    return anyClass.contains(name) ||
           (it != byClass.end() && it->second.contains(name));
  }

private:
  void note(Type object, StringRef name) {
    if (isa<ts::ClassType>(object))
      byClass[object].insert(name);
    else
      anyClass.insert(name);
  }
  llvm::DenseMap<Type, llvm::StringSet<>> byClass;
  llvm::StringSet<> anyClass;
};

} // namespace

FailureOr<func::FuncOp> buildStateLoader(ModuleOp module, StringRef name) {
  SmallVector<Operation *> graph;
  ts::ObjectOp root;
  for (Operation &op : module.getOps()) {
    // Methods, and fusion kernels already in LLVM or for the GPU, are not
    // state.
    if (isa<func::FuncOp>(op) ||
        isa<LLVM::LLVMDialect, gpu::GPUDialect>(op.getDialect()))
      continue;
    graph.push_back(&op);
    if (auto object = dyn_cast<ts::ObjectOp>(op); object && object.getRoot())
      root = object;
  }
  SmallVector<func::FuncOp> methods;
  for (auto func : module.getOps<func::FuncOp>())
    if (takesSelf(func))
      methods.push_back(func);

  if (methods.empty()) {
    // Freezing left no method reading the graph: nothing to keep.
    for (Operation *op : llvm::reverse(graph))
      op->erase();
    return func::FuncOp();
  }
  Type selfType = methods.front().getArgument(0).getType();
  if (!root || root.getType() != selfType)
    return methods.front().emitError("method '")
           << methods.front().getSymName() << "' takes 'self' of type "
           << selfType << " but the module has no root object of that class";
  for (func::FuncOp m : methods)
    if (m.getArgument(0).getType() != selfType)
      return m.emitError("method '")
             << m.getSymName() << "' takes 'self' of type "
             << m.getArgument(0).getType() << ", the root object is "
             << selfType;

  UsedAttributes used(module);
  // The objects the methods can reach from self through used attributes.
  llvm::SetVector<Operation *> reachable;
  reachable.insert(root);
  for (size_t i = 0; i < reachable.size(); ++i) {
    auto object = cast<ts::ObjectOp>(reachable[i]);
    for (auto [slot, value] :
         llvm::zip(object.getSlots().getAsValueRange<StringAttr>(),
                   object.getValues()))
      if (used.contains(object.getType(), slot))
        if (auto inner = value.getDefiningOp<ts::ObjectOp>())
          reachable.insert(inner);
  }

  // An attribute the importer could not represent (ts.unimported) cannot be
  // built: refuse the first method that reads it, at the read.
  for (Operation *op : reachable) {
    auto object = cast<ts::ObjectOp>(op);
    for (auto [slot, value] :
         llvm::zip(object.getSlots().getAsValueRange<StringAttr>(),
                   object.getValues())) {
      auto placeholder = value.getDefiningOp<ts::UninitializedOp>();
      if (!placeholder || !used.contains(object.getType(), slot))
        continue;
      auto what = placeholder->getAttrOfType<StringAttr>("ts.unimported");
      if (!what)
        continue;
      Operation *read = nullptr;
      module.walk([&](ts::GetAttrOp get) {
        if (!read && get.getName() == slot &&
            get.getObject().getType() == object.getType())
          read = get;
      });
      return emitError(read ? read->getLoc() : object.getLoc(), "attribute '")
             << slot << "' holds " << what.getValue()
             << ", which compiled code cannot hold: not supported";
    }
  }

  OpBuilder b(module.getContext());
  b.setInsertionPointToStart(module.getBody());
  auto loader = func::FuncOp::create(b, root.getLoc(), name,
                                     b.getFunctionType({}, {selfType}));
  loader.setPrivate();
  Block *body = loader.addEntryBlock();
  for (Operation *op : graph)
    op->moveBefore(body, body->end());

  // Objects in graph order (leaves first): each one's attributes are built
  // before it.
  Value rootValue;
  for (Operation *op : graph) {
    auto object = dyn_cast<ts::ObjectOp>(op);
    if (!object)
      continue;
    if (!reachable.contains(object)) {
      object->dropAllReferences();
      continue;
    }
    b.setInsertionPoint(object);
    auto created =
        ts::CreateObjectOp::create(b, object.getLoc(), object.getType());
    for (auto [slot, value] :
         llvm::zip(object.getSlots().getAsValueRange<StringAttr>(),
                   object.getValues()))
      if (used.contains(object.getType(), slot))
        ts::SetAttrOp::create(b, object.getLoc(), created, value, slot);
    object.getResult().replaceAllUsesWith(created.getResult());
    if (object == root)
      rootValue = created.getResult();
  }
  b.setInsertionPointToEnd(body);
  func::ReturnOp::create(b, root.getLoc(), rootValue);

  // Drop what nothing uses any more: the objects (now replaced or
  // unreachable) and the values only they held.
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*body))) {
    if (isa<ts::ObjectOp>(op) && op.use_empty()) {
      op.erase();
      continue;
    }
    if (op.use_empty() && op.getNumResults() > 0 &&
        !isa<ts::CreateObjectOp>(op))
      op.erase();
  }
  return loader;
}

} // namespace tsc
