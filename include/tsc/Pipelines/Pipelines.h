//===- Pipelines.h - tsc's pass pipelines -----------------------*- C++ -*-===//
#ifndef TSC_PIPELINES_PIPELINES_H
#define TSC_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"

#include <string>
#include <vector>

namespace tsc {

struct PipelineOptions {
  /// 0 runs no optimization at all (for debugging).
  unsigned optLevel = 2;
  /// Prefix of the exported symbols.
  std::string modelName = "model";
  /// Stated argument refinements, NAME=DIMS[:DTYPE] (-tsc-refine-arguments).
  std::vector<std::string> inputShapes;
  /// "cpu", or "cuda": fusion groups become PTX kernels for `cudaArch`, and
  /// the model's tensors live on the GPU.
  std::string target = "cpu";
  std::string cudaArch = "sm_80";
};

/// Optimizations on the ts dialect.
void buildTSOptimizationPipeline(mlir::OpPassManager &pm,
                                 const PipelineOptions &options);

/// ts dialect to the LLVM dialect, ready for translation.
void buildLowerToLLVMPipeline(mlir::OpPassManager &pm,
                              const PipelineOptions &options);

/// Registers `-tsc-optimize` and `-tsc-lower-to-llvm` for tsc-opt.
void registerPipelines();

} // namespace tsc

#endif // TSC_PIPELINES_PIPELINES_H
