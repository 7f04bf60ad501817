//===- Cuda.cpp - running models compiled with --target=cuda --------------===//
//
// A CUDA model's tensor constants live on the GPU, copied there once; its
// fusion groups are PTX kernels that the driver API (CudaDriver.h) loads
// once per process and context and launches on LibTorch's current stream;
// every other op is ATen's, on the CUDA tensors. <model>_load first checks
// that this process can run it at all (tsc_cuda_require).
//
//===----------------------------------------------------------------------===//

#include "CudaDriver.h"
#include "FusionLayout.h"

#include <c10/core/DeviceGuard.h>
#include <c10/core/impl/DeviceGuardImplInterface.h>

#include <dlfcn.h>

#include <atomic>

using namespace tsc::runtime;
using namespace tsc::cuda;

namespace {

/// The driver, or a failure naming why there is none.
const Driver &requireDriver() {
  std::string why;
  const Driver *driver = getDriver(why);
  TORCH_CHECK(driver,
              "this model was compiled for CUDA (--target=cuda), but "
              "there is no usable GPU: ",
              why);
  return *driver;
}

void check(const Driver &driver, const char *call, CUresult status) {
  TORCH_CHECK(status == CUDA_SUCCESS, describe(driver, call, status));
}

/// LibTorch's current stream on `device`, as a driver stream. Stream 0 is
/// CUDA's legacy default stream; others are resolved by libc10_cuda's
/// CUDAStream::stream() (a CUDAStream holds just its c10::Stream), looked
/// up at run time so that the runtime does not link LibTorch's CUDA part.
CUstream currentStream(c10::Device device) {
  c10::Stream stream =
      c10::impl::getDeviceGuardImpl(c10::DeviceType::CUDA)->getStream(device);
  if (stream.id() == 0)
    return nullptr;
  using StreamFn = void *(*)(const c10::Stream *);
  static StreamFn toCUDA = reinterpret_cast<StreamFn>(
      dlsym(RTLD_DEFAULT, "_ZNK3c104cuda10CUDAStream6streamEv"));
  TORCH_CHECK(toCUDA, "cannot find LibTorch's current CUDA stream "
                      "(c10::cuda::CUDAStream::stream)");
  return static_cast<CUstream>(toCUDA(&stream));
}

CUfunction getKernel(const Driver &driver, const char *ptx, const char *name,
                     c10::Device device) {
  check(driver, "cuCtxGetCurrent",
        makeContextCurrent(driver, device.has_index() ? device.index() : 0));
  std::string why;
  CUfunction fn = getFunction(driver, ptx, name, why);
  TORCH_CHECK(fn, "loading the model's CUDA kernels: ", why);
  return fn;
}

/// Launches kernel `name` of `ptx` on the inputs' device, on LibTorch's
/// current stream: elementwise when `rowLength` < 0, else by rows.
void launch(const char *ptx, const char *name, FusionLayout &l,
            int64_t rowLength) {
  const Driver &driver = requireDriver();
  c10::Device device = l.inputs.front().device();
  c10::DeviceGuard deviceGuard(device);
  CUfunction fn = getKernel(driver, ptx, name, device);
  check(driver, "cuLaunchKernel",
        launchFusionKernel(driver, fn, l.count, rowLength, l.data.data(),
                           l.data.size(), l.strides.data(), l.strides.size(),
                           currentStream(device)));
}

/// Set once a model compiled for CUDA has been loaded: before, there is no
/// GPU work to wait for, and no reason to load the driver.
std::atomic<bool> cudaModelLoaded{false};

} // namespace

extern "C" TSC_RUNTIME_API int32_t tsc_cuda_synchronize(void) {
  if (!cudaModelLoaded.load())
    return TSC_OK;
  return guard([&]() -> int32_t {
    const Driver &driver = requireDriver();
    check(driver, "cuCtxSetCurrent", makeContextCurrent(driver, 0));
    check(driver, "cuCtxSynchronize", driver.cuCtxSynchronize());
    return TSC_OK;
  });
}

extern "C" TSC_RUNTIME_API int32_t tsc_cuda_require(void) {
  return guard([&]() -> int32_t {
    cudaModelLoaded = true;
    const Driver &driver = requireDriver();
    int devices = 0;
    check(driver, "cuDeviceGetCount", driver.cuDeviceGetCount(&devices));
    TORCH_CHECK(devices > 0, "this model was compiled for CUDA "
                             "(--target=cuda), but there is no CUDA device");
    TORCH_CHECK(at::hasCUDA(),
                "this model was compiled for CUDA (--target=cuda), but the "
                "LibTorch in use has no CUDA support");
    return TSC_OK;
  });
}

extern "C" TSC_RUNTIME_API int32_t tsc_cuda_constant_tensor(
    void **cache, const void *data, int32_t dtype, int64_t ndim,
    const int64_t *sizes, tsc_value_t **out) {
  TSC_REQUIRE(cache);
  TSC_REQUIRE(out);
  return guard([&] {
    return sharedTensor(
        cache,
        [&] { return wrapTensorData(data, dtype, ndim, sizes).to(at::kCUDA); },
        out);
  });
}

extern "C" TSC_RUNTIME_API int32_t
tsc_cuda_tensor_from_data(const void *data, int32_t dtype, int64_t ndim,
                          const int64_t *sizes, tsc_value_t **out) {
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(tensorFromData(data, dtype, ndim, sizes).to(at::kCUDA));
    return TSC_OK;
  });
}

extern "C" TSC_RUNTIME_API int32_t tsc_cuda_fusion_run(
    const char *ptx, const char *kernel, tsc_value_t *const *inputs,
    int64_t n_in, const uint64_t *deps, tsc_value_t **outs, int64_t n_out,
    int8_t *ran) {
  TSC_REQUIRE(ptx);
  TSC_REQUIRE(kernel);
  TSC_REQUIRE(inputs);
  TSC_REQUIRE(outs);
  TSC_REQUIRE(ran);
  return runFusion(
      outs, ran, "elements",
      [&](FusionLayout &l) {
        return layoutElementwise(inputs, n_in, deps, n_out,
                                 c10::DeviceType::CUDA, l);
      },
      [&](FusionLayout &l) {
        if (l.count > 0)
          launch(ptx, kernel, l, /*rowLength=*/-1);
      });
}

extern "C" TSC_RUNTIME_API int32_t tsc_cuda_fusion_run_rows(
    const char *ptx, const char *kernel, tsc_value_t *const *inputs,
    int64_t n_in, const uint64_t *deps, tsc_value_t **outs, int64_t n_out,
    int64_t row_dim, int64_t row_length, int8_t *ran) {
  TSC_REQUIRE(ptx);
  TSC_REQUIRE(kernel);
  TSC_REQUIRE(inputs);
  TSC_REQUIRE(outs);
  TSC_REQUIRE(ran);
  return runFusion(
      outs, ran, "rows",
      [&](FusionLayout &l) {
        return layoutRows(inputs, n_in, deps, n_out, row_dim, row_length,
                          c10::DeviceType::CUDA, l);
      },
      [&](FusionLayout &l) {
        if (l.count > 0)
          launch(ptx, kernel, l, l.rowLength);
      });
}
