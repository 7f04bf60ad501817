//===- tsc-opt.cpp - tsc's mlir-opt ---------------------------------------===//
//
// Runs any of tsc's passes (and MLIR's) on .mlir text: the driver of tsc's
// IR tests.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "tsc/Conversion/Passes.h"
#include "tsc/Dialect/TS/IR/TSDialect.h"
#include "tsc/Dialect/TS/Transforms/Passes.h"
#include "tsc/Pipelines/Pipelines.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  tsc::registerTSConversionPasses();
  tsc::registerTSTransformsPasses();
  tsc::registerPipelines();

  mlir::DialectRegistry registry;
  registry.insert<tsc::ts::TSDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "tsc optimizer driver\n", registry));
}
