//===- ConstantWeights.cpp - layouts derived from constant weights --------===//
//
// The tensor constants of compiled code (weights frozen into it) live for
// the process and are never written, so a layout derived from one can be
// made once and kept, as torch.jit.freeze bakes its own into the graph.
// Here: linear layers multiply by a transposed copy of their weight, which
// OpenBLAS reads without repacking a transposed operand (10-20 % faster for
// tens of rows, 3x for a few: torch.jit.optimize_for_inference's
// FrozenLinearTranspose does the same); on more than one thread, or on a
// CPU with AVX-512, contiguous float32 rows go through oneDNN instead
// (OneDNNLinear.cpp says why); a
// single row of a large layer (any weight) goes through BLAS's
// matrix-vector product.
// TSC_TRACE_LINEAR=1 prints each such product on stderr.
//
//===----------------------------------------------------------------------===//

#include "DerivedWeights.h"
#include "RuntimeInternal.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <unordered_set>

namespace tsc::runtime {

namespace {

/// Weights of fewer elements than this keep aten::linear for one row: the
/// packing it saves costs less than a call's overhead there.
constexpr int64_t kMinMatrixVector = 1 << 16;

std::mutex constantsMutex;
std::unordered_set<const at::TensorImpl *> &constants() {
  static auto *set = new std::unordered_set<const at::TensorImpl *>();
  return *set;
}

at::Tensor transposedWeight(const at::Tensor &weight) {
  static auto *cache = new DerivedWeights<at::Tensor>();
  return cache->get(weight, {}, [&] { return weight.t().contiguous(); });
}

} // namespace

void markConstant(const at::Tensor &t) {
  std::lock_guard<std::mutex> lock(constantsMutex);
  constants().insert(t.unsafeGetTensorImpl());
}

bool isConstant(const at::Tensor &t) {
  std::lock_guard<std::mutex> lock(constantsMutex);
  return constants().count(t.unsafeGetTensorImpl()) != 0;
}

void releasePages(const at::Tensor &t) {
#ifdef MADV_PAGEOUT
  static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  auto begin = reinterpret_cast<uintptr_t>(t.data_ptr());
  uintptr_t end = begin + t.numel() * t.element_size();
  begin = (begin + page - 1) / page * page;
  end = end / page * page;
  if (end > begin)
    (void)madvise(reinterpret_cast<void *>(begin), end - begin, MADV_PAGEOUT);
#else
  (void)t;
#endif
}

at::Tensor linear(const at::Tensor &input, const at::Tensor &weight,
                  const c10::optional<at::Tensor> &bias) {
  bool withBias = bias && bias->defined();
  const at::Tensor *biasTensor = withBias ? &*bias : nullptr;
  // Rows of one dtype on the CPU, a [N, K] weight and an [N] bias; the
  // rest (a vector, a mismatch ATen reports) is aten::linear's.
  if (needsGrad({&input, &weight, biasTensor}) || weight.dim() != 2 ||
      input.dim() < 2 || !input.device().is_cpu() ||
      !weight.device().is_cpu() ||
      input.scalar_type() != weight.scalar_type() ||
      !at::isFloatingType(input.scalar_type()) ||
      input.size(-1) != weight.size(1) || input.numel() == 0 ||
      (withBias && (bias->scalar_type() != weight.scalar_type() ||
                    !bias->device().is_cpu() || bias->dim() != 1 ||
                    bias->size(0) != weight.size(0))))
    return at::linear(input, weight, bias);
  static const bool traced = envFlag("TSC_TRACE_LINEAR");
  int64_t rows = input.numel() / weight.size(1);
  std::vector<int64_t> sizes(input.sizes().begin(), input.sizes().end());
  sizes.back() = weight.size(0);
  if (rows == 1 && weight.numel() >= kMinMatrixVector) {
    // One row: BLAS's matrix-vector product reads the weight once, where
    // aten::linear's matrix product (sgemm) first copies all of it into
    // its packed layout (5x slower for mobilenet_v2's classifier).
    if (traced)
      std::fprintf(stderr, "tsc: linear: matrix-vector product\n");
    at::Tensor row = input.reshape({weight.size(1)});
    at::Tensor product =
        withBias ? at::addmv(*bias, weight, row) : at::mv(weight, row);
    return product.view(sizes);
  }
  if (rows < 2 || !isConstant(weight))
    return at::linear(input, weight, bias);
  static const bool blas = envFlag("TSC_LINEAR_BLAS");
  if (!blas && oneDNNLinearPreferred())
    if (std::optional<at::Tensor> product =
            oneDNNLinear(input, weight, biasTensor)) {
      if (traced)
        std::fprintf(stderr, "tsc: linear: oneDNN (%lld rows)\n",
                     static_cast<long long>(rows));
      return *product;
    }
  at::Tensor transposed = transposedWeight(weight);
  if (traced)
    std::fprintf(stderr,
                 "tsc: linear: transposed constant weight (%lld rows)\n",
                 static_cast<long long>(rows));
  if (withBias && input.is_contiguous())
    // As aten::linear: the bias is the product's initial value.
    return at::addmm(*bias, input.view({-1, weight.size(1)}), transposed)
        .view(sizes);
  at::Tensor product = at::matmul(input, transposed);
  return withBias ? product.add_(*bias) : product;
}

} // namespace tsc::runtime
