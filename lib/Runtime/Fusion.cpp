//===- Fusion.cpp - running the compiler's fusion kernels on the CPU ------===//
//
// tsc_fusion_run decides whether a fusion group's inputs suit its kernel
// (FusionLayout.h), makes them dense where needed, allocates the outputs and
// runs the kernel, split across ATen's intra-op thread pool for large
// tensors. When the inputs do not suit it, the compiled code runs the
// group's operators instead.
//
//===----------------------------------------------------------------------===//

#include "FusionLayout.h"

#include <ATen/ExpandUtils.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace tsc::runtime;

namespace {

/// Elements per task when a kernel is split across threads: below this,
/// one thread streams the data faster than a hand-off costs.
constexpr int64_t kGrainSize = 1 << 15;

/// Rows of linear layers a kernel computes at most: it reads the whole
/// weight once per row, which beyond a few rows a matrix product (BLAS,
/// through the group's operators) does better, reading it once per block
/// of rows.
constexpr int64_t kMaxLinearRows = 16;

/// Linear layers are split across threads by blocks of this many columns
/// (a multiple of every vector width), when a call has at least
/// kLinearGrainSize multiply-adds: each thread then streams its share of
/// the weights, which may stay in its own core's cache between calls.
constexpr int64_t kLinearColumnBlock = 64;
constexpr int64_t kLinearGrainSize = 1 << 16;

/// Why `t` does not suit a kernel on `device`, or null if it does.
const char *unsuitable(const at::Tensor &t, c10::DeviceType device) {
  if (!t.defined())
    return "undefined";
  if (t.scalar_type() != at::kFloat)
    return "not float32";
  if (t.layout() != at::kStrided || t.is_neg() || t.is_conj())
    return "not a plain strided tensor";
  if (t.device().type() != device)
    return device == c10::DeviceType::CUDA ? "not a CUDA tensor"
                                           : "not a CPU tensor";
  if (at::GradMode::is_enabled() && t.requires_grad())
    return "one that requires grad";
  return nullptr;
}

bool tracing() {
  static const bool on = envFlag("TSC_TRACE_FUSION");
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

/// The inputs' tensors into `in`, each float32 on `device` without
/// autograd; false (after tracing why) when one is not.
bool collectInputs(tsc_value_t *const *inputs, int64_t n_in,
                   c10::DeviceType device,
                   c10::SmallVectorImpl<at::Tensor> &in) {
  for (int64_t i = 0; i < n_in; ++i) {
    TORCH_CHECK(inputs[i], "a fusion group input is null");
    const c10::IValue &v = inputs[i]->ivalue;
    if (!v.isTensor())
      return decline(inputReason(i, "not a tensor")), false;
    if (const char *why = unsuitable(v.toTensor(), device))
      return decline(inputReason(i, why)), false;
    in.push_back(v.toTensor());
  }
  return true;
}

/// Whether every output, which has the broadcast sizes of the inputs it
/// depends on (input i's sizes being `sizesOf(i)`), has `sizes`; false
/// (after tracing why, `what` naming `sizes`) when one has not.
template <typename SizesOf>
bool outputsHave(at::IntArrayRef sizes, const char *what, const uint64_t *deps,
                 int64_t n_in, int64_t n_out, SizesOf sizesOf) {
  for (int64_t o = 0; o < n_out; ++o) {
    at::DimVector own;
    bool first = true;
    for (int64_t i = 0; i < n_in; ++i) {
      if (!(deps[o] >> i & 1))
        continue;
      at::IntArrayRef in = sizesOf(i);
      try {
        own = first ? at::DimVector(in.begin(), in.end())
                    : at::infer_size_dimvector(own, in);
      } catch (const c10::Error &) {
        return decline("the inputs' sizes do not broadcast"), false;
      }
      first = false;
    }
    if (!at::IntArrayRef(own).equals(sizes))
      return decline("output " + std::to_string(o) + " does not have " + what),
             false;
  }
  return true;
}

/// Lays out `t` for a row kernel over `rows` rows of `n` elements (the
/// outputs having `sizes`): one element or one row is broadcast to every
/// row, anything else made dense of the full sizes. Returns its row
/// stride: 0 (broadcast) or n.
int64_t layoutRowInput(at::Tensor &t, int64_t n, int64_t rows,
                       at::IntArrayRef sizes) {
  if (t.numel() == 1 && n != 1) {
    // One element: a row of it.
    t = t.reshape({1}).expand({n}).contiguous();
    return 0;
  }
  if (t.numel() == n && t.dim() >= 1 && t.sizes().back() == n && rows != 1) {
    // One row broadcast to all (a layer norm's weight).
    t = t.reshape({n}).contiguous();
    return 0;
  }
  if (!t.sizes().equals(sizes))
    t = t.expand(sizes);
  t = t.contiguous();
  return n;
}

/// What elementwise and row kernels need of the inputs: float32 tensors on
/// `device` without autograd, broadcastable sizes, every output of the
/// broadcast sizes. Fills `in` and `sizes`; returns false (after tracing
/// why) when the kernel does not suit them.
bool prepare(tsc_value_t *const *inputs, int64_t n_in, const uint64_t *deps,
             int64_t n_out, c10::DeviceType device,
             c10::SmallVectorImpl<at::Tensor> &in, at::DimVector &sizes) {
  if (!collectInputs(inputs, n_in, device, in))
    return false;
  for (int64_t i = 1; i < n_in; ++i)
    if (in[i].device() != in[0].device())
      return decline(inputReason(i, "on another device")), false;
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
  return outputsHave(sizes, "the broadcast sizes", deps, n_in, n_out,
                     [&](int64_t i) { return in[i].sizes(); });
}

/// Float32 outputs of `sizes`, their element pointers first in `data`:
/// in the arena memory planned for them where it is large enough, new
/// tensors otherwise.
void allocateOutputs(int64_t n_out, at::IntArrayRef sizes, FusionLayout &l) {
  at::TensorOptions options = l.inputs.front().options();
  int64_t bytes = c10::multiply_integers(sizes) * int64_t(sizeof(float));
  for (int64_t o = 0; o < n_out; ++o) {
    const tsc_planned_output_t *p = l.plan ? &l.plan[o] : nullptr;
    if (p && p->offset >= 0 && bytes <= p->bytes) {
      // Not owned: the arena outlives every use the plan allowed.
      l.outputs.push_back(at::from_blob(l.arena + p->offset, sizes, options));
      ++l.inArena;
    } else
      l.outputs.push_back(at::empty(sizes, options));
    l.data[o] = l.outputs.back().data_ptr();
  }
}

} // namespace

namespace tsc::runtime {

bool fusionTracing() { return tracing(); }

bool layoutElementwise(tsc_value_t *const *inputs, int64_t n_in,
                       const uint64_t *deps, int64_t n_out,
                       c10::DeviceType device, FusionLayout &l) {
  at::DimVector sizes;
  if (!prepare(inputs, n_in, deps, n_out, device, l.inputs, sizes))
    return false;
  l.count = c10::multiply_integers(sizes);
  l.data.resize(n_out + n_in);
  for (int64_t i = 0; i < n_in; ++i) {
    at::Tensor &t = l.inputs[i];
    if (t.numel() == 1 && l.count != 1) {
      l.strides.push_back(0);
    } else {
      if (!t.sizes().equals(sizes))
        t = t.expand(sizes);
      t = t.contiguous();
      l.strides.push_back(1);
    }
    l.data[n_out + i] = t.data_ptr();
  }
  allocateOutputs(n_out, sizes, l);
  return true;
}

bool layoutRows(tsc_value_t *const *inputs, int64_t n_in, const uint64_t *deps,
                int64_t n_out, int64_t row_dim, int64_t row_length,
                c10::DeviceType device, FusionLayout &l) {
  at::DimVector sizes;
  if (!prepare(inputs, n_in, deps, n_out, device, l.inputs, sizes))
    return false;
  int64_t rank = static_cast<int64_t>(sizes.size());
  if (rank == 0 || (row_dim >= 0 && row_dim != rank - 1))
    return decline("the reduced dimension is not the last"), false;
  int64_t n = sizes.back();
  if (n == 0 || (row_length >= 0 && n != row_length))
    return decline("the rows are not of the normalized length"), false;
  int64_t rows = c10::multiply_integers(sizes) / n;
  l.count = rows;
  l.rowLength = n;
  l.data.resize(n_out + n_in);
  for (int64_t i = 0; i < n_in; ++i) {
    l.strides.push_back(layoutRowInput(l.inputs[i], n, rows, sizes));
    l.data[n_out + i] = l.inputs[i].data_ptr();
  }
  allocateOutputs(n_out, sizes, l);
  return true;
}

bool layoutLinear(tsc_value_t *const *inputs, int64_t n_in,
                  const uint64_t *deps, int64_t n_out, const uint8_t *roles,
                  const int64_t *row_lengths, int64_t n, FusionLayout &l) {
  if (!collectInputs(inputs, n_in, c10::DeviceType::CPU, l.inputs))
    return false;
  // The outputs' sizes: the layer inputs' leading sizes, then n.
  std::optional<at::DimVector> sizes;
  for (int64_t i = 0; i < n_in; ++i) {
    if (!(roles[i] & TSC_FUSION_LINEAR_INPUT))
      continue;
    const at::Tensor &t = l.inputs[i];
    if (t.dim() < 1 || t.sizes().back() != row_lengths[i])
      return decline(inputReason(i, "not of the layer's row length")), false;
    at::DimVector lead(t.sizes().begin(), t.sizes().end() - 1);
    if (sizes && !at::IntArrayRef(*sizes).equals(lead))
      return decline("the layers' inputs have different leading sizes"), false;
    sizes = lead;
  }
  TORCH_CHECK(sizes, "a fusion group of linear layers has no layer input");
  int64_t rows = c10::multiply_integers(*sizes);
  if (rows > kMaxLinearRows)
    return decline("more rows than the kernel is faster for"), false;
  sizes->push_back(n);
  // Each output's sizes, from the inputs it depends on (a layer's input
  // giving the outputs' sizes), must be these.
  if (!outputsHave(*sizes, "the layers' output sizes", deps, n_in, n_out,
                   [&](int64_t i) {
                     return (roles[i] & TSC_FUSION_LINEAR_INPUT)
                                ? at::IntArrayRef(*sizes)
                                : l.inputs[i].sizes();
                   }))
    return false;
  l.count = rows;
  l.rowLength = n;
  l.data.resize(n_out + n_in);
  for (int64_t i = 0; i < n_in; ++i) {
    at::Tensor &t = l.inputs[i];
    if (roles[i] & TSC_FUSION_LINEAR_INPUT) {
      // Read by the layer as rows of its length, and maybe elementwise
      // too, which then needs the outputs' sizes.
      if ((roles[i] & TSC_FUSION_ELEMENTWISE) && !t.sizes().equals(*sizes))
        return decline(inputReason(i, "a layer input of other sizes than "
                                      "the outputs, also read elementwise")),
               false;
      t = t.contiguous();
      l.strides.push_back(n);
    } else {
      l.strides.push_back(layoutRowInput(t, n, rows, *sizes));
    }
    l.data[n_out + i] = t.data_ptr();
  }
  allocateOutputs(n_out, *sizes, l);
  return true;
}

void publishFusion(FusionLayout &l, tsc_value_t **outs, int8_t *ran,
                   const char *unit) {
  for (size_t o = 0; o < l.outputs.size(); ++o)
    outs[o] = newValue(std::move(l.outputs[o]));
  *ran = 1;
  if (!tracing())
    return;
  std::fprintf(stderr, "tsc: fusion: kernel (%lld %s)",
               static_cast<long long>(l.count), unit);
  if (l.inArena)
    std::fprintf(stderr, " writing %d of %d outputs into the arena", l.inArena,
                 static_cast<int>(l.outputs.size()));
  std::fputc('\n', stderr);
}

} // namespace tsc::runtime

extern "C" TSC_RUNTIME_API int32_t tsc_fusion_run(
    tsc_fusion_kernel_t kernel, tsc_value_t *const *inputs, int64_t n_in,
    const uint64_t *deps, tsc_value_t **outs, int64_t n_out, void *arena,
    const tsc_planned_output_t *plan, int8_t *ran) {
  TSC_REQUIRE(kernel);
  TSC_REQUIRE(inputs);
  TSC_REQUIRE(ran);
  TSC_REQUIRE(outs);
  return runFusion(
      outs, ran, "elements",
      [&](FusionLayout &l) {
        return layoutElementwise(inputs, n_in, deps, n_out,
                                 c10::DeviceType::CPU, l);
      },
      [&](FusionLayout &l) {
        if (l.count <= kGrainSize)
          kernel(0, l.count, l.data.data(), l.strides.data());
        else
          at::parallel_for(0, l.count, kGrainSize, [&](int64_t b, int64_t e) {
            kernel(b, e, l.data.data(), l.strides.data());
          });
      },
      arena, plan);
}

extern "C" TSC_RUNTIME_API int32_t tsc_fusion_run_rows(
    tsc_fusion_rows_kernel_t kernel, tsc_value_t *const *inputs, int64_t n_in,
    const uint64_t *deps, tsc_value_t **outs, int64_t n_out, int64_t row_dim,
    int64_t row_length, void *arena, const tsc_planned_output_t *plan,
    int8_t *ran) {
  TSC_REQUIRE(kernel);
  TSC_REQUIRE(inputs);
  TSC_REQUIRE(ran);
  TSC_REQUIRE(outs);
  return runFusion(
      outs, ran, "rows",
      [&](FusionLayout &l) {
        return layoutRows(inputs, n_in, deps, n_out, row_dim, row_length,
                          c10::DeviceType::CPU, l);
      },
      [&](FusionLayout &l) {
        int64_t n = l.rowLength;
        int64_t grain = std::max<int64_t>(1, kGrainSize / n);
        if (l.count <= grain)
          kernel(0, l.count, n, l.data.data(), l.strides.data());
        else
          at::parallel_for(0, l.count, grain, [&](int64_t b, int64_t e) {
            kernel(b, e, n, l.data.data(), l.strides.data());
          });
      },
      arena, plan);
}

extern "C" TSC_RUNTIME_API int32_t tsc_fusion_run_linear(
    tsc_fusion_linear_kernel_t kernel, tsc_value_t *const *inputs, int64_t n_in,
    const uint64_t *deps, tsc_value_t **outs, int64_t n_out,
    const uint8_t *roles, const int64_t *row_lengths, int64_t row_length,
    void *arena, const tsc_planned_output_t *plan, int8_t *ran) {
  TSC_REQUIRE(kernel);
  TSC_REQUIRE(inputs);
  TSC_REQUIRE(ran);
  TSC_REQUIRE(outs);
  TSC_REQUIRE(roles);
  TSC_REQUIRE(row_lengths);
  return runFusion(
      outs, ran, "rows",
      [&](FusionLayout &l) {
        return layoutLinear(inputs, n_in, deps, n_out, roles, row_lengths,
                            row_length, l);
      },
      [&](FusionLayout &l) {
        // Multiply-adds per row: the weights each row streams.
        int64_t work = 0;
        for (int64_t i = 0; i < n_in; ++i)
          if (roles[i] & TSC_FUSION_LINEAR_INPUT)
            work += row_lengths[i] * l.rowLength;
        int64_t blocks =
            (l.rowLength + kLinearColumnBlock - 1) / kLinearColumnBlock;
        if (work * l.count < kLinearGrainSize || blocks < 2 ||
            at::get_num_threads() < 2) {
          kernel(0, l.count, 0, l.rowLength, l.data.data(), l.strides.data());
          return;
        }
        if (tracing())
          std::fprintf(stderr,
                       "tsc: fusion: linear layers in %lld column blocks\n",
                       static_cast<long long>(blocks));
        at::parallel_for(0, blocks, 1, [&](int64_t b, int64_t e) {
          kernel(0, l.count, b * kLinearColumnBlock,
                 std::min(e * kLinearColumnBlock, l.rowLength), l.data.data(),
                 l.strides.data());
        });
      },
      arena, plan);
}
