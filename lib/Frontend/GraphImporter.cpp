//===- GraphImporter.cpp - TorchScript graphs to the ts dialect -----------===//
//
// The one translation unit that sees both LibTorch and MLIR: it walks each
// method's torch::jit::Graph node by node and builds the matching ts ops,
// types and locations.
//
//===----------------------------------------------------------------------===//

#include "TorchLoader.h"
#include "tsc/Dialect/TS/IR/TSOps.h"
#include "tsc/Frontend/Importer.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"

#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <sstream>

using namespace mlir;
namespace jit = torch::jit;

namespace tsc {
namespace {

class GraphImporter {
public:
  GraphImporter(MLIRContext &ctx, ModuleOp module, std::string path)
      : ctx(ctx), b(&ctx), module(module), path(std::move(path)) {}

  LogicalResult importMethod(const frontend::LoadedMethod &method);
  /// Writes the module tree at module level: one ts.object per module or
  /// class instance, constants for its attributes; `root` marks the top.
  LogicalResult
  importObjectGraph(const c10::intrusive_ptr<c10::ivalue::Object> &root);

private:
  FailureOr<Value>
  importObject(const c10::intrusive_ptr<c10::ivalue::Object> &obj,
               const std::string &name, bool isRoot);
  FailureOr<Value> importAttribute(const c10::IValue &iv,
                                   const c10::TypePtr &declared,
                                   const std::string &name);
  bool isConstantTree(const c10::IValue &iv);
  Type importType(const c10::TypePtr &type);
  Type importDtype(c10::ScalarType st);
  Location importLoc(const jit::Node *node);
  std::optional<Location> sourceLoc(const jit::SourceRange &range);
  FailureOr<Attribute> importConstant(const c10::IValue &iv, Type type,
                                      Location loc);
  LogicalResult importBlock(const jit::Block *block);
  LogicalResult importNode(const jit::Node *node);
  LogicalResult importSchemaNode(const jit::Node *node, Location loc);
  LogicalResult importFork(const jit::Node *node, Location loc);
  LogicalResult importRegion(Region &region, const jit::Block *block,
                             ArrayRef<Value> blockArgs = {});
  template <typename Values> SmallVector<Value> lookup(Values vs) {
    SmallVector<Value> out;
    for (const jit::Value *v : vs)
      out.push_back(values.lookup(v));
    return out;
  }
  template <typename Values> SmallVector<Type> typesOf(Values vs) {
    SmallVector<Type> out;
    for (const jit::Value *v : vs)
      out.push_back(importType(v->type()));
    return out;
  }
  template <typename Values> void bind(Values from, ValueRange to) {
    for (auto [f, t] : llvm::zip(from, to))
      values[f] = t;
  }

  MLIRContext &ctx;
  OpBuilder b;
  ModuleOp module;
  std::string path;
  llvm::DenseMap<const jit::Value *, Value> values;
  /// The location of the last node that had one (see importLoc).
  std::optional<Location> lastLoc;
  /// Objects already imported: a submodule shared by two parents is one
  /// ts.object.
  llvm::DenseMap<const c10::ivalue::Object *, Value> objects;
};

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

Type GraphImporter::importDtype(c10::ScalarType st) {
  switch (st) {
  case c10::ScalarType::Byte:
    return IntegerType::get(&ctx, 8, IntegerType::Unsigned);
  case c10::ScalarType::Char:
    return IntegerType::get(&ctx, 8, IntegerType::Signed);
  case c10::ScalarType::Short:
    return IntegerType::get(&ctx, 16, IntegerType::Signed);
  case c10::ScalarType::Int:
    return IntegerType::get(&ctx, 32, IntegerType::Signed);
  case c10::ScalarType::Long:
    return IntegerType::get(&ctx, 64, IntegerType::Signed);
  case c10::ScalarType::Half:
    return Float16Type::get(&ctx);
  case c10::ScalarType::BFloat16:
    return BFloat16Type::get(&ctx);
  case c10::ScalarType::Float:
    return Float32Type::get(&ctx);
  case c10::ScalarType::Double:
    return Float64Type::get(&ctx);
  case c10::ScalarType::ComplexFloat:
    return ComplexType::get(Float32Type::get(&ctx));
  case c10::ScalarType::ComplexDouble:
    return ComplexType::get(Float64Type::get(&ctx));
  case c10::ScalarType::Bool:
    return IntegerType::get(&ctx, 1);
  default:
    return Type(); // quantized and other dtypes: not refined
  }
}

Type GraphImporter::importType(const c10::TypePtr &type) {
  using c10::TypeKind;
  switch (type->kind()) {
  case TypeKind::TensorType: {
    const auto &t = type->expectRef<c10::TensorType>();
    Type dtype;
    if (auto st = t.scalarType())
      dtype = importDtype(*st);
    std::optional<SmallVector<int64_t>> sizes;
    if (auto dims = t.sizes().sizes()) {
      sizes.emplace();
      for (const auto &d : *dims)
        sizes->push_back(d ? *d : ts::TensorType::kDynamic);
    }
    if (sizes)
      return ts::TensorType::get(&ctx, ArrayRef<int64_t>(*sizes), dtype);
    return ts::TensorType::get(&ctx, std::nullopt, dtype);
  }
  case TypeKind::IntType:
    return IntegerType::get(&ctx, 64);
  case TypeKind::FloatType:
    return Float64Type::get(&ctx);
  case TypeKind::BoolType:
    return IntegerType::get(&ctx, 1);
  case TypeKind::StringType:
    return ts::StrType::get(&ctx);
  case TypeKind::NoneType:
    return ts::NoneType::get(&ctx);
  case TypeKind::DeviceObjType:
    return ts::DeviceType::get(&ctx);
  case TypeKind::NumberType:
    return ts::NumberType::get(&ctx);
  case TypeKind::AnyType:
    return ts::AnyType::get(&ctx);
  case TypeKind::ListType:
    return ts::ListType::get(
        &ctx, importType(type->expectRef<c10::ListType>().getElementType()));
  case TypeKind::TupleType: {
    const auto &tuple = type->expectRef<c10::TupleType>();
    SmallVector<Type> elems;
    for (const auto &e : tuple.elements())
      elems.push_back(importType(e));
    if (!tuple.schema() || !tuple.name())
      return ts::TupleType::get(&ctx, elems);
    SmallVector<Attribute> fields;
    for (const c10::Argument &field : tuple.schema()->arguments())
      fields.push_back(b.getStringAttr(field.name()));
    return ts::TupleType::get(&ctx, elems,
                              b.getStringAttr(tuple.name()->qualifiedName()),
                              b.getArrayAttr(fields));
  }
  case TypeKind::DictType: {
    const auto &d = type->expectRef<c10::DictType>();
    return ts::DictType::get(&ctx, importType(d.getKeyType()),
                             importType(d.getValueType()));
  }
  case TypeKind::OptionalType:
    return ts::OptionalType::get(
        &ctx,
        importType(type->expectRef<c10::OptionalType>().getElementType()));
  case TypeKind::UnionType: {
    SmallVector<Type> elems;
    for (const auto &e : type->expectRef<c10::UnionType>().containedTypes())
      elems.push_back(importType(e));
    return ts::UnionType::get(&ctx, elems);
  }
  case TypeKind::ClassType:
    return ts::ClassType::get(&ctx, type->annotation_str());
  case TypeKind::FutureType:
    return ts::FutureType::get(
        &ctx, importType(type->expectRef<c10::FutureType>().getElementType()));
  default:
    return ts::OpaqueType::get(&ctx, type->annotation_str());
  }
}

//===----------------------------------------------------------------------===//
// Locations
//===----------------------------------------------------------------------===//

Location GraphImporter::importLoc(const jit::Node *node) {
  std::optional<Location> loc = sourceLoc(node->sourceRange());
  // Nodes TorchScript builds without a source range (an empty dict
  // literal's DictConstruct, some attribute reads) get the location of the
  // node imported before them, so that errors still point near the code.
  if (loc)
    lastLoc = *loc;
  return lastLoc ? *lastLoc : FileLineColLoc::get(&ctx, path, 0, 0);
}

std::optional<Location>
GraphImporter::sourceLoc(const jit::SourceRange &range) {
  // Prefer the user's Python source when the archive's debug info has it.
  c10::optional<jit::SourceRange> original =
      range.findSourceRangeThatGenerated();
  const jit::SourceRange *candidates[] = {original ? &*original : nullptr,
                                          &range};
  for (const jit::SourceRange *r : candidates) {
    if (!r || !r->source())
      continue;
    if (auto flc = r->file_line_col()) {
      auto [file, line, col] = *flc;
      return FileLineColLoc::get(&ctx, file, line, col + 1);
    }
  }
  // No file name: the line and column in the code the archive holds.
  if (range.source() && range.source()->size() > 0) {
    const std::shared_ptr<jit::Source> &src = range.source();
    size_t line = src->lineno_for_offset(range.start());
    size_t col = range.start() - src->offset_for_line(line);
    return FileLineColLoc::get(&ctx, path + ":code",
                               src->lineno_to_source_lineno(line), col + 1);
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

FailureOr<Attribute> GraphImporter::importConstant(const c10::IValue &iv,
                                                   Type type, Location loc) {
  if (iv.isNone())
    return Attribute(UnitAttr::get(&ctx));
  if (iv.isBool())
    return Attribute(b.getBoolAttr(iv.toBool()));
  if (iv.isInt())
    return Attribute(b.getI64IntegerAttr(iv.toInt()));
  if (iv.isDouble())
    return Attribute(b.getF64FloatAttr(iv.toDouble()));
  if (iv.isString())
    return Attribute(b.getStringAttr(iv.toStringRef()));
  if (iv.isDevice())
    return Attribute(b.getStringAttr(iv.toDevice().str()));
  if (iv.isTensor()) {
    at::Tensor t = iv.toTensor();
    if (t.requires_grad())
      t = t.detach();
    if (!t.is_cpu())
      t = t.cpu();
    t = t.contiguous();
    Type dtype = importDtype(t.scalar_type());
    if (!dtype)
      return emitError(loc, "cannot import a tensor constant of dtype ")
             << c10::toString(t.scalar_type());
    SmallVector<int64_t> shape(t.sizes().begin(), t.sizes().end());
    auto tensorType = RankedTensorType::get(shape, dtype);
    if (t.scalar_type() == c10::ScalarType::Bool) {
      SmallVector<bool> bits;
      const bool *p = t.data_ptr<bool>();
      bits.assign(p, p + t.numel());
      return Attribute(DenseElementsAttr::get(tensorType, bits));
    }
    ArrayRef<char> raw(static_cast<const char *>(t.data_ptr()), t.nbytes());
    return Attribute(DenseElementsAttr::getFromRawBuffer(tensorType, raw));
  }
  if (iv.isList() || iv.isTuple()) {
    SmallVector<Attribute> elems;
    auto elementType = [&](size_t i) -> Type {
      if (auto l = dyn_cast<ts::ListType>(type))
        return l.getElementType();
      if (auto t = dyn_cast<ts::TupleType>(type))
        return t.getElementTypes()[i];
      return Type();
    };
    std::vector<c10::IValue> items;
    if (iv.isList())
      for (const c10::IValue &e : iv.toListRef())
        items.push_back(e);
    else
      items = iv.toTupleRef().elements().vec();
    for (size_t i = 0; i < items.size(); ++i) {
      FailureOr<Attribute> a = importConstant(items[i], elementType(i), loc);
      if (failed(a))
        return failure();
      elems.push_back(*a);
    }
    return Attribute(b.getArrayAttr(elems));
  }
  return emitError(loc, "cannot import a constant of kind ") << iv.tagKind();
}

//===----------------------------------------------------------------------===//
// Nodes
//===----------------------------------------------------------------------===//

LogicalResult GraphImporter::importRegion(Region &region,
                                          const jit::Block *block,
                                          ArrayRef<Value> blockArgs) {
  OpBuilder::InsertionGuard guard(b);
  Block *body = &region.emplaceBlock();
  for (const jit::Value *in : block->inputs())
    values[in] = body->addArgument(importType(in->type()), region.getLoc());
  b.setInsertionPointToStart(body);
  if (failed(importBlock(block)))
    return failure();
  ts::YieldOp::create(b, region.getLoc(), lookup(block->outputs()));
  return success();
}

LogicalResult GraphImporter::importBlock(const jit::Block *block) {
  for (const jit::Node *node : block->nodes())
    if (failed(importNode(node)))
      return failure();
  return success();
}

LogicalResult GraphImporter::importNode(const jit::Node *node) {
  Location loc = importLoc(node);
  c10::Symbol kind = node->kind();
  auto results = [&] { return typesOf(node->outputs()); };
  auto operands = [&] { return lookup(node->inputs()); };

  if (kind == c10::prim::Constant) {
    Type type = importType(node->output()->type());
    c10::optional<c10::IValue> iv = jit::toIValue(node->output());
    if (!iv)
      return emitError(loc, "cannot evaluate constant of type ")
             << node->output()->type()->repr_str();
    FailureOr<Attribute> attr = importConstant(*iv, type, loc);
    if (failed(attr))
      return failure();
    values[node->output()] = ts::ConstantOp::create(b, loc, type, *attr);
    return success();
  }
  if (kind == c10::prim::If) {
    auto op =
        ts::IfOp::create(b, loc, results(), values.lookup(node->input(0)));
    if (failed(importRegion(op.getThenRegion(), node->blocks()[0])) ||
        failed(importRegion(op.getElseRegion(), node->blocks()[1])))
      return failure();
    bind(node->outputs(), op.getResults());
    return success();
  }
  if (kind == c10::prim::Loop) {
    SmallVector<Value> ins = operands();
    auto op = ts::LoopOp::create(b, loc, results(), ins[0], ins[1],
                                 ArrayRef<Value>(ins).drop_front(2));
    if (failed(importRegion(op.getBody(), node->blocks()[0])))
      return failure();
    bind(node->outputs(), op.getResults());
    return success();
  }

  Operation *op = nullptr;
  if (kind == c10::prim::ListConstruct)
    op = ts::ListConstructOp::create(b, loc, results().front(), operands());
  else if (kind == c10::prim::ListUnpack)
    op = ts::ListUnpackOp::create(b, loc, results(), operands().front());
  else if (kind == c10::prim::DictConstruct)
    op = ts::DictConstructOp::create(b, loc, results().front(), operands());
  else if (kind == c10::prim::isinstance) {
    SmallVector<Attribute> types;
    for (const c10::TypePtr &t : node->tys(c10::attr::types))
      types.push_back(TypeAttr::get(importType(t)));
    op = ts::IsInstanceOp::create(b, loc, b.getI1Type(), operands().front(),
                                  b.getArrayAttr(types));
  } else if (kind == c10::prim::CreateObject)
    op = ts::CreateObjectOp::create(b, loc, results().front());
  else if (kind == c10::prim::Enter)
    op = ts::EnterOp::create(b, loc, results().front(), operands().front());
  else if (kind == c10::prim::Exit)
    op = ts::ExitOp::create(b, loc, results().front(), operands().front());
  else if (kind == c10::prim::fork)
    return importFork(node, loc);
  else if (kind == c10::prim::TupleConstruct)
    op = ts::TupleConstructOp::create(b, loc, results().front(), operands());
  else if (kind == c10::prim::TupleUnpack)
    op = ts::TupleUnpackOp::create(b, loc, results(), operands().front());
  else if (kind == c10::prim::TupleIndex)
    op = ts::TupleIndexOp::create(b, loc, results().front(), operands()[0],
                                  operands()[1]);
  else if (kind == c10::prim::unchecked_cast)
    op = ts::UncheckedCastOp::create(b, loc, results().front(),
                                     operands().front());
  else if (kind == c10::prim::Uninitialized)
    op = ts::UninitializedOp::create(b, loc, results().front());
  else if (kind == c10::prim::GetAttr)
    op = ts::GetAttrOp::create(b, loc, results().front(), operands().front(),
                               node->s(c10::attr::name));
  else if (kind == c10::prim::SetAttr)
    op = ts::SetAttrOp::create(b, loc, operands()[0], operands()[1],
                               node->s(c10::attr::name));
  else if (kind == c10::prim::CallMethod)
    op = ts::CallMethodOp::create(b, loc, results(), node->s(c10::attr::name),
                                  operands());
  else if (kind == c10::prim::CallFunction)
    op = ts::CallFunctionOp::create(b, loc, results(), operands());
  if (op) {
    bind(node->outputs(), op->getResults());
    return success();
  }
  return importSchemaNode(node, loc);
}

/// prim::fork: the forked function's graph (a node attribute) becomes the
/// op's region, its calls inlined like the method's.
LogicalResult GraphImporter::importFork(const jit::Node *node, Location loc) {
  std::shared_ptr<jit::Graph> body = node->g(c10::attr::Subgraph)->copy();
  jit::Inline(*body);
  // Inlining leaves the called function's constant behind.
  jit::EliminateDeadCode(body);
  auto op = ts::ForkOp::create(b, loc, importType(node->output()->type()),
                               lookup(node->inputs()));
  if (failed(importRegion(op.getBody(), body->block())))
    return failure();
  values[node->output()] = op.getResult();
  return success();
}

/// A node with an operator schema: the modelled op if the dialect has one
/// for this overload and it verifies, else the generic ts.operator.
LogicalResult GraphImporter::importSchemaNode(const jit::Node *node,
                                              Location loc) {
  const c10::FunctionSchema *schema = node->maybeSchema();
  if (!schema)
    return emitError(loc, "unsupported TorchScript node '")
           << node->kind().toQualString() << "'";
  const std::string &name = schema->name();
  const std::string &overload = schema->overload_name();
  SmallVector<Value> operands = lookup(node->inputs());
  SmallVector<Type> results = typesOf(node->outputs());

  std::string opName = "ts." + std::string(node->kind().ns().toUnqualString()) +
                       "." + node->kind().toUnqualString() +
                       (overload.empty() ? "" : "." + overload);
  if (std::optional<RegisteredOperationName> info =
          RegisteredOperationName::lookup(opName, &ctx)) {
    OperationState state(loc, *info);
    state.addOperands(operands);
    state.addTypes(results);
    Operation *op = b.create(state);
    // A modelled op whose arity or types differ from this overload's use
    // (e.g. an optional argument the ODS types more narrowly) falls back to
    // the generic op rather than failing the import.
    bool ok;
    {
      ScopedDiagnosticHandler silence(&ctx,
                                      [](Diagnostic &) { return success(); });
      ok = succeeded(verify(op, /*verifyRecursively=*/false));
    }
    if (ok) {
      bind(node->outputs(), op->getResults());
      return success();
    }
    op->erase();
  }
  std::ostringstream schemaText;
  schemaText << *schema;
  auto op = ts::OperatorOp::create(b, loc, results, b.getStringAttr(name),
                                   b.getStringAttr(overload),
                                   b.getStringAttr(schemaText.str()), operands);
  bind(node->outputs(), op.getResults());
  return success();
}

//===----------------------------------------------------------------------===//
// The object graph
//===----------------------------------------------------------------------===//

/// Whether `iv` is a value ts.prim.Constant can hold: a scalar, string,
/// device, None, a tensor of an importable dtype, or lists and tuples of
/// these.
bool GraphImporter::isConstantTree(const c10::IValue &iv) {
  if (iv.isNone() || iv.isBool() || iv.isInt() || iv.isDouble() ||
      iv.isString() || iv.isDevice())
    return true;
  if (iv.isTensor())
    return static_cast<bool>(importDtype(iv.toTensor().scalar_type()));
  if (iv.isList())
    return llvm::all_of(iv.toListRef(), [&](const c10::IValue &e) {
      return isConstantTree(e);
    });
  if (iv.isTuple())
    return llvm::all_of(iv.toTupleRef().elements(), [&](const c10::IValue &e) {
      return isConstantTree(e);
    });
  return false;
}

FailureOr<Value> GraphImporter::importAttribute(const c10::IValue &iv,
                                                const c10::TypePtr &declared,
                                                const std::string &name) {
  Location loc = NameLoc::get(b.getStringAttr(name),
                              FileLineColLoc::get(&ctx, path, 0, 0));
  auto unimported = [&](const std::string &what) {
    // A placeholder that -tsc-freeze never folds; code generation refuses a
    // method that reads it, at the read.
    auto placeholder =
        ts::UninitializedOp::create(b, loc, importType(declared));
    placeholder->setAttr("ts.unimported", b.getStringAttr(what));
    return Value(placeholder);
  };
  if (iv.isObject() && iv.isCustomClass())
    return unimported("a TorchBind object of the C++ class '" +
                      iv.toObjectRef().type()->name()->qualifiedName() +
                      "' (such as quantized packed weights)");
  if (iv.isObject())
    return importObject(iv.toObject(), name, /*isRoot=*/false);
  if (isConstantTree(iv)) {
    // The value's own type: a tensor's dtype and sizes, None rather than
    // the declared Optional. Both are subtypes of the declared type.
    Type type;
    if (iv.isTensor()) {
      const at::Tensor &t = iv.toTensor();
      SmallVector<int64_t> sizes(t.sizes().begin(), t.sizes().end());
      type = ts::TensorType::get(&ctx, ArrayRef<int64_t>(sizes),
                                 importDtype(t.scalar_type()));
    } else if (iv.isTuple() && declared->kind() == c10::TypeKind::TupleType &&
               declared->expectRef<c10::TupleType>().schema()) {
      type = importType(declared); // a NamedTuple keeps its name
    } else {
      type = importType(iv.isNone() ? c10::NoneType::get() : iv.type());
    }
    FailureOr<Attribute> attr = importConstant(iv, type, loc);
    if (failed(attr))
      return failure();
    return Value(ts::ConstantOp::create(b, loc, type, *attr));
  }
  if (iv.isList() || iv.isTuple()) {
    std::vector<c10::IValue> items =
        iv.isList() ? iv.toList().vec() : iv.toTupleRef().elements().vec();
    SmallVector<Value> elems;
    for (size_t i = 0; i < items.size(); ++i) {
      FailureOr<Value> e = importAttribute(
          items[i], items[i].type(), name + "[" + std::to_string(i) + "]");
      if (failed(e))
        return failure();
      elems.push_back(*e);
    }
    Type type = importType(iv.type());
    if (iv.isList())
      return Value(ts::ListConstructOp::create(b, loc, type, elems));
    return Value(ts::TupleConstructOp::create(b, loc, type, elems));
  }
  if (iv.isGenericDict()) {
    SmallVector<Value> kvs;
    for (const auto &entry : iv.toGenericDict()) {
      FailureOr<Value> k =
          importAttribute(entry.key(), entry.key().type(), name + "[key]");
      FailureOr<Value> v = importAttribute(entry.value(), entry.value().type(),
                                           name + "[value]");
      if (failed(k) || failed(v))
        return failure();
      kvs.push_back(*k);
      kvs.push_back(*v);
    }
    return Value(
        ts::DictConstructOp::create(b, loc, importType(iv.type()), kvs));
  }
  // Futures, enums, capsules, ...
  return unimported(std::string("a value of kind ") + iv.tagKind());
}

FailureOr<Value>
GraphImporter::importObject(const c10::intrusive_ptr<c10::ivalue::Object> &obj,
                            const std::string &name, bool isRoot) {
  if (Value done = objects.lookup(obj.get()))
    return done;
  const c10::ClassTypePtr &cls = obj->type();
  SmallVector<Attribute> slots;
  SmallVector<Value> slotValues;
  for (size_t i = 0; i < cls->numAttributes(); ++i) {
    const std::string &attr = cls->getAttributeName(i);
    FailureOr<Value> v =
        importAttribute(obj->getSlot(i), cls->getAttribute(i),
                        name.empty() ? attr : name + "." + attr);
    if (failed(v))
      return failure();
    slots.push_back(b.getStringAttr(attr));
    slotValues.push_back(*v);
  }
  Location loc = NameLoc::get(b.getStringAttr(name.empty() ? "self" : name),
                              FileLineColLoc::get(&ctx, path, 0, 0));
  auto op = ts::ObjectOp::create(b, loc, importType(cls), b.getArrayAttr(slots),
                                 slotValues, isRoot);
  objects[obj.get()] = op;
  return Value(op);
}

LogicalResult GraphImporter::importObjectGraph(
    const c10::intrusive_ptr<c10::ivalue::Object> &root) {
  b.setInsertionPointToEnd(module.getBody());
  return importObject(root, "", /*isRoot=*/true);
}

//===----------------------------------------------------------------------===//
// Methods
//===----------------------------------------------------------------------===//

LogicalResult
GraphImporter::importMethod(const frontend::LoadedMethod &method) {
  const jit::Graph &graph = *method.graph;
  Location loc = FileLineColLoc::get(&ctx, path, 0, 0);
  lastLoc.reset();
  at::ArrayRef<const jit::Value *> inputs = graph.inputs();
  if (method.hasSelf && inputs.empty())
    return emitError(loc, "method '") << method.name << "' has no self";
  // A method keeps `self` (the root's class) as its first argument.
  size_t first = method.hasSelf ? 1 : 0;
  SmallVector<Type> argTypes = typesOf(inputs);
  SmallVector<Type> resultTypes = typesOf(graph.outputs());
  b.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(b, loc, method.name,
                                   b.getFunctionType(argTypes, resultTypes));
  if (method.hasSelf)
    func.setArgAttr(0, "ts.name", b.getStringAttr("self"));
  for (size_t i = 0; i < method.argNames.size() && first + i < argTypes.size();
       ++i)
    func.setArgAttr(first + i, "ts.name", b.getStringAttr(method.argNames[i]));
  Block *entry = func.addEntryBlock();
  bind(inputs, entry->getArguments());
  b.setInsertionPointToStart(entry);
  if (failed(importBlock(graph.block())))
    return failure();
  func::ReturnOp::create(b, loc, lookup(graph.outputs()));
  return success();
}

} // namespace

ImportResult importTorchScript(MLIRContext &context,
                               const ImportOptions &options) {
  context.loadDialect<ts::TSDialect, func::FuncDialect>();
  ImportResult result;
  frontend::LoadedProgram program;
  frontend::LoadError error;
  if (!frontend::loadTorchScript(options.path, program, error)) {
    emitError(FileLineColLoc::get(&context, error.file, error.line, error.col),
              error.message);
    return result;
  }
  if (options.keepTorchGraphs) {
    std::ostringstream os;
    for (const frontend::LoadedMethod &m : program.methods)
      os << "graph of " << m.name << ":\n" << *m.graph << "\n";
    result.torchGraphs = os.str();
  }
  OwningOpRef<ModuleOp> module =
      ModuleOp::create(FileLineColLoc::get(&context, options.path, 0, 0));
  GraphImporter importer(context, *module, options.path);
  if (program.root && failed(importer.importObjectGraph(program.root)))
    return result;
  for (const frontend::LoadedMethod &m : program.methods)
    if (failed(importer.importMethod(m)))
      return result;
  if (failed(verify(*module)))
    return result;
  result.module = std::move(module);
  return result;
}

} // namespace tsc
