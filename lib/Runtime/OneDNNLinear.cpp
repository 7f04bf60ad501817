//===- OneDNNLinear.cpp - linear layers of many rows through oneDNN -------===//
//
// A linear layer of many rows is a matrix product; ATen hands it to
// OpenBLAS, whose own pthreads then share the cores with ATen's OpenMP
// workers, which spin for a while after each parallel region (the bias
// copy of addmm, the relu after it). On a 2-core machine a 256-row MLP
// spent 40 % of its time in libgomp's spin and 25 % in OpenBLAS's
// sched_yield, and ran slower on 2 threads than on 1. oneDNN's inner
// product runs on the same OpenMP workers as ATen, with its weight
// reordered once into the layout its kernel reads (as ATen's own
// torch.utils.mkldnn does) and the bias added in the kernel.
//
// On one thread there is no contention, and the faster kernel wins: on a
// CPU with AVX-512 that is oneDNN's (Debian's OpenBLAS 0.3.21 runs its
// AVX2 "Haswell" kernel on a Zen 5 core, where oneDNN's inner product ran
// a 256-row MLP in 0.9 ms against 1.9 ms); on an AVX2 CPU OpenBLAS's (1.3
// to 2.7 times as fast as oneDNN's on a Zen 3 core, layer by layer, though
// perhaps with OpenBLAS's own pool of two threads: docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "DerivedWeights.h"
#include "RuntimeInternal.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#ifdef TSC_HAVE_IDEEP
#include <dnnl.hpp>
#endif

#include <cstdio>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace tsc::runtime {

#ifdef TSC_HAVE_IDEEP
namespace {

const dnnl::engine &cpuEngine() {
  static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

/// The weight in `desc`'s layout, reordered once per weight and layout
/// (the packed copies are shared by every thread and call shape).
dnnl::memory packedWeight(const at::Tensor &weight,
                          const dnnl::memory::desc &desc) {
  static auto *cache = new DerivedWeights<dnnl::memory, dnnl::memory::desc>();
  return cache->get(weight, desc, [&] {
    at::Tensor dense = weight.contiguous();
    dnnl::memory::dims dims{weight.size(0), weight.size(1)};
    dnnl::memory plain(
        {dims, dnnl::memory::data_type::f32, dnnl::memory::format_tag::ab},
        cpuEngine(), dense.data_ptr());
    dnnl::memory packed(desc, cpuEngine());
    dnnl::stream stream(cpuEngine());
    dnnl::reorder(plain, packed).execute(stream, plain, packed);
    stream.wait();
    return packed;
  });
}

/// An inner product primitive for one weight, row count, bias or none and
/// thread count, with its scratchpad. Made on a thread's first call of
/// that shape: creating one costs more than a small product.
struct LinearPrimitive {
  dnnl::inner_product_forward::primitive_desc pd;
  dnnl::inner_product_forward primitive;
  dnnl::memory scratchpad;
  dnnl::memory weights;
};

LinearPrimitive &primitiveFor(const at::Tensor &weight, int64_t rows,
                              bool withBias) {
  using Key = std::tuple<const at::TensorImpl *, uint32_t, int64_t, bool, int>;
  thread_local std::map<Key, LinearPrimitive> primitives;
  // oneDNN splits a primitive's work for the threads there are when it is
  // made.
  Key key{weight.unsafeGetTensorImpl(), weight._version(), rows, withBias,
          at::get_num_threads()};
  auto it = primitives.find(key);
  if (it != primitives.end())
    return it->second;
  using tag = dnnl::memory::format_tag;
  auto f32 = dnnl::memory::data_type::f32;
  int64_t n = weight.size(0), k = weight.size(1);
  dnnl::memory::desc src({rows, k}, f32, tag::ab);
  dnnl::memory::desc weights({n, k}, f32, tag::any);
  dnnl::memory::desc bias({n}, f32, tag::a);
  dnnl::memory::desc dst({rows, n}, f32, tag::ab);
  dnnl::primitive_attr attr;
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  auto kind = dnnl::prop_kind::forward_inference;
  dnnl::inner_product_forward::primitive_desc pd(
      withBias
          ? dnnl::inner_product_forward::desc(kind, src, weights, bias, dst)
          : dnnl::inner_product_forward::desc(kind, src, weights, dst),
      attr, cpuEngine());
  LinearPrimitive made{pd, dnnl::inner_product_forward(pd),
                       dnnl::memory(pd.scratchpad_desc(), cpuEngine()),
                       packedWeight(weight, pd.weights_desc())};
  return primitives.emplace(key, std::move(made)).first->second;
}

} // namespace

bool oneDNNLinearPreferred() {
  if (at::get_num_threads() > 1)
    return true;
  static const bool wide = [] {
    auto isa = static_cast<unsigned>(dnnl::get_effective_cpu_isa());
    auto avx512 = static_cast<unsigned>(dnnl::cpu_isa::avx512_core);
    return (isa & avx512) == avx512;
  }();
  return wide;
}

std::optional<at::Tensor> oneDNNLinear(const at::Tensor &input,
                                       const at::Tensor &weight,
                                       const at::Tensor *bias) {
  if (!at::hasMKLDNN() || !at::globalContext().userEnabledMkldnn() ||
      input.scalar_type() != at::kFloat || !input.is_contiguous())
    return std::nullopt;
  int64_t n = weight.size(0), k = weight.size(1);
  int64_t rows = input.numel() / k;
  at::AutoDispatchBelowADInplaceOrView belowAutograd;
  try {
    LinearPrimitive &p = primitiveFor(weight, rows, bias != nullptr);
    std::vector<int64_t> sizes(input.sizes().begin(), input.sizes().end());
    sizes.back() = n;
    at::Tensor out = at::empty(sizes, input.options());
    const dnnl::engine &engine = cpuEngine();
    std::unordered_map<int, dnnl::memory> args{
        {DNNL_ARG_SRC, dnnl::memory(p.pd.src_desc(), engine, input.data_ptr())},
        {DNNL_ARG_WEIGHTS, p.weights},
        {DNNL_ARG_DST, dnnl::memory(p.pd.dst_desc(), engine, out.data_ptr())},
        {DNNL_ARG_SCRATCHPAD, p.scratchpad}};
    at::Tensor denseBias;
    if (bias) {
      denseBias = bias->contiguous();
      args.emplace(DNNL_ARG_BIAS, dnnl::memory(p.pd.bias_desc(), engine,
                                               denseBias.data_ptr()));
    }
    thread_local dnnl::stream stream(engine);
    p.primitive.execute(stream, args);
    stream.wait();
    return out;
  } catch (const dnnl::error &e) {
    // No primitive for this shape here: ATen's product computes it.
    if (envFlag("TSC_TRACE_LINEAR"))
      std::fprintf(stderr, "tsc: linear: oneDNN declined (%s)\n", e.what());
    return std::nullopt;
  }
}

#else

bool oneDNNLinearPreferred() { return false; }

std::optional<at::Tensor> oneDNNLinear(const at::Tensor &, const at::Tensor &,
                                       const at::Tensor *) {
  return std::nullopt;
}

#endif

} // namespace tsc::runtime
