//===- DerivedWeights.h - layouts made once from a weight -------*- C++ -*-===//
//
// Operators that read a weight in another layout than it is stored in (a
// transposed copy for OpenBLAS, oneDNN's blocked layouts for convolutions
// and inner products) make that layout once and keep it: the weights are
// the compiled code's constants, which live for the process. A layout is
// made again only if the weight was written in place since (its version
// moved on). Once a layout exists only a fallback reads the original, so
// its pages are handed back to the kernel (releasePages). Layouts, and
// the temporaries that make them, bypass the caching allocator.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_RUNTIME_DERIVEDWEIGHTS_H
#define TSC_LIB_RUNTIME_DERIVEDWEIGHTS_H

#include "RuntimeInternal.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <variant>
#include <vector>

namespace tsc::runtime {

/// The layouts of type `Layout` made from weights, one per weight and
/// `Variant` (what else the layout depends on: a convolution's
/// parameters, the layout oneDNN chose). Thread-safe; meant to live for
/// the process.
template <typename Layout, typename Variant = std::monostate>
class DerivedWeights {
public:
  /// The layout of `weight` for `variant`: `make()`'s, made on the first
  /// request for this weight, version and variant.
  template <typename Make>
  Layout get(const at::Tensor &weight, const Variant &variant, Make &&make) {
    uint32_t version = weight._version();
    std::lock_guard<std::mutex> lock(mutex);
    std::vector<Entry> &entries = byWeight[weight.unsafeGetTensorImpl()];
    // Layouts of a weight written in place since are stale.
    entries.erase(
        std::remove_if(entries.begin(), entries.end(),
                       [&](const Entry &e) { return e.version != version; }),
        entries.end());
    for (const Entry &e : entries)
      if (e.variant == variant)
        return e.layout;
    UncachedAllocations longLived;
    entries.push_back(Entry{weight, version, variant, make()});
    if (weight.is_contiguous())
      releasePages(weight);
    return entries.back().layout;
  }

private:
  struct Entry {
    at::Tensor weight; // keeps the key's TensorImpl alive
    uint32_t version;
    Variant variant;
    Layout layout;
  };
  std::mutex mutex;
  std::unordered_map<const at::TensorImpl *, std::vector<Entry>> byWeight;
};

} // namespace tsc::runtime

#endif // TSC_LIB_RUNTIME_DERIVEDWEIGHTS_H
