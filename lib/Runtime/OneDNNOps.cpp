//===- OneDNNOps.cpp - operators that keep oneDNN's state between calls --===//
//
// Runtime operators the compiler calls instead of ATen's where oneDNN
// (MKL-DNN) can be spared work, each with the meaning of the ATen operator
// it replaces:
//
// - tsc::conv2d_prepacked (-tsc-prepack-convolutions): conv2d whose weight
//   is reordered into oneDNN's blocked layout once (per weight, while it
//   lives unchanged) instead of on every call. oneDNN runs every float32
//   CPU convolution, as in torch.jit.optimize_for_inference's graphs
//   (oneDNNCanRun). Its result is in its input's layout: plain, or oneDNN's
//   blocked layout (an `mkldnn` tensor).
//   Large 3x3 convolutions of stride 1 take oneDNN's Winograd kernel
//   where the CPU has it (prefersWinograd), the others its direct one.
// - tsc::conv2d_prepacked_fused (-tsc-fuse-conv-epilogues): the same
//   convolution followed by an add and a clamp (relu, hardtanh), which
//   oneDNN applies as post-ops while each block of the result is still in
//   registers, instead of two more passes over the result's memory.
// - tsc::to_mkldnn, tsc::to_dense, tsc::mkldnn_add[_]
//   (-tsc-mkldnn-layout): conversions between the layouts that leave
//   tensors they do not apply to as they are, and an add that broadcasts
//   blocked tensors (oneDNN's sum does not).
//
//===----------------------------------------------------------------------===//

#include "DerivedWeights.h"
#include "RuntimeInternal.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/native/ConvUtils.h>
#include <torch/library.h>

#ifdef TSC_HAVE_IDEEP
#include <ideep.hpp>

// LibTorch's bridge between its `mkldnn` tensors and ideep's (exported by
// libtorch_cpu, declared in a header that libtorch-dev does not install).
namespace at::native {
ideep::tensor &itensor_from_mkldnn(const at::Tensor &mkldnn_tensor);
ideep::tensor itensor_view_from_dense(const at::Tensor &tensor);
at::Tensor new_with_itensor_mkldnn(ideep::tensor &&it,
                                   c10::optional<c10::ScalarType> dtype,
                                   c10::optional<c10::Device> device);
} // namespace at::native
#endif

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <unordered_map>
#include <vector>

namespace {

/// TSC_TRACE_PREPACK=1: each call says on stderr which way it went.
void trace(const char *way) {
  static const bool on = tsc::runtime::envFlag("TSC_TRACE_PREPACK");
  if (on)
    std::fprintf(stderr, "tsc: conv2d: %s\n", way);
}

/// Whether oneDNN can run a forward 2-D convolution of these tensors:
/// float32, on the CPU, plain or blocked. This is wider than ATen 1.13's
/// ConvParams::use_mkldnn, which keeps 1x1 convolutions of small inputs
/// (most of mobilenet_v2's) on its own kernels: here every such
/// convolution runs in oneDNN, as in the graphs of
/// torch.jit.optimize_for_inference, so that blocked activations never
/// leave the layout for one. Results differ from aten::conv2d's by the
/// order of the sums only.
bool oneDNNCanRun(const at::Tensor &input, const at::Tensor &weight) {
  if (!at::hasMKLDNN() || !at::globalContext().userEnabledMkldnn())
    return false;
  return input.device().is_cpu() && input.scalar_type() == at::kFloat &&
         (input.layout() == at::kStrided || input.is_mkldnn()) &&
         input.dim() == 4 && weight.device().is_cpu() &&
         weight.scalar_type() == at::kFloat &&
         weight.layout() == at::kStrided && weight.dim() == 4;
}

/// The weight reordered into oneDNN's blocked layout for a convolution of
/// these parameters.
at::Tensor packedWeight(const at::Tensor &weight, at::IntArrayRef padding,
                        at::IntArrayRef stride, at::IntArrayRef dilation,
                        int64_t groups) {
  static auto *cache =
      new tsc::runtime::DerivedWeights<at::Tensor, std::vector<int64_t>>();
  std::vector<int64_t> params(padding.begin(), padding.end());
  params.insert(params.end(), stride.begin(), stride.end());
  params.insert(params.end(), dilation.begin(), dilation.end());
  params.push_back(groups);
  return cache->get(weight, params, [&] {
    return at::mkldnn_reorder_conv2d_weight(weight.contiguous().to_mkldnn(),
                                            padding, stride, dilation, groups);
  });
}

/// Whether oneDNN computes this convolution with a packed weight: where
/// ATen would use oneDNN, in the shapes its convolution takes a packed
/// weight in. Anything else is aten::conv2d's to check and compute.
bool usesPrepacked(const at::Tensor &input, const at::Tensor &weight,
                   const c10::optional<at::Tensor> &bias,
                   at::IntArrayRef stride, at::IntArrayRef padding,
                   at::IntArrayRef dilation, int64_t groups) {
  return stride.size() == 2 && padding.size() == 2 && dilation.size() == 2 &&
         groups >= 1 && oneDNNCanRun(input, weight) &&
         input.size(1) == weight.size(1) * groups &&
         (!bias || !bias->defined() ||
          (bias->dim() == 1 && bias->size(0) == weight.size(0) &&
           bias->scalar_type() == at::kFloat && bias->device().is_cpu()));
}

#ifdef TSC_HAVE_IDEEP
at::Tensor convolveWithPostOps(
    const at::Tensor &input, const at::Tensor &packed,
    const c10::optional<at::Tensor> &bias, at::IntArrayRef stride,
    at::IntArrayRef padding, at::IntArrayRef dilation, int64_t groups,
    const at::Tensor *other, at::IntArrayRef outputSizes, float min, float max);
#endif

at::Tensor conv2dPrepacked(const at::Tensor &input, const at::Tensor &weight,
                           const c10::optional<at::Tensor> &bias,
                           at::IntArrayRef stride, at::IntArrayRef padding,
                           at::IntArrayRef dilation, int64_t groups) {
  if (tsc::runtime::needsGrad({&input, &weight, bias ? &*bias : nullptr}) ||
      !usesPrepacked(input, weight, bias, stride, padding, dilation, groups)) {
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
#ifdef TSC_HAVE_IDEEP
  try {
    float inf = std::numeric_limits<float>::infinity();
    return convolveWithPostOps(
        input, packed, bias, stride, padding, dilation, groups, nullptr,
        at::native::conv_output_size(input.sizes(), weight.sizes(), padding,
                                     stride, dilation),
        -inf, inf);
  } catch (const dnnl::error &e) {
    // oneDNN has no primitive for this shape; ATen's call reports why.
    trace("oneDNN declined its own primitive");
  }
#endif
  return at::mkldnn_convolution(input.is_mkldnn() ? input : input.contiguous(),
                                packed, bias, padding, stride, dilation,
                                groups);
}

/// Whether a fused convolution's `other` can be read by oneDNN's add
/// post-op: a
/// float32 CPU tensor of exactly the convolution's output sizes.
bool postOpCanRead(const at::Tensor &other, at::IntArrayRef sizes) {
  return other.device().is_cpu() && other.scalar_type() == at::kFloat &&
         (other.is_mkldnn() || other.layout() == at::kStrided) &&
         other.sizes().equals(sizes);
}

#ifdef TSC_HAVE_IDEEP
/// The ideep view of a float32 CPU tensor, blocked or plain (plain ones
/// are made contiguous first; `keep` holds that copy alive).
ideep::tensor itensorOf(const at::Tensor &t, at::Tensor &keep) {
  if (t.is_mkldnn())
    return at::native::itensor_from_mkldnn(t);
  keep = t.contiguous();
  return at::native::itensor_view_from_dense(keep);
}

/// A oneDNN convolution primitive, made for one weight, input layout and
/// set of post-ops. ideep's compute builds one on every call, through two
/// caches and an allocation: for a small depthwise convolution that took
/// three times as long as the convolution itself.
struct ConvPrimitive {
  ideep::tensor::desc src, weights, other;
  dnnl::convolution_forward::primitive_desc pd;
  dnnl::convolution_forward primitive;
  ideep::attr_t biasAttr;
  dnnl::memory::desc scratchpad; // what it asks of scratchpadFor
  ideep::tensor packed;          // the weight in the primitive's layout
  /// `other` is added as a sum post-op: copied into the result before the
  /// convolution accumulates onto it (Winograd's kernels take no binary
  /// post-op).
  bool addsBySum = false;
};

/// Whether to ask oneDNN for its Winograd kernel (F(4x4, 3x3), AVX-512
/// only) before its direct one: 3x3 convolutions of stride 1 with a large
/// output, where its 2.25x fewer multiplications outweigh the transforms,
/// and channels in whole blocks of 16 (the kernel's vector; it would pad
/// others). On a Zen 5 core resnet18's convolutions of 56x56 and 28x28
/// outputs took 0.55-0.7 ms against 1.0 ms direct; those of 14x14 and 7x7,
/// 1.7-4 ms against 1.1-1.6 ms. Results differ from the direct kernel's by
/// rounding (the transforms), within float32's tolerance for such sums;
/// TSC_CONV_WINOGRAD=0 keeps every convolution direct.
bool prefersWinograd(const ideep::tensor &weights, at::IntArrayRef stride,
                     at::IntArrayRef dilation, int64_t groups,
                     at::IntArrayRef outputSizes) {
  static const bool allowed =
      tsc::runtime::envFlag("TSC_CONV_WINOGRAD", /*unset=*/true);
  ideep::dims w = weights.get_dims();
  return allowed && groups == 1 && w.size() == 4 && w[0] % 16 == 0 &&
         w[1] % 16 == 0 && w[2] == 3 && w[3] == 3 && stride[0] == 1 &&
         stride[1] == 1 && dilation[0] == 1 && dilation[1] == 1 &&
         outputSizes[2] * outputSizes[3] >= 28 * 28;
}

/// This thread's scratchpad memory for a primitive about to run: one
/// arena per thread, as large as the largest primitive's need, shared by
/// all of them (a thread runs one at a time). Winograd's primitives each
/// ask for megabytes of transformed tiles; resnet18's seven held 16 MB
/// when each had its own.
dnnl::memory scratchpadFor(const dnnl::memory::desc &desc) {
  static const char key = 0;
  void *data =
      tsc::runtime::threadArena(&key, static_cast<int64_t>(desc.get_size()));
  return dnnl::memory(desc, ideep::engine::cpu_engine(), data);
}

/// The float's bits, to key a cache on it.
int64_t bitsOf(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}

/// oneDNN's convolution with `other` added and the result clamped as
/// post-ops (none: a plain convolution). The result is blocked if the
/// input is, plain otherwise.
at::Tensor convolveWithPostOps(const at::Tensor &input,
                               const at::Tensor &packed,
                               const c10::optional<at::Tensor> &bias,
                               at::IntArrayRef stride, at::IntArrayRef padding,
                               at::IntArrayRef dilation, int64_t groups,
                               const at::Tensor *other,
                               at::IntArrayRef outputSizes, float min,
                               float max) {
  // ATen's own kernels run below autograd; so do these (no operand needs
  // a gradient here, the callers checked).
  at::AutoDispatchBelowADInplaceOrView belowAutograd;
  at::Tensor keepInput, keepOther, keepBias;
  ideep::tensor x = itensorOf(input, keepInput);
  ideep::tensor w = at::native::itensor_from_mkldnn(packed);
  ideep::tensor o, b;
  if (other)
    o = itensorOf(*other, keepOther);
  bool withBias = bias && bias->defined();
  if (withBias)
    b = itensorOf(*bias, keepBias);

  // One primitive per thread and call shape: executing a primitive is
  // thread-safe, but its scratchpad is not shared.
  std::vector<int64_t> key{static_cast<int64_t>(reinterpret_cast<intptr_t>(
                               packed.unsafeGetTensorImpl())),
                           withBias, other != nullptr, bitsOf(min), bitsOf(max),
                           groups,
                           // oneDNN splits a primitive's work for the
                           // threads there are when it is made.
                           at::get_num_threads()};
  for (at::IntArrayRef part : {stride, padding, dilation, outputSizes})
    key.insert(key.end(), part.begin(), part.end());
  thread_local std::map<std::vector<int64_t>, ConvPrimitive> primitives;
  auto it = primitives.find(key);
  if (it == primitives.end() || it->second.src != x.get_desc() ||
      it->second.weights != w.get_desc() ||
      (other && it->second.other != o.get_desc())) {
    // The primitive and its weight live as long as the weight.
    tsc::runtime::UncachedAllocations longLived;
    // The post-ops: `other` added (as a binary operand, or by a sum onto
    // the result it was copied into), then the clamp.
    auto attrFor = [&](bool addBySum) {
      ideep::post_ops ops;
      if (other && addBySum)
        ops.append_sum(1.0f);
      else if (other)
        ops.append_binary(ideep::algorithm::binary_add, o.get_desc());
      if (min == 0.0f && std::isinf(max) && max > 0)
        ops.append_eltwise(1.0f, ideep::algorithm::eltwise_relu, 0.0f, 0.0f);
      else if (!std::isinf(min) || !std::isinf(max))
        ops.append_eltwise(1.0f, ideep::algorithm::eltwise_clip, min, max);
      return ideep::attr_t::attr_post_ops(ops);
    };
    ideep::dims dst(outputSizes.begin(), outputSizes.end());
    ideep::dims strides(stride.begin(), stride.end());
    ideep::dims dilates(dilation.begin(), dilation.end());
    ideep::dims pads(padding.begin(), padding.end());
    auto prepare = [&](ideep::algorithm algorithm, bool addBySum) {
      ideep::convolution_forward_params params;
      // With a sum post-op ideep takes the result's layout from this
      // tensor's: that of `other`, copied into the result.
      ideep::tensor dstLike = addBySum ? o : ideep::tensor();
      ideep::attr_t attr = attrFor(addBySum);
      // As ATen packed the weight (mkldnn_reorder_conv2d_weight), so that
      // the direct primitive takes it as it is.
      auto propKind = ideep::prop_kind::forward;
      if (withBias)
        ideep::convolution_forward::prepare(
            params, x, w, b, dst, dstLike, strides, dilates, pads, pads,
            static_cast<int>(groups), ideep::scale_t(), ideep::scale_t(),
            ideep::scale_t(), attr, algorithm, propKind);
      else
        ideep::convolution_forward::prepare(
            params, x, w, dst, dstLike, strides, dilates, pads, pads,
            static_cast<int>(groups), ideep::scale_t(), ideep::scale_t(),
            ideep::scale_t(), attr, algorithm, propKind);
      return params;
    };
    ideep::convolution_forward_params params;
    bool winograd = false;
    if (prefersWinograd(w, stride, dilation, groups, outputSizes)) {
      try {
        params = prepare(ideep::algorithm::convolution_winograd, other);
        winograd = true;
        trace("Winograd kernel");
      } catch (const dnnl::error &) {
        // No Winograd kernel on this CPU or for these post-ops.
      }
    }
    if (!winograd)
      params = prepare(ideep::algorithm::convolution_direct, false);
    dnnl::convolution_forward primitive(params.pd);
    // The weight in the primitive's layout: the packed one itself, unless
    // oneDNN chose another for these post-ops (then reordered once).
    ideep::tensor weights = w.make_grouped_weights(static_cast<int>(groups))
                                .reorder_if_differ_in(params.pd.weights_desc());
    ConvPrimitive entry{x.get_desc(),
                        w.get_desc(),
                        other ? o.get_desc() : ideep::tensor::desc(),
                        params.pd,
                        primitive,
                        params.bias_attr,
                        params.pd.scratchpad_desc(),
                        weights,
                        winograd && other};
    it = primitives.insert_or_assign(std::move(key), std::move(entry)).first;
  }
  ConvPrimitive &p = it->second;
  // dnnl::memory does not own its buffer: the ideep tensors (the inputs
  // reordered where their layout is not the primitive's) must outlive the
  // call.
  ideep::tensor src = x.reorder_if_differ_in(p.pd.src_desc());
  ideep::tensor y;
  y.init(p.pd.dst_desc());
  std::unordered_map<int, dnnl::memory> args{
      {DNNL_ARG_SRC, src},
      {DNNL_ARG_WEIGHTS, p.packed},
      {DNNL_ARG_DST, y},
      {DNNL_ARG_SCRATCHPAD, scratchpadFor(p.scratchpad)}};
  ideep::tensor biasArg, otherArg;
  if (withBias) {
    biasArg = b.reorder_if_differ_in(p.pd.bias_desc(), p.biasAttr);
    args.emplace(DNNL_ARG_BIAS, biasArg);
  }
  if (other && p.addsBySum) {
    // The sum post-op accumulates onto the result's initial contents. The
    // result has `other`'s layout: the primitive was made with it (and is
    // made again for another).
    TORCH_INTERNAL_ASSERT(o.get_desc() == y.get_desc());
    std::memcpy(y.get_data_handle(), o.get_data_handle(),
                y.get_desc().get_size());
  } else if (other) {
    otherArg = o.reorder_if_differ_in(p.pd.dst_desc());
    args.emplace(DNNL_ARG_ATTR_MULTIPLE_POST_OP(0) | DNNL_ARG_SRC_1, otherArg);
  }
  p.primitive.execute(ideep::stream::default_stream(), args);
  at::Tensor result = at::native::new_with_itensor_mkldnn(
      std::move(y), at::kFloat, input.device());
  return input.is_mkldnn() ? result : result.to_dense();
}
#endif

/// A float32 4-D CPU tensor in oneDNN's blocked layout; anything else as
/// it is (the operators after it then report what they would have).
at::Tensor toMkldnn(const at::Tensor &t) {
  if (!at::hasMKLDNN() || t.is_mkldnn() || !t.device().is_cpu() ||
      t.layout() != at::kStrided || t.scalar_type() != at::kFloat ||
      t.dim() != 4 || tsc::runtime::needsGrad({&t}))
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

/// clamp(conv2d(...) + other, min, max), `other` and either bound
/// optional. With `keep_sizes` the sum has the convolution's sizes (the
/// add was in place on the convolution's result, so `other` must broadcast
/// to them, as aten::add_ requires); without, it broadcasts as aten::add.
at::Tensor conv2dPrepackedFused(const at::Tensor &input,
                                const at::Tensor &weight,
                                const c10::optional<at::Tensor> &bias,
                                at::IntArrayRef stride, at::IntArrayRef padding,
                                at::IntArrayRef dilation, int64_t groups,
                                const c10::optional<at::Tensor> &other,
                                bool keepSizes,
                                const c10::optional<at::Scalar> &min,
                                const c10::optional<at::Scalar> &max) {
  bool adds = other && other->defined();
#ifdef TSC_HAVE_IDEEP
  if (!tsc::runtime::needsGrad({&input, &weight, bias ? &*bias : nullptr,
                                adds ? &*other : nullptr}) &&
      usesPrepacked(input, weight, bias, stride, padding, dilation, groups)) {
    std::vector<int64_t> sizes = at::native::conv_output_size(
        input.sizes(), weight.sizes(), padding, stride, dilation);
    if (!adds || postOpCanRead(*other, sizes)) {
      trace("prepacked with post-ops");
      at::Tensor packed =
          packedWeight(weight, padding, stride, dilation, groups);
      float lo = min ? static_cast<float>(min->toDouble())
                     : -std::numeric_limits<float>::infinity();
      float hi = max ? static_cast<float>(max->toDouble())
                     : std::numeric_limits<float>::infinity();
      try {
        return convolveWithPostOps(input, packed, bias, stride, padding,
                                   dilation, groups, adds ? &*other : nullptr,
                                   sizes, lo, hi);
      } catch (const dnnl::error &e) {
        // oneDNN has no kernel for this combination (its error says which
        // part); the operators below compute the same.
        trace("oneDNN declined the post-ops");
      }
    }
  }
#endif
  // The operators one by one, each in the convolution's result layout.
  at::Tensor y =
      conv2dPrepacked(input, weight, bias, stride, padding, dilation, groups);
  trace("then its post-ops, separately");
  if (adds)
    y = keepSizes ? mkldnnAdd_(y, *other, 1) : mkldnnAdd(y, *other, 1);
  if (min || max) {
    at::Tensor clamped = at::clamp(toDense(y), min, max);
    y = y.is_mkldnn() ? clamped.to_mkldnn() : clamped;
  }
  return y;
}

} // namespace

TORCH_LIBRARY(tsc, m) {
  m.def("conv2d_prepacked(Tensor input, Tensor weight, Tensor? bias, "
        "int[2] stride, int[2] padding, int[2] dilation, int groups) -> "
        "Tensor",
        conv2dPrepacked);
  m.def("conv2d_prepacked_fused(Tensor input, Tensor weight, Tensor? bias, "
        "int[2] stride, int[2] padding, int[2] dilation, int groups, "
        "Tensor? other, bool keep_sizes, Scalar? min, Scalar? max) -> Tensor",
        conv2dPrepackedFused);
  m.def("to_mkldnn(Tensor self) -> Tensor", toMkldnn);
  m.def("to_dense(Tensor self) -> Tensor", toDense);
  m.def("mkldnn_add(Tensor self, Tensor other, Scalar alpha) -> Tensor",
        mkldnnAdd);
  m.def("mkldnn_add_(Tensor(a!) self, Tensor other, Scalar alpha) -> "
        "Tensor(a!)",
        mkldnnAdd_);
}
