//===- ModelSignature.cpp - the methods a compiled model exports ----------===//

#include "tsc/Conversion/TSToLLVM/ModelSignature.h"
#include "tsc/Dialect/TS/IR/TSTypes.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace tsc {

CValueKind getCValueKind(Type type) {
  if (type.isInteger(64))
    return CValueKind::Int;
  if (type.isInteger(1))
    return CValueKind::Bool;
  if (type.isF64())
    return CValueKind::Float;
  return CValueKind::Handle;
}

FailureOr<SmallVector<MethodSignature>> collectMethods(ModuleOp module) {
  SmallVector<MethodSignature> methods;
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isPrivate() || func.isDeclaration())
      continue;
    MethodSignature m;
    m.name = func.getSymName().str();
    m.func = func;
    m.takesSelf = takesSelf(func);
    for (auto [i, type] : llvm::enumerate(func.getArgumentTypes())) {
      if (i == 0 && m.takesSelf)
        continue;
      std::string name = "arg" + std::to_string(i);
      if (auto attr = func.getArgAttrOfType<StringAttr>(i, "ts.name"))
        name = attr.str();
      m.args.push_back({name, type});
    }
    if (func.getNumResults() != 1)
      return func.emitError("method '")
             << m.name << "' must have exactly one result, has "
             << func.getNumResults();
    m.resultType = func.getResultTypes().front();
    if (auto tuple = dyn_cast<ts::TupleType>(m.resultType)) {
      m.flattensTuple = true;
      for (auto [i, t] : llvm::enumerate(tuple.getElementTypes()))
        m.outputs.push_back({"out" + std::to_string(i), t});
    } else {
      m.outputs.push_back({"out", m.resultType});
    }
    methods.push_back(std::move(m));
  }
  return methods;
}

bool takesSelf(func::FuncOp func) {
  if (func.isExternal() || func.getNumArguments() == 0 ||
      !isa<ts::ClassType>(func.getArgument(0).getType()))
    return false;
  // A function of the source whose first argument is an object of a user
  // class is not a method of the module.
  auto name = func.getArgAttrOfType<StringAttr>(0, "ts.name");
  return !name || name.getValue() == "self";
}

bool isStateful(ArrayRef<MethodSignature> methods) {
  return llvm::any_of(methods,
                      [](const MethodSignature &m) { return m.takesSelf; });
}

int32_t getDtypeCode(Type dtype) {
  if (!dtype)
    return -1;
  if (dtype.isUnsignedInteger(8))
    return 0;
  if (dtype.isSignedInteger(8))
    return 1;
  if (dtype.isSignedInteger(16))
    return 2;
  if (dtype.isSignedInteger(32))
    return 3;
  if (dtype.isSignedInteger(64))
    return 4;
  if (dtype.isF16())
    return 5;
  if (dtype.isF32())
    return 6;
  if (dtype.isF64())
    return 7;
  if (auto c = dyn_cast<ComplexType>(dtype))
    return c.getElementType().isF32() ? 9 : 10;
  if (dtype.isInteger(1))
    return 11;
  if (dtype.isBF16())
    return 15;
  return -1;
}

StringRef getDtypeName(Type dtype) {
  switch (getDtypeCode(dtype)) {
  case 0:
    return "uint8";
  case 1:
    return "int8";
  case 2:
    return "int16";
  case 3:
    return "int32";
  case 4:
    return "int64";
  case 5:
    return "float16";
  case 6:
    return "float32";
  case 7:
    return "float64";
  case 9:
    return "complex64";
  case 10:
    return "complex128";
  case 11:
    return "bool";
  case 15:
    return "bfloat16";
  default:
    return "";
  }
}

static llvm::json::Object describe(const NamedValue &v) {
  llvm::json::Object o{{"name", v.name},
                       {"type", ts::getTorchScriptTypeString(v.type)}};
  if (auto t = dyn_cast<ts::TensorType>(v.type)) {
    if (t.getDtype() && !getDtypeName(t.getDtype()).empty())
      o["dtype"] = getDtypeName(t.getDtype());
    if (std::optional<ArrayRef<int64_t>> dims = t.getSizes()) {
      llvm::json::Array sizes;
      for (int64_t d : *dims)
        sizes.push_back(d == ts::TensorType::kDynamic
                            ? llvm::json::Value(nullptr)
                            : llvm::json::Value(d));
      o["sizes"] = std::move(sizes);
    }
  }
  return o;
}

std::string getSignatureJSON(StringRef modelName,
                             ArrayRef<MethodSignature> methods) {
  llvm::json::Array ms;
  for (const MethodSignature &m : methods) {
    llvm::json::Array args, outs;
    for (const NamedValue &a : m.args)
      args.push_back(describe(a));
    for (const NamedValue &o : m.outputs)
      outs.push_back(describe(o));
    ms.push_back(llvm::json::Object{
        {"name", m.name},
        {"args", std::move(args)},
        {"result", ts::getTorchScriptTypeString(m.resultType)},
        {"outputs", std::move(outs)}});
  }
  llvm::json::Object root{{"model", modelName},
                          {"stateful", isStateful(methods)},
                          {"methods", std::move(ms)}};
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::json::Value(std::move(root));
  return out;
}

bool isCIdentifier(StringRef name) {
  if (name.empty() || !(isalpha(name[0]) || name[0] == '_'))
    return false;
  return llvm::all_of(name, [](char c) { return isalnum(c) || c == '_'; });
}

} // namespace tsc
