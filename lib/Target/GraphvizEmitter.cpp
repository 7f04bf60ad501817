//===- GraphvizEmitter.cpp - ts dialect as a Graphviz graph ---------------===//

#include "tsc/Target/GraphvizEmitter.h"
#include "tsc/Dialect/TS/IR/TSOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Path.h"

using namespace mlir;
namespace ts = tsc::ts;

namespace {

class GraphvizEmitter {
public:
  explicit GraphvizEmitter(llvm::raw_ostream &os) : os(os) {}

  void emitModule(ModuleOp module) {
    os << "digraph tsc {\n"
       << "  compound=true;\n"
       << "  node [shape=box, style=rounded, fontname=\"monospace\", "
          "fontsize=10];\n"
       << "  edge [fontname=\"monospace\", fontsize=8];\n";
    for (auto func : module.getOps<func::FuncOp>())
      if (!func.isExternal())
        emitFunction(func);
    for (const std::string &edge : edges)
      os << edge;
    os << "}\n";
  }

private:
  static std::string escape(StringRef s) {
    std::string out;
    for (char c : s) {
      if (c == '"' || c == '\\')
        out += '\\';
      if (c == '\n')
        out += "\\n"; // a line break in a Graphviz label
      else
        out += c;
    }
    return out;
  }

  /// prim::If, aten::linear, ... : the op's TorchScript name.
  static std::string opName(Operation *op) {
    if (std::optional<ts::OperatorKey> key = ts::getOperatorKey(op))
      return key->overload.empty() ? key->name
                                   : key->name + "." + key->overload;
    StringRef name = op->getName().getStringRef();
    if (name.consume_front("ts.prim."))
      return ("prim::" + name).str();
    if (isa<func::ReturnOp>(op))
      return "return";
    name.consume_front("ts.");
    return name.str();
  }

  static std::string constantText(ts::ConstantOp op) {
    Attribute value = op.getValue();
    if (auto dense = dyn_cast<ElementsAttr>(value)) {
      std::string s = "Tensor constant [";
      llvm::raw_string_ostream ss(s);
      llvm::interleaveComma(dense.getShapedType().getShape(), ss);
      ss << "] " << dense.getElementType();
      return s;
    }
    std::string s;
    llvm::raw_string_ostream ss(s);
    value.print(ss, /*elideType=*/true);
    if (s.size() > 40)
      s = s.substr(0, 37) + "...";
    return "prim::Constant " + s;
  }

  static std::string lineOf(Location loc) {
    if (auto name = dyn_cast<NameLoc>(loc))
      loc = name.getChildLoc();
    if (auto flc = dyn_cast<FileLineColLoc>(loc); flc && flc.getLine() > 0)
      return (llvm::sys::path::filename(flc.getFilename().getValue()) + ":" +
              llvm::Twine(flc.getLine()))
          .str();
    return "";
  }

  std::string newId(StringRef prefix) {
    return (prefix + llvm::Twine(counter++)).str();
  }

  void indent(int depth) { os.indent(2 * depth); }

  void emitFunction(func::FuncOp func) {
    std::string cluster = newId("cluster_");
    indent(1);
    os << "subgraph " << cluster << " {\n";
    indent(2);
    os << "label=\"" << escape(func.getSymName()) << "\";\n";
    for (BlockArgument arg : func.getArguments()) {
      std::string id = newId("arg");
      nodes[arg] = id;
      std::string name = "arg" + std::to_string(arg.getArgNumber());
      if (auto attr =
              func.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "ts.name"))
        name = attr.getValue().str();
      indent(2);
      os << id << " [shape=ellipse, label=\"" << escape(name) << "\"];\n";
    }
    emitBlock(func.front(), 2);
    indent(1);
    os << "}\n";
  }

  void emitBlock(Block &block, int depth) {
    for (BlockArgument arg : block.getArguments()) {
      if (nodes.count(arg))
        continue;
      std::string id = newId("arg");
      nodes[arg] = id;
      indent(depth);
      os << id << " [shape=ellipse, label=\"%" << arg.getArgNumber()
         << "\"];\n";
    }
    for (Operation &op : block)
      emitOp(&op, depth);
  }

  void emitOp(Operation *op, int depth) {
    std::string id = newId("op");
    std::string label = isa<ts::ConstantOp>(op)
                            ? constantText(cast<ts::ConstantOp>(op))
                            : opName(op);
    if (auto get = dyn_cast<ts::GetAttrOp>(op))
      label += " " + get.getName().str();
    std::string line = lineOf(op->getLoc());
    if (!line.empty())
      label += "\n" + line;
    indent(depth);
    os << id << " [label=\"" << escape(label).c_str() << "\"";
    if (isa<ts::ConstantOp>(op))
      os << ", style=\"rounded,dashed\"";
    os << "];\n";
    for (OpOperand &use : op->getOpOperands()) {
      auto it = nodes.find(use.get());
      if (it == nodes.end())
        continue;
      edges.push_back(
          "  " + it->second + " -> " + id + " [label=\"" +
          escape(ts::getTorchScriptTypeString(use.get().getType())) + "\"];\n");
    }
    for (Value result : op->getResults())
      nodes[result] = id;
    for (auto [i, region] : llvm::enumerate(op->getRegions())) {
      if (region.empty())
        continue;
      std::string cluster = newId("cluster_");
      indent(depth);
      os << "subgraph " << cluster << " {\n";
      indent(depth + 1);
      os << "label=\"" << escape(opName(op)) << " " << regionName(op, i)
         << "\"; style=dashed;\n";
      emitBlock(region.front(), depth + 1);
      indent(depth);
      os << "}\n";
    }
  }

  static StringRef regionName(Operation *op, unsigned i) {
    if (isa<ts::IfOp>(op))
      return i == 0 ? "then" : "else";
    if (isa<ts::LoopOp>(op))
      return "body";
    return "region";
  }

  llvm::raw_ostream &os;
  unsigned counter = 0;
  llvm::DenseMap<Value, std::string> nodes;
  std::vector<std::string> edges;
};

} // namespace

void tsc::emitGraphviz(ModuleOp module, llvm::raw_ostream &os) {
  GraphvizEmitter(os).emitModule(module);
}
