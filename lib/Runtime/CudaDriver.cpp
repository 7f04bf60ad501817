//===- CudaDriver.cpp - the CUDA driver API, loaded at run time -----------===//

#include "CudaDriver.h"

#include <dlfcn.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <tuple>
#include <utility>
#include <vector>

namespace tsc::cuda {

namespace {

struct Loaded {
  Driver driver{};
  std::string error;
  bool ok = false;
};

/// Resolves `symbol` into `fn`. The symbol is the ABI version that cuda.h
/// (CUDA 11 to 13) binds each call's name to: "_v2" for some, the first for
/// the others. Taking "_v2" wherever one exists would be wrong: CUDA 13's
/// cuCtxSynchronize_v2 takes a context, which a call through the first
/// ABI's signature leaves as garbage.
template <typename Fn>
bool resolve(void *lib, const char *symbol, Fn &fn, std::string &error) {
  void *sym = dlsym(lib, symbol);
  if (!sym) {
    error = std::string("libcuda.so.1 has no ") + symbol;
    return false;
  }
  fn = reinterpret_cast<Fn>(sym);
  return true;
}

Loaded load() {
  Loaded l;
  void *lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *why = dlerror();
    l.error = std::string("cannot load the CUDA driver (libcuda.so.1): ") +
              (why ? why : "not found");
    return l;
  }
  Driver &d = l.driver;
#define TSC_RESOLVE(name, symbol)                                              \
  if (!resolve(lib, symbol, d.name, l.error))                                  \
    return l;
  TSC_RESOLVE(cuInit, "cuInit")
  TSC_RESOLVE(cuDeviceGetCount, "cuDeviceGetCount")
  TSC_RESOLVE(cuDeviceGet, "cuDeviceGet")
  TSC_RESOLVE(cuDeviceGetAttribute, "cuDeviceGetAttribute")
  TSC_RESOLVE(cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain")
  TSC_RESOLVE(cuCtxGetCurrent, "cuCtxGetCurrent")
  TSC_RESOLVE(cuCtxSetCurrent, "cuCtxSetCurrent")
  TSC_RESOLVE(cuCtxSynchronize, "cuCtxSynchronize")
  TSC_RESOLVE(cuModuleLoadDataEx, "cuModuleLoadDataEx")
  TSC_RESOLVE(cuModuleGetFunction, "cuModuleGetFunction")
  TSC_RESOLVE(cuLaunchKernel, "cuLaunchKernel")
  TSC_RESOLVE(cuMemAlloc, "cuMemAlloc_v2")
  TSC_RESOLVE(cuMemFree, "cuMemFree_v2")
  TSC_RESOLVE(cuMemcpyHtoD, "cuMemcpyHtoD_v2")
  TSC_RESOLVE(cuMemcpyDtoH, "cuMemcpyDtoH_v2")
  TSC_RESOLVE(cuGetErrorString, "cuGetErrorString")
#undef TSC_RESOLVE
  if (CUresult st = d.cuInit(0); st != CUDA_SUCCESS) {
    l.error = describe(d, "cuInit", st);
    return l;
  }
  l.ok = true;
  return l;
}

} // namespace

const Driver *getDriver(std::string &why) {
  static const Loaded loaded = load();
  if (!loaded.ok) {
    why = loaded.error;
    return nullptr;
  }
  return &loaded.driver;
}

std::string describe(const Driver &driver, const char *call, CUresult status) {
  const char *text = nullptr;
  if (driver.cuGetErrorString)
    driver.cuGetErrorString(status, &text);
  return std::string(call) +
         " failed: " + (text ? text : "CUDA error " + std::to_string(status));
}

CUresult makeContextCurrent(const Driver &driver, int ordinal) {
  CUcontext current = nullptr;
  if (CUresult st = driver.cuCtxGetCurrent(&current); st != CUDA_SUCCESS)
    return st;
  if (current)
    return CUDA_SUCCESS;
  CUdevice device;
  if (CUresult st = driver.cuDeviceGet(&device, ordinal); st != CUDA_SUCCESS)
    return st;
  CUcontext primary;
  if (CUresult st = driver.cuDevicePrimaryCtxRetain(&primary, device);
      st != CUDA_SUCCESS)
    return st;
  return driver.cuCtxSetCurrent(primary);
}

CUfunction getFunction(const Driver &driver, const char *ptx, const char *name,
                       std::string &why) {
  static std::mutex mutex;
  static std::map<std::pair<const char *, CUcontext>, CUmodule> modules;
  static std::map<std::tuple<const char *, CUcontext, std::string>, CUfunction>
      functions;
  CUcontext context = nullptr;
  if (CUresult st = driver.cuCtxGetCurrent(&context); st != CUDA_SUCCESS) {
    why = describe(driver, "cuCtxGetCurrent", st);
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(mutex);
  auto [fnIt, newFunction] =
      functions.try_emplace({ptx, context, name}, nullptr);
  if (!newFunction)
    return fnIt->second;
  auto [it, newModule] = modules.try_emplace({ptx, context}, nullptr);
  if (newModule) {
    // The JIT's error log says which PTX line it rejects.
    char log[4096] = {0};
    int options[] = {/*CU_JIT_ERROR_LOG_BUFFER=*/5,
                     /*CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES=*/6};
    void *values[] = {log, reinterpret_cast<void *>(sizeof log)};
    if (CUresult st =
            driver.cuModuleLoadDataEx(&it->second, ptx, 2, options, values);
        st != CUDA_SUCCESS) {
      modules.erase(it);
      functions.erase(fnIt);
      why = describe(driver, "cuModuleLoadDataEx", st) +
            (log[0] ? std::string(": ") + log : "");
      return nullptr;
    }
  }
  if (CUresult st = driver.cuModuleGetFunction(&fnIt->second, it->second, name);
      st != CUDA_SUCCESS) {
    functions.erase(fnIt);
    why = describe(driver, "cuModuleGetFunction", st);
    return nullptr;
  }
  return fnIt->second;
}

namespace {

/// Blocks for `work` items, `perBlock` to a block: at most 8 per
/// multiprocessor of the first device.
unsigned gridSize(const Driver &driver, int64_t work, int64_t perBlock) {
  static const int multiprocessors = [&] {
    CUdevice device;
    int count = 0;
    if (driver.cuDeviceGet(&device, 0) != CUDA_SUCCESS ||
        driver.cuDeviceGetAttribute(&count,
                                    CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT,
                                    device) != CUDA_SUCCESS)
      count = 0;
    return count > 0 ? count : 32;
  }();
  int64_t blocks = (work + perBlock - 1) / perBlock;
  int64_t waves = int64_t(multiprocessors) * 8;
  return static_cast<unsigned>(std::clamp<int64_t>(blocks, 1, waves));
}

} // namespace

CUresult launchFusionKernel(const Driver &driver, CUfunction fn, int64_t count,
                            int64_t rowLength, void *const *data,
                            size_t numData, const int64_t *strides,
                            size_t numStrides, CUstream stream) {
  bool rows = rowLength >= 0;
  // The parameters' values, then their addresses, as the driver takes them.
  std::vector<int64_t> counts{count};
  if (rows)
    counts.push_back(rowLength);
  std::vector<void *> pointers(data, data + numData);
  std::vector<int64_t> strideValues(strides, strides + numStrides);
  std::vector<void *> params;
  for (int64_t &c : counts)
    params.push_back(&c);
  for (void *&p : pointers)
    params.push_back(&p);
  for (int64_t &s : strideValues)
    params.push_back(&s);
  unsigned grid = gridSize(driver, count, rows ? kBlockSize / 32 : kBlockSize);
  return driver.cuLaunchKernel(fn, grid, 1, 1, kBlockSize, 1, 1,
                               /*sharedMemBytes=*/0, stream, params.data(),
                               nullptr);
}

} // namespace tsc::cuda
