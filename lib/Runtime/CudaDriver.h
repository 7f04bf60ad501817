//===- CudaDriver.h - the CUDA driver API, loaded at run time ----*- C++
//-*-===//
//
// The few driver entry points tsc's runtime uses, found with dlopen of
// libcuda.so.1 on first use: the runtime builds, loads and runs CPU models
// on machines without CUDA, and needs no CUDA headers. No LibTorch here:
// tools that test the GPU kernels on raw device memory use it too.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_RUNTIME_CUDADRIVER_H
#define TSC_LIB_RUNTIME_CUDADRIVER_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace tsc::cuda {

// The driver API's types, as cuda.h declares them (ABI-stable).
using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = struct CUctx_st *;
using CUmodule = struct CUmod_st *;
using CUfunction = struct CUfunc_st *;
using CUstream = struct CUstream_st *;
constexpr CUresult CUDA_SUCCESS = 0;
constexpr int CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16;

struct Driver {
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGetCount)(int *);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDeviceGetAttribute)(int *, int, CUdevice);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuCtxGetCurrent)(CUcontext *);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuCtxSynchronize)();
  CUresult (*cuModuleLoadDataEx)(CUmodule *, const void *, unsigned, int *,
                                 void **);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned,
                             unsigned, unsigned, unsigned, CUstream, void **,
                             void **);
  CUresult (*cuMemAlloc)(CUdeviceptr *, size_t);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemcpyHtoD)(CUdeviceptr, const void *, size_t);
  CUresult (*cuMemcpyDtoH)(void *, CUdeviceptr, size_t);
  CUresult (*cuGetErrorString)(CUresult, const char **);
};

/// The driver, loaded and initialized (cuInit) once per process; null,
/// with the reason in `why`, when libcuda.so.1 cannot be loaded, lacks an
/// entry point or fails to initialize.
const Driver *getDriver(std::string &why);

/// "cuLaunchKernel: CUDA_ERROR_...: message" for a failed call.
std::string describe(const Driver &driver, const char *call, CUresult status);

/// Makes device `ordinal`'s primary context (the one the CUDA runtime, and
/// so LibTorch, uses) current on this thread if no context is.
CUresult makeContextCurrent(const Driver &driver, int ordinal);

/// Kernel `name` of the module built from `ptx` (NUL-terminated) in the
/// current context: the module loaded, and the kernel looked up, once per
/// context and process, kept until exit. On failure, null and why (the
/// driver's JIT log for PTX it rejects) in `why`.
CUfunction getFunction(const Driver &driver, const char *ptx, const char *name,
                       std::string &why);

/// Threads per block of every tsc kernel launch.
constexpr unsigned kBlockSize = 256;

/// Launches the fusion kernel `fn` on `stream` with the ABI of
/// OutlineFusionGPUKernels.cpp: `count` elements (`rowLength` < 0), or
/// `count` rows of `rowLength` (a warp each); then the `numData` buffer
/// pointers (outputs, then inputs) and the `numStrides` strides, every one
/// its own parameter. The grid covers the work in at most a few waves:
/// the kernels loop over what is left.
CUresult launchFusionKernel(const Driver &driver, CUfunction fn, int64_t count,
                            int64_t rowLength, void *const *data,
                            size_t numData, const int64_t *strides,
                            size_t numStrides, CUstream stream);

} // namespace tsc::cuda

#endif // TSC_LIB_RUNTIME_CUDADRIVER_H
