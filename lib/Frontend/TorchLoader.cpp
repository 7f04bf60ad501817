//===- TorchLoader.cpp - LibTorch side of the frontend --------------------===//

#include "TorchLoader.h"

#include <torch/csrc/jit/api/compilation_unit.h>
#include <torch/csrc/jit/frontend/parser.h>
#include <torch/csrc/jit/frontend/resolver.h>
#include <torch/csrc/jit/frontend/sugared_value.h>
#include <torch/csrc/jit/frontend/tree_views.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/csrc/jit/serialization/import.h>

#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace tsc::frontend {
namespace {

/// The first line of an exception's message, without LibTorch's trailing
/// "here:"/":" that introduces the highlighted source.
std::string headline(const std::string &what) {
  size_t start = what.find_first_not_of(" \n");
  if (start == std::string::npos)
    return "unknown error";
  std::string line = what.substr(start, what.find('\n', start) - start);
  for (const char *suffix : {" here:", ":"}) {
    std::string s(suffix);
    if (line.size() > s.size() &&
        line.compare(line.size() - s.size(), s.size(), s) == 0) {
      line.erase(line.size() - s.size());
      break;
    }
  }
  return line;
}

/// Finds `File "<file>", line N` and the `~~~ <--- HERE` marker in a
/// TorchScript error message.
void locate(const std::string &what, const std::string &file,
            LoadError &error) {
  std::smatch m;
  std::regex fileLine(
      "File \"" +
      std::regex_replace(file, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
      "\", line ([0-9]+)");
  if (!std::regex_search(what, m, fileLine))
    return;
  error.line = std::stoul(m[1]);
  std::istringstream lines(what.substr(m.position(0)));
  std::string l;
  while (std::getline(lines, l)) {
    size_t here = l.find("<--- HERE");
    if (here == std::string::npos)
      continue;
    size_t tilde = l.find('~');
    if (tilde != std::string::npos && tilde < here)
      error.col = tilde + 1;
    break;
  }
}

std::vector<std::string> argNamesOf(const torch::jit::Graph &graph,
                                    bool skipSelf) {
  std::vector<std::string> names;
  for (size_t i = skipSelf ? 1 : 0; i < graph.inputs().size(); ++i) {
    const torch::jit::Value *v = graph.inputs()[i];
    names.push_back(v->hasDebugName() ? v->debugNameBase()
                                      : "arg" + std::to_string(names.size()));
  }
  return names;
}

/// The names of attributes some method of the archive assigns.
std::set<std::string> assignedAttributes(const torch::jit::Module &module) {
  std::set<std::string> names;
  std::function<void(torch::jit::Block *)> visit =
      [&](torch::jit::Block *block) {
        for (torch::jit::Node *n : block->nodes()) {
          if (n->kind() == c10::prim::SetAttr)
            names.insert(n->s(c10::attr::name));
          for (torch::jit::Block *sub : n->blocks())
            visit(sub);
        }
      };
  for (const torch::jit::Module &m : module.modules())
    for (const torch::jit::Method &method : m.get_methods())
      visit(method.graph()->block());
  return names;
}

/// The module object `v` is, if it is `self` (the graph's first input) or a
/// chain of attribute reads from it.
c10::intrusive_ptr<c10::ivalue::Object>
resolveObject(torch::jit::Value *v, const torch::jit::Graph &graph,
              const c10::intrusive_ptr<c10::ivalue::Object> &self) {
  if (v == graph.inputs().at(0))
    return self;
  torch::jit::Node *n = v->node();
  if (n->kind() != c10::prim::GetAttr)
    return {};
  auto parent = resolveObject(n->input(0), graph, self);
  if (!parent)
    return {};
  c10::IValue attr = parent->getAttr(n->s(c10::attr::name));
  if (!attr.isObject())
    return {};
  return attr.toObject();
}

/// Inlines calls through module interfaces (`self.act.forward(x)` where
/// `act` is declared with a `@torch.jit.interface` type) whose object is
/// known: the attribute chain from self leads to one module and no method
/// assigns an attribute of that name. Returns whether it inlined any.
bool inlineInterfaceCalls(torch::jit::Graph &graph,
                          const c10::intrusive_ptr<c10::ivalue::Object> &self,
                          const std::set<std::string> &assigned) {
  std::vector<torch::jit::Node *> calls;
  std::function<void(torch::jit::Block *)> visit =
      [&](torch::jit::Block *block) {
        for (torch::jit::Node *n : block->nodes()) {
          if (n->kind() == c10::prim::CallMethod &&
              n->input(0)->type()->cast<c10::InterfaceType>())
            calls.push_back(n);
          for (torch::jit::Block *sub : n->blocks())
            visit(sub);
        }
      };
  visit(graph.block());
  bool inlined = false;
  for (torch::jit::Node *call : calls) {
    torch::jit::Node *get = call->input(0)->node();
    if (get->kind() != c10::prim::GetAttr ||
        assigned.count(get->s(c10::attr::name)))
      continue;
    auto object = resolveObject(call->input(0), graph, self);
    if (!object)
      continue;
    torch::jit::Function *method =
        object->type()->findMethod(call->s(c10::attr::name));
    if (!method)
      continue;
    torch::jit::inlineCallTo(call, &toGraphFunction(*method));
    inlined = true;
  }
  return inlined;
}

bool loadArchive(const std::string &path, LoadedProgram &program,
                 LoadError &error) {
  torch::jit::Module module = torch::jit::load(path);
  module.eval();
  std::vector<std::string> names;
  for (const torch::jit::Method &m : module.get_methods())
    names.push_back(m.name());
  if (names.empty()) {
    error.message = "the archive's module has no methods";
    return false;
  }
  // Calls are inlined here, those through module interfaces too where the
  // module is known; attribute reads stay, for -tsc-freeze to fold against
  // the object graph.
  std::set<std::string> assigned = assignedAttributes(module);
  for (const std::string &name : names) {
    std::shared_ptr<torch::jit::Graph> graph =
        module.get_method(name).graph()->copy();
    do
      torch::jit::Inline(*graph);
    while (inlineInterfaceCalls(*graph, module._ivalue(), assigned));
    // Inlining leaves the callees' function constants behind, unused.
    torch::jit::EliminateDeadCode(graph);
    program.methods.push_back(
        {name, graph, /*hasSelf=*/true, argNamesOf(*graph, true)});
  }
  program.root = module._ivalue();
  return true;
}

/// Resolves the free names of TorchScript source: the classes and functions
/// the file defines, compiled on first use so that definitions may refer to
/// each other in any order (as in Python), then what nativeResolver knows
/// (`torch`, builtins).
class SourceResolver : public torch::jit::Resolver,
                       public std::enable_shared_from_this<SourceResolver> {
public:
  explicit SourceResolver(std::shared_ptr<torch::jit::CompilationUnit> cu)
      : cu(std::move(cu)) {}

  void addFunction(torch::jit::Def def) {
    std::string name = def.name().name();
    functions.emplace(name, std::move(def));
  }
  void addClass(torch::jit::ClassDef def) {
    std::string name = def.name().name();
    classes.emplace(name, std::move(def));
  }

  /// Compiles everything not compiled yet.
  void defineAll() {
    while (!classes.empty())
      defineClass(classes.begin()->first);
    while (!functions.empty())
      defineFunction(functions.begin()->first);
  }

  std::shared_ptr<torch::jit::SugaredValue>
  resolveValue(const std::string &name, torch::jit::GraphFunction &m,
               const torch::jit::SourceRange &loc) override {
    if (c10::ClassTypePtr cls = findClass(name))
      return std::make_shared<torch::jit::ClassValue>(cls);
    if (torch::jit::Function *fn = findFunction(name))
      return std::make_shared<torch::jit::FunctionValue>(fn);
    return native->resolveValue(name, m, loc);
  }

  c10::TypePtr resolveType(const std::string &name,
                           const torch::jit::SourceRange &loc) override {
    if (c10::ClassTypePtr cls = findClass(name))
      return cls;
    return native->resolveType(name, loc);
  }

private:
  /// Classes of a source file live under `__torch__`, as Python's do.
  static c10::QualifiedName classQualName(const std::string &name) {
    return c10::QualifiedName("__torch__." + name);
  }

  c10::ClassTypePtr findClass(const std::string &name) {
    if (classes.count(name))
      defineClass(name);
    return cu->get_class(classQualName(name));
  }

  torch::jit::Function *findFunction(const std::string &name) {
    if (functions.count(name))
      defineFunction(name);
    return cu->find_function(c10::QualifiedName(name));
  }

  void defineFunction(const std::string &name) {
    auto it = functions.find(name);
    torch::jit::Def def = it->second;
    functions.erase(it);
    cu->define(c10::nullopt, {}, {}, {def}, {shared_from_this()}, nullptr);
  }

  /// Defines the class type, then its methods with `self` bound to it
  /// (attributes are inferred from __init__).
  void defineClass(const std::string &name) {
    auto it = classes.find(name);
    torch::jit::ClassDef classDef = it->second;
    classes.erase(it);
    c10::QualifiedName qualName = classQualName(name);
    auto type = c10::ClassType::create(qualName, cu, /*is_module=*/false);
    cu->register_type(type);
    std::vector<torch::jit::Def> methods;
    for (const torch::jit::Stmt &stmt : classDef.body())
      if (stmt.kind() == torch::jit::TK_DEF) // not docstrings, annotations
        methods.emplace_back(stmt);
    std::vector<torch::jit::ResolverPtr> resolvers(methods.size(),
                                                   shared_from_this());
    torch::jit::SimpleSelf self(type);
    cu->define(qualName, /*properties=*/{}, /*propResolvers=*/{}, methods,
               resolvers, &self);
  }

  std::shared_ptr<torch::jit::CompilationUnit> cu;
  torch::jit::ResolverPtr native = torch::jit::nativeResolver();
  std::map<std::string, torch::jit::Def> functions;
  std::map<std::string, torch::jit::ClassDef> classes;
};

bool loadSource(const std::string &path, LoadedProgram &program,
                LoadError &error) {
  std::vector<LoadedMethod> &methods = program.methods;
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto source = std::make_shared<torch::jit::Source>(text.str(), path, 1);
  torch::jit::Parser parser(source);
  auto cu = std::make_shared<torch::jit::CompilationUnit>();
  auto resolver = std::make_shared<SourceResolver>(cu);
  std::vector<std::string> functionNames; // in file order
  while (parser.lexer().cur().kind != torch::jit::TK_EOF) {
    if (parser.lexer().cur().kind == torch::jit::TK_CLASS_DEF) {
      resolver->addClass(torch::jit::ClassDef(parser.parseClass()));
      continue;
    }
    torch::jit::Def def(parser.parseFunction(/*is_method=*/false));
    functionNames.push_back(def.name().name());
    resolver->addFunction(def);
  }
  resolver->defineAll();
  // The file's free functions are its entry points, in file order; class
  // methods are inlined into them.
  for (const std::string &name : functionNames) {
    torch::jit::Function &fn = cu->get_function(c10::QualifiedName(name));
    std::shared_ptr<torch::jit::Graph> graph =
        torch::jit::toGraphFunction(fn).graph()->copy();
    torch::jit::Inline(*graph);
    torch::jit::EliminateDeadCode(graph);
    methods.push_back(
        {name, graph, /*hasSelf=*/false, argNamesOf(*graph, false)});
  }
  if (methods.empty()) {
    error.message = "the source defines no function";
    return false;
  }
  return true;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

bool loadTorchScript(const std::string &path, LoadedProgram &program,
                     LoadError &error) {
  error.file = path;
  std::ifstream probe(path, std::ios::binary);
  if (!probe) {
    error.message = "cannot open '" + path + "': no such file or not readable";
    return false;
  }
  bool isSource = endsWith(path, ".py");
  try {
    return isSource ? loadSource(path, program, error)
                    : loadArchive(path, program, error);
  } catch (const c10::Error &e) {
    error.message = (isSource ? "" : "cannot load archive: ") +
                    headline(e.what_without_backtrace());
  } catch (const std::exception &e) {
    error.message =
        (isSource ? "" : "cannot load archive: ") + headline(e.what());
    if (isSource)
      locate(e.what(), path, error);
  }
  program = LoadedProgram();
  return false;
}

} // namespace tsc::frontend
