//===- OneDNNOps.cpp - operators that keep oneDNN's state between calls --===//
//
// Runtime operators the compiler calls instead of ATen's where oneDNN
// (MKL-DNN) can be spared work, each with the meaning of the ATen operator
// it replaces:
//
// - tsc::conv2d_prepacked (-tsc-prepack-convolutions): conv2d whose weight
//   is reordered into oneDNN's blocked layout once (per weight, while it
//   lives unchanged) instead of on every call. oneDNN is used where ATen
//   1.13 would use it (ConvParams::use_mkldnn for float32 CPU tensors), so
//   the same algorithm computes the same numbers as aten::conv2d would.
//   Its result is in its input's layout: plain, or oneDNN's blocked layout
//   (an `mkldnn` tensor).
// - tsc::to_mkldnn, tsc::to_dense, tsc::mkldnn_add[_]
//   (-tsc-mkldnn-layout): conversions between the layouts that leave
//   tensors they do not apply to as they are, and an add that broadcasts
//   blocked tensors (oneDNN's sum does not).
//
//===----------------------------------------------------------------------===//

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/library.h>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace {

/// TSC_TRACE_PREPACK=1: each call says on stderr which way it went.
void trace(const char *way) {
  static const bool on = [] {
    const char *v = std::getenv("TSC_TRACE_PREPACK");
    return v && *v && std::string(v) != "0";
  }();
  if (on)
    std::fprintf(stderr, "tsc: conv2d: %s\n", way);
}

bool positive(at::IntArrayRef values, int64_t bar) {
  for (int64_t v : values)
    if (v != bar)
      return true;
  return false;
}

/// ATen 1.13's ConvParams::use_mkldnn, for a forward 2-D convolution of
/// float32 CPU tensors.
bool atenWouldUseOneDNN(const at::Tensor &input, const at::Tensor &weight,
                        at::IntArrayRef stride, at::IntArrayRef dilation,
                        int64_t groups) {
  if (!at::hasMKLDNN() || !at::globalContext().userEnabledMkldnn())
    return false;
  if (!input.device().is_cpu() || input.scalar_type() != at::kFloat ||
      (input.layout() != at::kStrided && !input.is_mkldnn()) ||
      input.dim() != 4 || !weight.device().is_cpu() ||
      weight.scalar_type() != at::kFloat || weight.layout() != at::kStrided ||
      weight.dim() != 4)
    return false;
  // For 1x1 filters, ATen prefers its own kernels single-threaded.
  bool strided = positive(stride, 1), dilated = positive(dilation, 1);
  if (!(strided || dilated || input.size(0) >= 16 || weight.size(-1) != 1 ||
        weight.size(-2) != 1 || at::get_num_threads() > 1))
    return false;
  return groups > 1 || (weight.size(-1) > 3 && weight.size(-2) > 3) ||
         input.size(0) > 1 ||
         input.size(0) * input.size(1) * input.size(2) * input.size(3) > 20480;
}

/// Asks the kernel to reclaim the whole pages of `t`'s elements. A constant
/// weight lies in the object's (or the weights file's) read-only pages;
/// once packed, only the fallback to aten::conv2d would read it again, so
/// its pages need not stay resident beside the packed copy. MADV_PAGEOUT
/// never changes what the memory holds (a later read faults the pages back
/// in), so this is safe for any tensor; kernels without it (before Linux
/// 5.4) refuse the advice, which changes nothing.
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

/// A weight reordered for oneDNN, and what it was made from.
struct Packed {
  at::Tensor weight; // keeps the key's TensorImpl alive
  uint32_t version;
  std::vector<int64_t> params;
  at::Tensor packed;
};

at::Tensor packedWeight(const at::Tensor &weight, at::IntArrayRef padding,
                        at::IntArrayRef stride, at::IntArrayRef dilation,
                        int64_t groups) {
  static std::mutex mutex;
  static std::unordered_map<const void *, Packed> cache;
  std::vector<int64_t> params(padding.begin(), padding.end());
  params.insert(params.end(), stride.begin(), stride.end());
  params.insert(params.end(), dilation.begin(), dilation.end());
  params.push_back(groups);
  uint32_t version = weight._version();
  std::lock_guard<std::mutex> lock(mutex);
  Packed &entry = cache[weight.unsafeGetTensorImpl()];
  if (!entry.packed.defined() || entry.version != version ||
      entry.params != params) {
    // Made once per weight (a constant's tensor lives for the process);
    // made again only if the weight was written in place.
    entry.weight = weight;
    entry.version = version;
    entry.params = params;
    entry.packed = at::mkldnn_reorder_conv2d_weight(
        weight.contiguous().to_mkldnn(), padding, stride, dilation, groups);
    if (weight.is_contiguous())
      releasePages(weight);
  }
  return entry.packed;
}

at::Tensor conv2dPrepacked(const at::Tensor &input, const at::Tensor &weight,
                           const c10::optional<at::Tensor> &bias,
                           at::IntArrayRef stride, at::IntArrayRef padding,
                           at::IntArrayRef dilation, int64_t groups) {
  bool needsGrad = at::GradMode::is_enabled() &&
                   (input.requires_grad() || weight.requires_grad() ||
                    (bias && bias->requires_grad()));
  // oneDNN's convolution takes its packed weight only in these shapes;
  // anything else is aten::conv2d's to check and compute.
  if (needsGrad || stride.size() != 2 || padding.size() != 2 ||
      dilation.size() != 2 || groups < 1 ||
      !atenWouldUseOneDNN(input, weight, stride, dilation, groups) ||
      input.size(1) != weight.size(1) * groups ||
      (bias && bias->defined() &&
       (bias->dim() != 1 || bias->size(0) != weight.size(0) ||
        bias->scalar_type() != at::kFloat || !bias->device().is_cpu()))) {
    trace("aten");
    if (!input.is_mkldnn())
      return at::conv2d(input, weight, bias, stride, padding, dilation, groups);
    // The result stays in the input's layout.
    return at::conv2d(input.to_dense(), weight, bias, stride, padding, dilation,
                      groups)
        .to_mkldnn();
  }
  trace("prepacked");
  at::Tensor packed = packedWeight(weight, padding, stride, dilation, groups);
  return at::mkldnn_convolution(input.is_mkldnn() ? input : input.contiguous(),
                                packed, bias, padding, stride, dilation,
                                groups);
}

/// A float32 4-D CPU tensor in oneDNN's blocked layout; anything else as
/// it is (the operators after it then report what they would have).
at::Tensor toMkldnn(const at::Tensor &t) {
  if (!at::hasMKLDNN() || t.is_mkldnn() || !t.device().is_cpu() ||
      t.layout() != at::kStrided || t.scalar_type() != at::kFloat ||
      t.dim() != 4 || (at::GradMode::is_enabled() && t.requires_grad()))
    return t;
  return t.to_mkldnn();
}

at::Tensor toDense(const at::Tensor &t) {
  return t.is_mkldnn() ? t.to_dense() : t;
}

/// oneDNN adds blocked tensors of the same sizes; other adds (a
/// broadcast, a plain operand) go through plain tensors, the result
/// blocked if `self` is.
at::Tensor mkldnnAdd(const at::Tensor &self, const at::Tensor &other,
                     const at::Scalar &alpha) {
  if (self.is_mkldnn() && other.is_mkldnn() &&
      self.sizes().equals(other.sizes()))
    return at::add(self, other, alpha);
  at::Tensor sum = at::add(toDense(self), toDense(other), alpha);
  return self.is_mkldnn() ? sum.to_mkldnn() : sum;
}

at::Tensor &mkldnnAdd_(at::Tensor &self, const at::Tensor &other,
                       const at::Scalar &alpha) {
  if (!self.is_mkldnn())
    return self.add_(toDense(other), alpha);
  if (other.is_mkldnn() && self.sizes().equals(other.sizes()))
    return self.add_(other, alpha);
  at::Tensor sum = self.to_dense().add_(toDense(other), alpha);
  return self.copy_(sum.to_mkldnn());
}

} // namespace

TORCH_LIBRARY(tsc, m) {
  m.def("conv2d_prepacked(Tensor input, Tensor weight, Tensor? bias, "
        "int[2] stride, int[2] padding, int[2] dilation, int groups) -> "
        "Tensor",
        conv2dPrepacked);
  m.def("to_mkldnn(Tensor self) -> Tensor", toMkldnn);
  m.def("to_dense(Tensor self) -> Tensor", toDense);
  m.def("mkldnn_add(Tensor self, Tensor other, Scalar alpha) -> Tensor",
        mkldnnAdd);
  m.def("mkldnn_add_(Tensor(a!) self, Tensor other, Scalar alpha) -> "
        "Tensor(a!)",
        mkldnnAdd_);
}
