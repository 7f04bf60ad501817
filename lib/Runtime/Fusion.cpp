//===- Fusion.cpp - running the compiler's fusion kernels -----------------===//
//
// tsc_fusion_run decides whether a fusion group's inputs suit its kernel,
// makes them dense where needed, allocates the outputs and runs the kernel,
// split across ATen's intra-op thread pool for large tensors. Anything the
// kernel cannot compute exactly as the group's operators would (another
// dtype, autograd, a device, sizes that do not broadcast) is declined, and
// the compiled code runs the operators instead.
//
//===----------------------------------------------------------------------===//

#include "RuntimeInternal.h"

#include <ATen/ATen.h>
#include <ATen/ExpandUtils.h>
#include <ATen/Parallel.h>
#include <c10/util/SmallVector.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace tsc::runtime;

namespace {

/// Elements per task when a kernel is split across threads: below this,
/// one thread streams the data faster than a hand-off costs.
constexpr int64_t kGrainSize = 1 << 15;

/// Why `t` does not suit a kernel, or null if it does.
const char *unsuitable(const at::Tensor &t) {
  if (!t.defined())
    return "undefined";
  if (t.scalar_type() != at::kFloat)
    return "not float32";
  if (!t.is_cpu() || t.layout() != at::kStrided || t.is_neg() || t.is_conj())
    return "not a plain strided CPU tensor";
  if (at::GradMode::is_enabled() && t.requires_grad())
    return "one that requires grad";
  return nullptr;
}

/// TSC_TRACE_FUSION=1 in the environment: each group says on stderr
/// whether its kernel ran, and if not, why.
bool tracing() {
  static const bool on = [] {
    const char *v = std::getenv("TSC_TRACE_FUSION");
    return v && *v && std::string(v) != "0";
  }();
  return on;
}

/// The kernel does not run; the compiled code runs the group's operators.
int32_t decline(const std::string &why) {
  if (tracing())
    std::fprintf(stderr, "tsc: fusion: operators (%s)\n", why.c_str());
  return TSC_OK;
}

std::string inputReason(int64_t i, const char *why) {
  return "input " + std::to_string(i) + " is " + why;
}

/// What both kinds of kernels need of the inputs: float32 CPU tensors
/// without autograd, broadcastable sizes, every output of the broadcast
/// sizes. Fills `in` and `sizes`; returns false (after tracing why) when
/// the kernel does not suit them.
bool prepare(tsc_value_t *const *inputs, int64_t n_in, const uint64_t *deps,
             int64_t n_out, c10::SmallVectorImpl<at::Tensor> &in,
             at::DimVector &sizes) {
  for (int64_t i = 0; i < n_in; ++i) {
    TORCH_CHECK(inputs[i], "a fusion group input is null");
    const c10::IValue &v = inputs[i]->ivalue;
    if (!v.isTensor())
      return decline(inputReason(i, "not a tensor")), false;
    if (const char *why = unsuitable(v.toTensor()))
      return decline(inputReason(i, why)), false;
    in.push_back(v.toTensor());
  }
  // The broadcast sizes; sizes that do not broadcast are the operators'
  // error to report.
  sizes.assign(in.front().sizes().begin(), in.front().sizes().end());
  for (const at::Tensor &t : in) {
    if (t.sizes().equals(sizes))
      continue;
    try {
      sizes = at::infer_size_dimvector(sizes, t.sizes());
    } catch (const c10::Error &) {
      return decline("the inputs' sizes do not broadcast"), false;
    }
  }
  // Each output has the broadcast sizes of the inputs it depends on; they
  // must be the group's.
  for (int64_t o = 0; o < n_out; ++o) {
    at::DimVector own;
    bool first = true;
    for (int64_t i = 0; i < n_in; ++i) {
      if (!(deps[o] >> i & 1))
        continue;
      own = first ? at::DimVector(in[i].sizes().begin(), in[i].sizes().end())
                  : at::infer_size_dimvector(own, in[i].sizes());
      first = false;
    }
    if (!at::IntArrayRef(own).equals(sizes))
      return decline("output " + std::to_string(o) +
                     " does not have the broadcast sizes"),
             false;
  }
  return true;
}

/// New float32 outputs of `sizes`, their element pointers first in `data`.
c10::SmallVector<at::Tensor, 4>
allocateOutputs(int64_t n_out, at::IntArrayRef sizes, const at::Tensor &like,
                c10::SmallVectorImpl<void *> &data) {
  c10::SmallVector<at::Tensor, 4> results;
  for (int64_t o = 0; o < n_out; ++o) {
    results.push_back(at::empty(sizes, like.options()));
    data[o] = results.back().data_ptr();
  }
  return results;
}

void publish(c10::SmallVectorImpl<at::Tensor> &results, tsc_value_t **outs,
             int8_t *ran, const char *what, int64_t count) {
  for (size_t o = 0; o < results.size(); ++o)
    outs[o] = newValue(std::move(results[o]));
  *ran = 1;
  if (tracing())
    std::fprintf(stderr, "tsc: fusion: kernel (%lld %s)\n",
                 static_cast<long long>(count), what);
}

/// What both entry points do around their kernel: *ran = 0, exceptions
/// turned into statuses, the inputs checked and gathered (prepare); then
/// `body(in, sizes)` runs the kernel, or declines, and returns the status.
template <typename Body>
int32_t runPrepared(tsc_value_t *const *inputs, int64_t n_in,
                    const uint64_t *deps, int64_t n_out, int8_t *ran,
                    Body body) {
  *ran = 0;
  return guard([&]() -> int32_t {
    c10::SmallVector<at::Tensor, 8> in;
    at::DimVector sizes;
    if (!prepare(inputs, n_in, deps, n_out, in, sizes))
      return TSC_OK;
    return body(in, sizes);
  });
}

} // namespace

extern "C" TSC_RUNTIME_API int32_t tsc_fusion_run(
    tsc_fusion_kernel_t kernel, tsc_value_t *const *inputs, int64_t n_in,
    const uint64_t *deps, tsc_value_t **outs, int64_t n_out, int8_t *ran) {
  TSC_REQUIRE(kernel);
  TSC_REQUIRE(inputs);
  TSC_REQUIRE(ran);
  TSC_REQUIRE(outs);
  return runPrepared(
      inputs, n_in, deps, n_out, ran,
      [&](c10::SmallVectorImpl<at::Tensor> &in,
          at::DimVector &sizes) -> int32_t {
        int64_t numel = c10::multiply_integers(sizes);
        c10::SmallVector<int64_t, 8> strides;
        c10::SmallVector<void *, 16> data(n_out + n_in);
        for (int64_t i = 0; i < n_in; ++i) {
          at::Tensor &t = in[i];
          if (t.numel() == 1 && numel != 1) {
            strides.push_back(0);
          } else {
            if (!t.sizes().equals(sizes))
              t = t.expand(sizes);
            t = t.contiguous();
            strides.push_back(1);
          }
          data[n_out + i] = t.data_ptr();
        }
        auto results = allocateOutputs(n_out, sizes, in.front(), data);
        if (numel <= kGrainSize)
          kernel(0, numel, data.data(), strides.data());
        else
          at::parallel_for(0, numel, kGrainSize, [&](int64_t b, int64_t e) {
            kernel(b, e, data.data(), strides.data());
          });
        publish(results, outs, ran, "elements", numel);
        return TSC_OK;
      });
}

extern "C" TSC_RUNTIME_API int32_t tsc_fusion_run_rows(
    tsc_fusion_rows_kernel_t kernel, tsc_value_t *const *inputs, int64_t n_in,
    const uint64_t *deps, tsc_value_t **outs, int64_t n_out, int64_t row_dim,
    int64_t row_length, int8_t *ran) {
  TSC_REQUIRE(kernel);
  TSC_REQUIRE(inputs);
  TSC_REQUIRE(ran);
  TSC_REQUIRE(outs);
  return runPrepared(
      inputs, n_in, deps, n_out, ran,
      [&](c10::SmallVectorImpl<at::Tensor> &in,
          at::DimVector &sizes) -> int32_t {
        int64_t rank = static_cast<int64_t>(sizes.size());
        if (rank == 0 || (row_dim >= 0 && row_dim != rank - 1))
          return decline("the reduced dimension is not the last"), TSC_OK;
        int64_t n = sizes.back();
        if (n == 0 || (row_length >= 0 && n != row_length))
          return decline("the rows are not of the normalized length"), TSC_OK;
        int64_t rows = c10::multiply_integers(sizes) / n;
        c10::SmallVector<int64_t, 8> rowStrides;
        c10::SmallVector<void *, 16> data(n_out + n_in);
        for (int64_t i = 0; i < n_in; ++i) {
          at::Tensor &t = in[i];
          bool oneRow = t.numel() == n && t.dim() >= 1 && t.sizes().back() == n;
          if (t.numel() == 1 && n != 1) {
            // One element: a row of it.
            t = t.reshape({1}).expand({n}).contiguous();
            rowStrides.push_back(0);
          } else if (oneRow && rows != 1) {
            // One row broadcast to all (a layer norm's weight).
            t = t.reshape({n}).contiguous();
            rowStrides.push_back(0);
          } else {
            if (!t.sizes().equals(sizes))
              t = t.expand(sizes);
            t = t.contiguous();
            rowStrides.push_back(n);
          }
          data[n_out + i] = t.data_ptr();
        }
        auto results = allocateOutputs(n_out, sizes, in.front(), data);
        int64_t grain = std::max<int64_t>(1, kGrainSize / n);
        if (rows <= grain)
          kernel(0, rows, n, data.data(), rowStrides.data());
        else
          at::parallel_for(0, rows, grain, [&](int64_t b, int64_t e) {
            kernel(b, e, n, data.data(), rowStrides.data());
          });
        publish(results, outs, ran, "rows", rows);
        return TSC_OK;
      });
}
