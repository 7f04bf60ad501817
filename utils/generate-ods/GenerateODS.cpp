//===- GenerateODS.cpp - ODS op definitions from LibTorch's registry ------===//
//
// Usage: tsc-generate-ods ops.txt > TSGeneratedOps.td
//
// ops.txt lists the operators the ts dialect models individually, one
// registry key per line (`aten::add.Tensor`, `prim::NumToTensor.Scalar`),
// optionally followed by flags:
//   fold     the op has a folder (implemented in TSOps.cpp)
//   effects  the op has side effects its schema does not show (printing,
//            global state); it gets no memory-effect trait
// Everything else is read from the operator's schema: argument and result
// names, their types, and whether an argument is written (`Tensor(a!)`).
//
//===----------------------------------------------------------------------===//

#include <ATen/core/function_schema.h>
#include <torch/csrc/jit/runtime/operator.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace {

struct Entry {
  std::string key; // aten::add.Tensor
  bool fold = false;
  bool effects = false;
  int line = 0;
};

std::string camel(const std::string &s) {
  std::string out;
  bool upper = true;
  for (char c : s) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(c)) : c;
    upper = false;
  }
  return out;
}

/// The C++ class name for an operator: aten::add_.Tensor -> AtenAdd_TensorOp,
/// aten::__getitem__.t -> AtenDunderGetitemTOp, aten::_convolution ->
/// Aten_ConvolutionOp. Leading and trailing underscores are kept so that
/// add/add_ and convolution/_convolution stay distinct.
std::string className(const std::string &ns, const std::string &name,
                      const std::string &overload) {
  std::string body;
  size_t lead = name.find_first_not_of('_');
  size_t trail = name.size() - 1 - name.find_last_not_of('_');
  if (lead == 2 && trail == 2)
    body = "Dunder" + camel(name);
  else
    body = std::string(lead, '_') + camel(name) + std::string(trail, '_');
  return camel(ns) + body + camel(overload) + "Op";
}

/// The ODS constraint for a TorchScript type as it appears in a schema.
std::string constraintFor(const c10::TypePtr &type) {
  using c10::TypeKind;
  switch (type->kind()) {
  case TypeKind::TensorType:
    return "TS_AnyTensor";
  case TypeKind::IntType:
    return "TS_Int";
  case TypeKind::FloatType:
    return "TS_Float";
  case TypeKind::BoolType:
    return "TS_Bool";
  case TypeKind::StringType:
    return "TS_Str";
  case TypeKind::NumberType:
    return "TS_Scalar";
  case TypeKind::DeviceObjType:
    return "TS_Device";
  case TypeKind::ListType:
    return "TS_List";
  case TypeKind::TupleType:
    return "TS_Tuple";
  case TypeKind::DictType:
    return "TS_Dict";
  case TypeKind::OptionalType: {
    std::string elem =
        constraintFor(type->expectRef<c10::OptionalType>().getElementType());
    return elem == "AnyType" ? elem : "TS_OptionalOf<" + elem + ">";
  }
  default:
    return "AnyType"; // Any, type variables, Generator, Union, ...
  }
}

/// Types whose values TorchScript never mutates: an op on these alone has
/// no memory effects.
bool isValueType(const c10::TypePtr &type) {
  using c10::TypeKind;
  switch (type->kind()) {
  case TypeKind::IntType:
  case TypeKind::FloatType:
  case TypeKind::BoolType:
  case TypeKind::StringType:
  case TypeKind::NumberType:
  case TypeKind::DeviceObjType:
  case TypeKind::NoneType:
    return true;
  case TypeKind::OptionalType:
    return isValueType(type->expectRef<c10::OptionalType>().getElementType());
  default:
    return false;
  }
}

bool writesAnArgument(const c10::FunctionSchema &schema) {
  for (const c10::Argument &a : schema.arguments())
    if (a.alias_info() && a.alias_info()->isWrite())
      return true;
  return false;
}

/// Whether a result may share storage with an argument (`Tensor(a)` views,
/// `t(*)` list elements, in-place results).
bool returnsAlias(const c10::FunctionSchema &schema) {
  for (const c10::Argument &r : schema.returns())
    if (r.alias_info())
      return true;
  return false;
}

bool isRandom(const c10::FunctionSchema &schema) {
  for (const c10::Argument &a : schema.arguments())
    if (a.type()->kind() == c10::TypeKind::OptionalType &&
        a.type()->expectRef<c10::OptionalType>().getElementType()->kind() ==
            c10::TypeKind::GeneratorType)
      return true;
  static const std::set<std::string> random = {
      "aten::dropout",       "aten::feature_dropout",
      "aten::alpha_dropout", "aten::native_dropout",
      "aten::rand",          "aten::randn",
      "aten::randint",       "aten::randperm",
      "aten::rand_like",     "aten::randn_like",
      "aten::bernoulli",     "aten::multinomial",
      "aten::normal",        "aten::rrelu"};
  return random.count(schema.name()) != 0;
}

/// ODS names must be valid C++ identifiers that do not clash with the
/// accessors ODS generates.
std::string odsName(const std::string &name) {
  static const std::set<std::string> reserved = {
      "operands", "results",   "attributes", "properties", "type",  "location",
      "context",  "operation", "kind",       "name",       "print", "parse"};
  if (reserved.count(name))
    return name + "_";
  return name;
}

std::string escape(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

bool parseList(const char *path, std::vector<Entry> &entries) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "tsc-generate-ods: error: cannot open '" << path << "'\n";
    return false;
  }
  std::string line;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    Entry e;
    e.line = lineNo;
    if (!(words >> e.key))
      continue;
    std::string flag;
    while (words >> flag) {
      if (flag == "fold")
        e.fold = true;
      else if (flag == "effects")
        e.effects = true;
      else {
        std::cerr << path << ":" << lineNo << ": error: unknown flag '" << flag
                  << "'\n";
        return false;
      }
    }
    entries.push_back(e);
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: tsc-generate-ods ops.txt > TSGeneratedOps.td\n";
    return 2;
  }
  std::vector<Entry> entries;
  if (!parseList(argv[1], entries))
    return 1;

  std::map<std::string, const c10::FunctionSchema *> registry;
  for (const std::shared_ptr<torch::jit::Operator> &op :
       torch::jit::getAllOperators()) {
    const c10::FunctionSchema &s = op->schema();
    std::string key = s.name();
    if (!s.overload_name().empty())
      key += "." + s.overload_name();
    registry.emplace(key, &s);
  }

  std::cout
      << "//===- TSGeneratedOps.td - generated, do not edit "
         "------------*- tablegen -*-===//\n"
         "//\n"
         "// Written by utils/generate-ods from LibTorch's operator "
         "registry and\n"
         "// utils/generate-ods/ops.txt. To change it, edit ops.txt and "
         "run\n"
         "//   build/bin/tsc-generate-ods utils/generate-ods/ops.txt > \\\n"
         "//       include/tsc/Dialect/TS/IR/TSGeneratedOps.td\n"
         "//\n"
         "//===--------------------------------------------------------"
         "--------------===//\n\n"
         "#ifndef TSC_DIALECT_TS_IR_TSGENERATEDOPS\n"
         "#define TSC_DIALECT_TS_IR_TSGENERATEDOPS\n";

  std::set<std::string> seenKeys, seenClasses;
  int status = 0;
  for (const Entry &e : entries) {
    auto it = registry.find(e.key);
    if (it == registry.end()) {
      std::cerr << argv[1] << ":" << e.line << ": error: '" << e.key
                << "' is not in LibTorch's operator registry\n";
      status = 1;
      continue;
    }
    const c10::FunctionSchema &s = *it->second;
    if (!seenKeys.insert(e.key).second) {
      std::cerr << argv[1] << ":" << e.line << ": error: '" << e.key
                << "' is listed twice\n";
      status = 1;
      continue;
    }
    if (s.is_vararg() || s.is_varret()) {
      std::cerr << argv[1] << ":" << e.line << ": error: '" << e.key
                << "' has a variadic schema; it stays a generic ts.operator\n";
      status = 1;
      continue;
    }
    std::string ns = s.name().substr(0, s.name().find("::"));
    std::string name = s.name().substr(ns.size() + 2);
    std::string cls = className(ns, name, s.overload_name());
    if (!seenClasses.insert(cls).second) {
      std::cerr << argv[1] << ":" << e.line << ": error: class name '" << cls
                << "' is taken by another operator\n";
      status = 1;
      continue;
    }
    std::string mnemonic = ns + "." + name;
    if (!s.overload_name().empty())
      mnemonic += "." + s.overload_name();

    bool valueOnly = true;
    for (const c10::Argument &a : s.arguments())
      valueOnly &= isValueType(a.type());
    for (const c10::Argument &r : s.returns())
      valueOnly &= isValueType(r.type());
    std::vector<std::string> traits;
    if (returnsAlias(s))
      traits.push_back("TS_ReturnsAlias");
    if (writesAnArgument(s))
      traits.push_back("TS_InPlace");
    else if (!e.effects && !isRandom(s))
      traits.push_back(valueOnly ? "NoMemoryEffect"
                                 : "MemoryEffects<[MemRead]>");

    std::ostringstream schemaText;
    schemaText << s;
    std::cout << "\ndef TS_" << cls << " : TS_RegisteredOp<\"" << mnemonic
              << "\"";
    if (!traits.empty()) {
      std::cout << ", [";
      for (size_t i = 0; i < traits.size(); ++i)
        std::cout << (i ? ", " : "") << traits[i];
      std::cout << "]";
    }
    std::cout << "> {\n  let summary = \"" << escape(schemaText.str())
              << "\";\n  let arguments = (ins";
    for (size_t i = 0; i < s.arguments().size(); ++i) {
      const c10::Argument &a = s.arguments()[i];
      std::cout << (i ? ",\n                      " : "") << " "
                << constraintFor(a.type()) << ":$" << odsName(a.name());
    }
    std::cout << ");\n  let results = (outs";
    for (size_t i = 0; i < s.returns().size(); ++i) {
      const c10::Argument &r = s.returns()[i];
      std::string rname =
          r.name().empty()
              ? (s.returns().size() == 1 ? std::string("result")
                                         : "result" + std::to_string(i))
              : odsName(r.name());
      std::cout << (i ? "," : "") << " " << constraintFor(r.type()) << ":$"
                << rname;
    }
    std::cout << ");\n";
    if (e.fold)
      std::cout << "  let hasFolder = 1;\n";
    std::cout << "}\n";
  }
  std::cout << "\n#endif // TSC_DIALECT_TS_IR_TSGENERATEDOPS\n";
  return status;
}
