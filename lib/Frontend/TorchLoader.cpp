//===- TorchLoader.cpp - LibTorch side of the frontend --------------------===//

#include "TorchLoader.h"

#include <torch/csrc/jit/api/compilation_unit.h>
#include <torch/csrc/jit/frontend/parser.h>
#include <torch/csrc/jit/frontend/resolver.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/csrc/jit/serialization/import.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace tsc::frontend {
namespace {

/// The first line of an exception's message, without LibTorch's trailing
/// "here:"/":" that introduces the highlighted source.
std::string headline(const std::string &what) {
  std::string line = what.substr(0, what.find('\n'));
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
  std::regex fileLine("File \"" + std::regex_replace(file, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
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
  // Calls are inlined here; attribute reads stay, for -tsc-freeze to fold
  // against the object graph.
  for (const std::string &name : names) {
    std::shared_ptr<torch::jit::Graph> graph =
        module.get_method(name).graph()->copy();
    torch::jit::Inline(*graph);
    // Inlining leaves the callees' function constants behind, unused.
    torch::jit::EliminateDeadCode(graph);
    program.methods.push_back(
        {name, graph, /*hasSelf=*/true, argNamesOf(*graph, true)});
  }
  program.root = module._ivalue();
  return true;
}

bool loadSource(const std::string &path, LoadedProgram &program,
                LoadError &error) {
  std::vector<LoadedMethod> &methods = program.methods;
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto source = std::make_shared<torch::jit::Source>(text.str(), path, 1);
  torch::jit::Parser parser(source);
  std::vector<torch::jit::Def> defs;
  std::vector<torch::jit::ResolverPtr> resolvers;
  while (parser.lexer().cur().kind != torch::jit::TK_EOF) {
    defs.emplace_back(parser.parseFunction(/*is_method=*/false));
    resolvers.push_back(torch::jit::nativeResolver());
  }
  auto cu = std::make_shared<torch::jit::CompilationUnit>();
  cu->define(c10::nullopt, {}, {}, defs, resolvers, nullptr);
  for (torch::jit::Function *fn : cu->get_functions()) {
    std::shared_ptr<torch::jit::Graph> graph =
        torch::jit::toGraphFunction(*fn).graph()->copy();
    torch::jit::Inline(*graph);
    torch::jit::EliminateDeadCode(graph);
    methods.push_back({fn->name(), graph, /*hasSelf=*/false,
                       argNamesOf(*graph, false)});
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
    error.message = (isSource ? "" : "cannot load archive: ") +
                    headline(e.what());
    if (isSource)
      locate(e.what(), path, error);
  }
  program = LoadedProgram();
  return false;
}

} // namespace tsc::frontend
