//===- tsc.cpp - the TorchScript compiler driver --------------------------===//
//
//   tsc model.pt -o model.o [--emit=obj] [--name NAME] [-O2] [--mcpu CPU]
//       [--target=cpu|cuda [--cuda-arch=sm_80]]
//
// Imports a TorchScript archive or source, optimizes it, lowers it to native
// code and writes what --emit asks for. Errors are printed as
// `file:line:col: error: message` (or `tsc: error: message` when there is no
// location); the exit status is then 1 and no output file is left behind.
//
//===----------------------------------------------------------------------===//

#include "IRDump.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Conversion/TSToLLVM/ModelSignature.h"
#include "tsc/Dialect/TS/IR/TSDialect.h"
#include "tsc/Frontend/Importer.h"
#include "tsc/Pipelines/Pipelines.h"
#include "tsc/Target/ExternalWeights.h"
#include "tsc/Target/GraphvizEmitter.h"
#include "tsc/Target/HeaderEmitter.h"
#include "tsc/Target/NativeCode.h"

#include "mlir/Dialect/Func/Extensions/InlinerExtension.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>

using namespace mlir;

namespace {

/// What --emit accepts, and the file extension of each.
const std::map<std::string, std::string> kEmitKinds = {
    {"torch-graph", ".graph"},
    {"ts", ".ts.mlir"},
    {"mlir", ".mlir"},
    {"llvm", ".ll"},
    {"asm", ".s"},
    {"obj", ".o"},
    {"shared", ".so"},
    {"header", ".h"},
    {"dot", ".dot"},
    {"ptx", ".ptx"}};

/// The CUDA architectures --cuda-arch accepts: Volta to Hopper.
const char *const kCudaArchs[] = {"sm_70", "sm_72", "sm_75", "sm_80",
                                  "sm_86", "sm_87", "sm_89", "sm_90"};

struct DriverOptions {
  std::string input;
  std::string output;
  std::string emit = "obj";
  std::string name;
  unsigned optLevel = 2;
  std::string cpu = "x86-64-v2";
  bool printDebugInfo = false;
  int64_t elideElementsAttrsIfLarger = -1;
  std::string dumpDir;
  bool printIRBeforeAll = false;
  bool printIRAfterAll = false;
  bool timing = false;
  std::vector<std::string> inputShapes;
  std::string weights = "embedded";
  std::string weightsFile;
  std::string target = "cpu";
  std::string cudaArch;
};

void error(const llvm::Twine &message) {
  llvm::errs() << "tsc: error: " << message << "\n";
}

/// The first file:line:col inside a (possibly named or fused) location.
std::optional<FileLineColLoc> findFileLineCol(Location loc) {
  std::optional<FileLineColLoc> found;
  loc->walk([&](Location l) {
    auto flc = dyn_cast<FileLineColLoc>(l);
    if (!flc)
      return WalkResult::advance();
    found = flc;
    return WalkResult::interrupt();
  });
  return found;
}

/// Prints diagnostics as `file:line:col: error: message`, or with a `tsc:`
/// prefix when the location has no line.
LogicalResult printDiagnostic(Diagnostic &diag) {
  std::string prefix = "tsc: ";
  if (std::optional<FileLineColLoc> flc = findFileLineCol(diag.getLocation()))
    if (flc->getLine() > 0)
      prefix =
          (flc->getFilename().str() + ":" + std::to_string(flc->getLine()) +
           ":" + std::to_string(flc->getColumn()) + ": ");
  StringRef severity = diag.getSeverity() == DiagnosticSeverity::Error ? "error"
                       : diag.getSeverity() == DiagnosticSeverity::Warning
                           ? "warning"
                           : "note";
  llvm::errs() << prefix << severity << ": " << diag.str() << "\n";
  for (Diagnostic &note : diag.getNotes())
    (void)printDiagnostic(note);
  return success();
}

/// A C identifier made from a file name: "my-cell.pt" -> "my_cell".
std::string defaultModelName(StringRef path) {
  std::string stem = llvm::sys::path::stem(path).str();
  while (llvm::sys::path::has_extension(stem))
    stem = llvm::sys::path::stem(stem).str();
  for (char &c : stem)
    if (!isalnum(static_cast<unsigned char>(c)))
      c = '_';
  if (stem.empty() || isdigit(static_cast<unsigned char>(stem[0])))
    stem = "m_" + stem;
  return stem;
}

std::unique_ptr<llvm::ToolOutputFile> openOutput(StringRef path) {
  std::error_code ec;
  auto file =
      std::make_unique<llvm::ToolOutputFile>(path, ec, llvm::sys::fs::OF_None);
  if (ec) {
    error("cannot write '" + path + "': " + ec.message());
    return nullptr;
  }
  return file;
}

/// Where libtsc_runtime.so is: <tsc's directory>/../lib.
std::string runtimeLibraryDir(const char *argv0) {
  std::string exe =
      llvm::sys::fs::getMainExecutable(argv0, (void *)&runtimeLibraryDir);
  SmallString<256> dir(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(dir, "..", "lib");
  SmallString<256> real;
  if (!llvm::sys::fs::real_path(dir, real))
    return std::string(real);
  return std::string(dir);
}

/// Links `object` into the shared library `output` with the system C++
/// compiler driver, against libtsc_runtime.
LogicalResult linkShared(StringRef object, StringRef output,
                         const std::string &libDir) {
  llvm::ErrorOr<std::string> cxx = llvm::sys::findProgramByName("c++");
  if (!cxx) {
    error("--emit=shared needs a system linker driver ('c++') on PATH");
    return failure();
  }
  SmallVector<std::string> args = {*cxx,
                                   "-shared",
                                   "-o",
                                   output.str(),
                                   object.str(),
                                   "-L" + libDir,
                                   "-ltsc_runtime",
                                   "-Wl,-rpath," + libDir};
  SmallVector<StringRef> argRefs(args.begin(), args.end());
  std::string message;
  int rc = llvm::sys::ExecuteAndWait(*cxx, argRefs, std::nullopt, {}, 0, 0,
                                     &message);
  if (rc != 0) {
    error("linking '" + output + "' failed" +
          (message.empty() ? "" : ": " + message));
    return failure();
  }
  return success();
}

/// --weights=external: moves the tensor data into the weights file and
/// records where <name>_load finds it: its file name when it sits beside
/// the output (the pair can move together), else its absolute path.
LogicalResult writeExternalWeights(ModuleOp module, StringRef name,
                                   const DriverOptions &opts,
                                   StringRef output) {
  std::string file = opts.weightsFile;
  if (file.empty()) {
    if (output == "-") {
      error("--weights=external with output to stdout needs --weights-file");
      return failure();
    }
    SmallString<128> derived(output);
    llvm::sys::path::replace_extension(derived, "weights");
    file = derived.str().str();
  }
  SmallString<128> absFile(file), absOut(output);
  llvm::sys::fs::make_absolute(absFile);
  llvm::sys::fs::make_absolute(absOut);
  std::string recorded = llvm::sys::path::parent_path(absFile) ==
                                 llvm::sys::path::parent_path(absOut)
                             ? llvm::sys::path::filename(absFile).str()
                             : absFile.str().str();
  FailureOr<std::string> blob = tsc::externalizeWeights(module, name, recorded);
  if (failed(blob))
    return failure();
  auto out = openOutput(file);
  if (!out)
    return failure();
  out->os() << *blob;
  out->keep();
  return success();
}

int run(const DriverOptions &opts, const char *argv0) {
  std::string name = opts.name;
  if (name.empty())
    name = defaultModelName(
        !opts.output.empty() && opts.output != "-" ? opts.output : opts.input);
  if (!tsc::isCIdentifier(name)) {
    error("--name '" + name + "' is not a C identifier");
    return 1;
  }
  std::string output = opts.output;
  if (output.empty())
    output =
        (llvm::sys::path::stem(opts.input) + kEmitKinds.at(opts.emit)).str();
  if (output == "-" && opts.emit == "shared") {
    error("--emit=shared cannot write to stdout");
    return 1;
  }

  DialectRegistry registry;
  registry.insert<tsc::ts::TSDialect, func::FuncDialect, LLVM::LLVMDialect,
                  gpu::GPUDialect>();
  func::registerInlinerExtension(registry);
  tsc::registerNativeCodeTranslations(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // Diagnostics point at the source; the failing op's IR is noise to users.
  context.printOpOnDiagnostic(false);
  ScopedDiagnosticHandler handler(&context, printDiagnostic);

  OpPrintingFlags printing;
  if (opts.printDebugInfo)
    printing.enableDebugInfo();
  if (opts.elideElementsAttrsIfLarger >= 0)
    printing.elideLargeElementsAttrs(opts.elideElementsAttrsIfLarger);
  std::unique_ptr<tsc::IRDumper> dumper;
  if (!opts.dumpDir.empty()) {
    dumper = std::make_unique<tsc::IRDumper>(opts.dumpDir, printing);
    if (!dumper->prepare())
      return 1;
    // Dumps print the whole module after each pass: passes must not run
    // concurrently on nested ops meanwhile.
    context.disableMultithreading();
  }

  tsc::ImportResult imported;
  if (StringRef(opts.input).ends_with(".mlir")) {
    // ts dialect text (as --emit=ts writes it): compile it as imported.
    if (opts.emit == "torch-graph") {
      error("--emit=torch-graph needs a TorchScript archive or source");
      return 1;
    }
    if (!llvm::sys::fs::exists(opts.input)) {
      error("cannot open '" + opts.input + "': no such file");
      return 1;
    }
    imported.module = parseSourceFile<ModuleOp>(opts.input, &context);
  } else {
    tsc::ImportOptions importOptions;
    importOptions.path = opts.input;
    importOptions.keepTorchGraphs = opts.emit == "torch-graph" || dumper;
    imported = tsc::importTorchScript(context, importOptions);
  }
  if (!imported.module)
    return 1;
  ModuleOp module = *imported.module;

  auto writeText = [&](auto &&print) -> int {
    auto out = openOutput(output);
    if (!out)
      return 1;
    print(out->os());
    out->keep();
    return 0;
  };
  if (opts.emit == "torch-graph")
    return writeText(
        [&](llvm::raw_ostream &os) { os << imported.torchGraphs; });
  if (dumper) {
    if (!imported.torchGraphs.empty() &&
        !dumper->write("torchscript", ".graph", [&](llvm::raw_ostream &os) {
          os << imported.torchGraphs;
        }))
      return 1;
    if (!dumper->writeIR("imported", module))
      return 1;
  }
  if (opts.emit == "ts")
    return writeText(
        [&](llvm::raw_ostream &os) { module.print(os, printing); });

  // MLIR's own instrumentation, as mlir-opt spells it: IR to stderr around
  // every pass, pass timing.
  auto instrument = [&](PassManager &pm) {
    if (dumper)
      dumper->attach(pm);
    if (opts.printIRBeforeAll || opts.printIRAfterAll) {
      context.disableMultithreading();
      pm.enableIRPrinting(
          [&](Pass *, Operation *) { return opts.printIRBeforeAll; },
          [&](Pass *, Operation *) { return opts.printIRAfterAll; },
          /*printModuleScope=*/true, /*printAfterOnlyOnChange=*/false,
          /*printAfterOnlyOnFailure=*/false, llvm::errs(), printing);
    }
    if (opts.timing)
      pm.enableTiming();
  };
  tsc::PipelineOptions pipelineOptions{opts.optLevel, name, opts.inputShapes};
  pipelineOptions.target = opts.target;
  if (!opts.cudaArch.empty())
    pipelineOptions.cudaArch = opts.cudaArch;
  PassManager optimize(&context);
  tsc::buildTSOptimizationPipeline(optimize, pipelineOptions);
  instrument(optimize);
  if (failed(optimize.run(module)))
    return 1;
  if (opts.emit == "dot")
    return writeText(
        [&](llvm::raw_ostream &os) { tsc::emitGraphviz(module, os); });

  FailureOr<SmallVector<tsc::MethodSignature>> methods =
      tsc::collectMethods(module);
  if (failed(methods))
    return 1;
  std::string header;
  {
    llvm::raw_string_ostream os(header);
    tsc::emitHeader(name, llvm::sys::path::filename(opts.input), *methods, os);
  }
  if (opts.emit == "header")
    return writeText([&](llvm::raw_ostream &os) { os << header; });

  PassManager lower(&context);
  tsc::buildLowerToLLVMPipeline(lower, pipelineOptions);
  instrument(lower);
  if (failed(lower.run(module)))
    return 1;
  if (opts.weights == "external") {
    if (failed(writeExternalWeights(module, name, opts, output)))
      return 1;
  }
  if (opts.emit == "mlir")
    return writeText(
        [&](llvm::raw_ostream &os) { module.print(os, printing); });
  if (opts.emit == "ptx") {
    // The GPU kernels' PTX, as the object embeds it.
    auto ptx = module.lookupSymbol<LLVM::GlobalOp>("__tsc_cuda_ptx");
    auto text =
        ptx ? dyn_cast_or_null<StringAttr>(ptx.getValueOrNull()) : StringAttr();
    if (!text) {
      error("--emit=ptx: the model has no GPU kernels (its elementwise "
            "chains become kernels at -O2 and above)");
      return 1;
    }
    return writeText([&](llvm::raw_ostream &os) {
      os << text.getValue().drop_back(); // without the NUL
    });
  }

  tsc::NativeCodeOptions codegen{opts.optLevel, opts.cpu};
  tsc::NativeOutput kind = opts.emit == "llvm"  ? tsc::NativeOutput::LLVMIR
                           : opts.emit == "asm" ? tsc::NativeOutput::Assembly
                                                : tsc::NativeOutput::Object;
  if (opts.emit == "shared") {
    SmallString<128> tmp;
    if (llvm::sys::fs::createTemporaryFile("tsc-" + name, "o", tmp)) {
      error("cannot create a temporary file");
      return 1;
    }
    llvm::FileRemover removeTmp(tmp);
    {
      auto obj = openOutput(tmp);
      if (!obj || failed(tsc::emitNativeCode(module, codegen, kind, obj->os())))
        return 1;
      obj->keep();
    }
    if (failed(linkShared(tmp, output, runtimeLibraryDir(argv0)))) {
      llvm::sys::fs::remove(output);
      return 1;
    }
    return 0;
  }

  auto out = openOutput(output);
  if (!out)
    return 1;
  if (failed(tsc::emitNativeCode(module, codegen, kind, out->os())))
    return 1;
  if (opts.emit == "obj" && output != "-") {
    // The header goes beside the object: <dir>/<name>.h.
    SmallString<256> headerPath(llvm::sys::path::parent_path(output));
    llvm::sys::path::append(headerPath, name + ".h");
    auto h = openOutput(headerPath);
    if (!h)
      return 1;
    h->os() << header;
    h->keep();
  }
  out->keep();
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  CLI::App app{"tsc: ahead-of-time compiler for TorchScript"};
  DriverOptions opts;
  app.add_option("input", opts.input,
                 "TorchScript archive (torch.jit.save), source (.py) or ts "
                 "dialect (.mlir)")
      ->required();
  app.add_option("-o,--output", opts.output,
                 "Output file ('-' for stdout); default: the input's stem "
                 "with the --emit kind's extension")
      ->group("Output");
  std::vector<std::string> kinds;
  for (const auto &[k, ext] : kEmitKinds)
    kinds.push_back(k);
  app.add_option("--emit", opts.emit,
                 "What to write: obj (default; also writes <name>.h beside "
                 "it), shared, header, asm, llvm, ptx (the GPU kernels, "
                 "with --target=cuda), mlir (LLVM dialect), ts "
                 "(imported ts dialect), dot (Graphviz of the optimized ts "
                 "dialect), torch-graph (TorchScript's graphs)")
      ->check(CLI::IsMember(kinds))
      ->group("Output");
  app.add_flag("--mlir-print-debuginfo", opts.printDebugInfo,
               "Print source locations in --emit=ts/mlir output")
      ->group("Output");
  app.add_option("--mlir-elide-elementsattrs-if-larger",
                 opts.elideElementsAttrsIfLarger,
                 "Print tensor constants with more elements than this as "
                 "'__elided__' in --emit=ts/mlir and --dump-dir output")
      ->check(CLI::NonNegativeNumber)
      ->group("Output");
  app.add_option("--dump-dir", opts.dumpDir,
                 "Also write the IR of every stage into this directory: "
                 "00-torchscript.graph, 01-imported.mlir, then "
                 "NN-<pass>.mlir after each pass")
      ->group("Output");
  app.add_flag("--mlir-print-ir-before-all", opts.printIRBeforeAll,
               "Print the IR to stderr before every pass")
      ->group("Output");
  app.add_flag("--mlir-print-ir-after-all", opts.printIRAfterAll,
               "Print the IR to stderr after every pass")
      ->group("Output");
  app.add_flag("--mlir-timing", opts.timing,
               "Print the time each pass took to stderr")
      ->group("Output");
  app.add_option("--name", opts.name,
                 "Prefix of the exported symbols and the header's name (a C "
                 "identifier); default: the output's stem")
      ->group("Output");
  app.add_option("--input-shape", opts.inputShapes,
                 "NAME=DIMS[:DTYPE], e.g. x=1x3x224x224:f32 ('?' for an "
                 "open size): refines every method argument NAME; calls "
                 "are checked against it (repeatable)")
      ->allow_extra_args(false)
      ->group("Code generation");
  app.add_option("--weights", opts.weights,
                 "Where tensor data goes: embedded (default, in the "
                 "object's data) or external (in --weights-file, mapped by "
                 "<name>_load)")
      ->check(CLI::IsMember({"embedded", "external"}))
      ->group("Output");
  app.add_option("--weights-file", opts.weightsFile,
                 "With --weights=external: the file to write; default: the "
                 "output's path with the extension .weights. Found at run "
                 "time beside the object if written beside it, else at its "
                 "absolute path")
      ->group("Output");
  app.add_option("-O", opts.optLevel, "Optimization level 0-3 (default 2)")
      ->check(CLI::Range(0, 3))
      ->group("Code generation");
  app.add_option("--target", opts.target,
                 "cpu (default), or cuda: elementwise chains become GPU "
                 "kernels (PTX embedded in the object, launched through "
                 "the runtime), every other op runs through ATen on CUDA "
                 "tensors, tensor constants are copied to the GPU at load")
      ->check(CLI::IsMember({"cpu", "cuda"}))
      ->group("Code generation");
  std::vector<std::string> archs(std::begin(kCudaArchs), std::end(kCudaArchs));
  app.add_option("--cuda-arch", opts.cudaArch,
                 "With --target=cuda: the GPU architecture the PTX is "
                 "for, sm_70 ... sm_90 (default sm_80); the driver "
                 "JIT-compiles it for the GPU it runs on, that one or later")
      ->check(CLI::IsMember(archs))
      ->group("Code generation");
  app.add_option("--mcpu", opts.cpu,
                 "Target x86-64 CPU (default x86-64-v2; 'native' for this "
                 "machine's)")
      ->group("Code generation");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    error(e.what());
    return 1;
  }
  if (!opts.weightsFile.empty() && opts.weights != "external") {
    error("--weights-file needs --weights=external");
    return 1;
  }
  if (!opts.cudaArch.empty() && opts.target != "cuda") {
    error("--cuda-arch needs --target=cuda");
    return 1;
  }
  if (opts.emit == "ptx" && opts.target != "cuda") {
    error("--emit=ptx needs --target=cuda");
    return 1;
  }
  return run(opts, argv[0]);
}
