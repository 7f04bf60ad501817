//===- FusionLayout.h - fusion group inputs laid out for a kernel -*- C++
//-*-===//
//
// What the CPU (Fusion.cpp) and CUDA (Cuda.cpp) kernel launchers share:
// whether a group's inputs suit its kernel, and if so the dense buffers,
// strides and new outputs the kernel reads and writes. Anything a kernel
// cannot compute exactly as the group's operators would (another dtype,
// autograd, another device, sizes that do not broadcast) is declined: the
// compiled code then runs the operators.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_RUNTIME_FUSIONLAYOUT_H
#define TSC_LIB_RUNTIME_FUSIONLAYOUT_H

#include "RuntimeInternal.h"

#include <ATen/ATen.h>
#include <c10/util/SmallVector.h>

namespace tsc::runtime {

/// A kernel's buffers: `data` holds the outputs' then the inputs' element
/// pointers; `strides` each input's element stride (elementwise: 1 or 0)
/// or row stride (by rows: the row length, or 0 for one row for all).
struct FusionLayout {
  /// Elements (elementwise) or rows (by rows).
  int64_t count = 0;
  /// Elements per row (by rows).
  int64_t rowLength = 0;
  c10::SmallVector<int64_t, 8> strides;
  c10::SmallVector<void *, 16> data;
  /// The dense inputs the pointers point into, and the new outputs.
  c10::SmallVector<at::Tensor, 8> inputs;
  c10::SmallVector<at::Tensor, 4> outputs;
  /// The arena and where in it each output may be written (both null:
  /// nowhere).
  char *arena = nullptr;
  const tsc_planned_output_t *plan = nullptr;
  /// How many outputs were placed there.
  int inArena = 0;
};

/// TSC_TRACE_FUSION=1 in the environment: each group says on stderr
/// whether its kernel ran, and if not, why.
bool fusionTracing();

/// Lays out an elementwise group's inputs for its kernel on `device`, or
/// returns false (after tracing why) when they do not suit it.
bool layoutElementwise(tsc_value_t *const *inputs, int64_t n_in,
                       const uint64_t *deps, int64_t n_out,
                       c10::DeviceType device, FusionLayout &layout);

/// As layoutElementwise, row by row: also declined unless the last
/// dimension is `row_dim` (or row_dim is -1) and of `row_length` elements
/// (or -1). Inputs of one element or one row are broadcast to every row.
bool layoutRows(tsc_value_t *const *inputs, int64_t n_in, const uint64_t *deps,
                int64_t n_out, int64_t row_dim, int64_t row_length,
                c10::DeviceType device, FusionLayout &layout);

/// For a group of linear layers (tsc_fusion_run_linear): rows of `n`
/// outputs, the layer inputs' rows dense, the elementwise inputs laid out
/// as by layoutRows; declined as tsc_runtime.h describes.
bool layoutLinear(tsc_value_t *const *inputs, int64_t n_in,
                  const uint64_t *deps, int64_t n_out, const uint8_t *roles,
                  const int64_t *row_lengths, int64_t n, FusionLayout &l);

/// Hands the outputs to `outs` and sets *ran.
void publishFusion(FusionLayout &layout, tsc_value_t **outs, int8_t *ran,
                   const char *unit);

/// What every fusion entry point does around its kernel: *ran = 0 and
/// exceptions turned into statuses; `layout(l)` lays out the inputs or
/// declines (the caller then runs the group's operators); `run(l)` runs
/// the kernel on them; the outputs, counted in `unit`, are handed out,
/// written into `arena` where `plan` places them (CPU kernels only).
template <typename LayoutFn, typename RunFn>
int32_t runFusion(tsc_value_t **outs, int8_t *ran, const char *unit,
                  LayoutFn layout, RunFn run, void *arena = nullptr,
                  const tsc_planned_output_t *plan = nullptr) {
  *ran = 0;
  return guard([&]() -> int32_t {
    FusionLayout l;
    if (arena && plan) {
      l.arena = static_cast<char *>(arena);
      l.plan = plan;
    }
    if (!layout(l))
      return TSC_OK;
    run(l);
    publishFusion(l, outs, ran, unit);
    return TSC_OK;
  });
}

} // namespace tsc::runtime

#endif // TSC_LIB_RUNTIME_FUSIONLAYOUT_H
