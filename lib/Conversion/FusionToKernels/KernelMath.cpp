//===- KernelMath.cpp - math lowering shared by the CPU and GPU kernels ---===//

#include "tsc/Conversion/FusionToKernels/KernelMath.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"

using namespace mlir;

namespace tsc {

void populateKernelApproximationPatterns(RewritePatternSet &patterns) {
  populateMathPolynomialApproximationPatterns(patterns, [](StringRef name) {
    return llvm::is_contained({"math.tanh", "math.exp", "math.expm1",
                               "math.erf", "math.log", "math.sin", "math.cos"},
                              name);
  });
}

void relaxFusedMultiplyAdds(Operation *root) {
  root->walk([](LLVM::FMAOp fma) {
    OpBuilder b(fma);
    fma.replaceAllUsesWith(LLVM::FMulAddOp::create(b, fma.getLoc(), fma.getA(),
                                                   fma.getB(), fma.getC())
                               .getResult());
    fma.erase();
  });
}

} // namespace tsc
