//===- Pipelines.cpp - tsc's pass pipelines -------------------------------===//
//
// The one place where tsc's pipelines are assembled, in order.
//
//===----------------------------------------------------------------------===//

#include "tsc/Pipelines/Pipelines.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace tsc {

void buildTSOptimizationPipeline(OpPassManager &pm,
                                 const PipelineOptions &options) {
  // What the user states about the arguments holds at every level: it is
  // part of the compiled interface (checked at entry).
  if (!options.inputShapes.empty()) {
    RefineArgumentsOptions refine;
    refine.shapes.assign(options.inputShapes.begin(),
                         options.inputShapes.end());
    pm.addPass(createRefineArguments(refine));
  }
  // -O0 optimizes nothing: methods read their module's attributes at run
  // time, from the object graph each loaded instance builds.
  if (options.optLevel == 0)
    return;
  // Calls between functions of a .mlir input (the frontend inlines what it
  // imports) become the callee's body; no simplification in between: the
  // pipeline below does it.
  pm.addPass(createInlinerPass(/*opPipelines=*/{}, [](OpPassManager &) {}));
  // Module attributes become constants, except those a method changes.
  pm.addPass(createFreeze());
  // Inference: dropout is the identity, batch norm an affine map that the
  // convolution or linear layer before it absorbs.
  pm.addPass(createRemoveDropout());
  pm.addPass(createFoldBatchNorm());
  // Sizes and dtypes flow from the arguments and weights through the
  // graph; the size queries they answer become constants.
  pm.addPass(createRefineTypes());
  // What depends only on weights is computed now, once.
  pm.addPass(createFoldTensorConstants());
  // Folds scalar arithmetic and comparisons on constants (the dialect's
  // folders) and erases what became dead.
  pm.addPass(createCanonicalizerPass());
  // Short counted loops become straight-line code, whose constant
  // iteration numbers fold.
  pm.addPass(createUnrollLoops());
  // A loop's special first iteration (`if i == 0`, a carried value that
  // starts as None) runs on its own; once it folds, the loop left carries
  // values of narrower types, which a second refinement finds and on which
  // the None tests and size queries of the body fold.
  pm.addPass(createPeelLoops());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createRefineTypes());
  pm.addPass(createCanonicalizerPass());
  // Merges identical pure ops (constants, scalar arithmetic, tuples).
  pm.addPass(createCSEPass());
  if (options.optLevel < 2)
    return;
  bool cpu = options.target != "cuda";
  // Recurrent cells with constant weights become linear layers and gates,
  // which the CPU's fusion kernels compute in one loop.
  if (cpu)
    pm.addPass(createDecomposeRNNCells());
  // On the CPU, convolutions with constant weights reorder them for
  // oneDNN once, not per call, and oneDNN applies the add and activation
  // after each as it writes its result. Before elementwise fusion, which
  // would otherwise take those ops into loops of their own. On CUDA,
  // aten::conv2d goes to cuDNN as it is: the runtime's prepacked operator
  // would only add a boxed call on the way there.
  if (cpu) {
    pm.addPass(createPrepackConvolutions());
    pm.addPass(createFuseConvEpilogues());
  }
  // Chains of elementwise ops become one loop each (fusion groups); on the
  // CPU, linear layers with constant weights head groups of their own, and
  // so does a lone transcendental op (its kernel outruns ATen's).
  FuseElementwiseOptions fuse;
  fuse.fuseLinear = cpu;
  fuse.singleTranscendental = cpu;
  pm.addPass(createFuseElementwise(fuse));
  // On the CPU, the activations between convolutions stay in oneDNN's
  // layout, and fusion kernels write results of static sizes into an arena
  // planned per function.
  if (cpu) {
    pm.addPass(createMkldnnLayout());
    pm.addPass(createPlanMemory());
  }
}

void buildLowerToLLVMPipeline(OpPassManager &pm,
                              const PipelineOptions &options) {
  // Fusion groups get their native loops first; the groups stay, and the
  // conversion of the methods calls those loops through the runtime. At
  // -O0 a group (from a .mlir input) runs as its operators.
  if (options.optLevel > 0 && options.target == "cuda") {
    // For CUDA, GPU kernels compiled to PTX now; the methods launch them.
    pm.addPass(createOutlineFusionGPUKernels());
    pm.addPass(createLowerGPUKernels());
    SerializeGPUKernelsOptions serialize;
    serialize.chip = options.cudaArch;
    serialize.optLevel = options.optLevel;
    pm.addPass(createSerializeGPUKernels(serialize));
  } else if (options.optLevel > 0) {
    pm.addPass(createOutlineFusionKernels());
    pm.addPass(createLowerFusionKernels());
  }
  ConvertTSToLLVMOptions convert;
  convert.modelName = options.modelName;
  convert.target = options.target;
  // Everything becomes LLVM dialect and runtime calls in one pass: the ts
  // values' representation (native scalar or runtime handle) and their
  // lifetimes are decided together.
  pm.addPass(createConvertTSToLLVM(convert));
  if (options.optLevel == 0)
    return;
  // Cleans up the constants and block arguments the conversion left.
  pm.addPass(createCanonicalizerPass());
}

namespace {
struct PipelineCLOptions : public PassPipelineOptions<PipelineCLOptions> {
  Option<unsigned> optLevel{*this, "opt-level",
                            llvm::cl::desc("Optimization level (0-3)"),
                            llvm::cl::init(2)};
  Option<std::string> modelName{*this, "model-name",
                                llvm::cl::desc("Exported symbol prefix"),
                                llvm::cl::init("model")};
  Option<std::string> target{*this, "target", llvm::cl::desc("cpu or cuda"),
                             llvm::cl::init("cpu")};
  Option<std::string> cudaArch{*this, "cuda-arch",
                               llvm::cl::desc("CUDA architecture (sm_80)"),
                               llvm::cl::init("sm_80")};
  PipelineOptions get() const {
    PipelineOptions o;
    o.optLevel = optLevel;
    o.modelName = modelName;
    o.target = target;
    o.cudaArch = cudaArch;
    return o;
  }
};
} // namespace

void registerPipelines() {
  PassPipelineRegistration<PipelineCLOptions>(
      "tsc-optimize", "tsc's optimizations on the ts dialect",
      [](OpPassManager &pm, const PipelineCLOptions &o) {
        buildTSOptimizationPipeline(pm, o.get());
      });
  PassPipelineRegistration<PipelineCLOptions>(
      "tsc-lower-to-llvm", "Lower the ts dialect to the LLVM dialect",
      [](OpPassManager &pm, const PipelineCLOptions &o) {
        buildLowerToLLVMPipeline(pm, o.get());
      });
}

} // namespace tsc
