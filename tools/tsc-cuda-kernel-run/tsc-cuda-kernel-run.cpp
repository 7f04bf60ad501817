//===- tsc-cuda-kernel-run.cpp - run one GPU kernel of a compiled model ---===//
//
//   tsc-cuda-kernel-run --probe
//   tsc-cuda-kernel-run KERNELS.ptx KERNEL (--elements N | --rows R
//       --row-length L) --inputs IN.bin[,IN.bin...] --outputs K -o OUT.bin
//       [--misalign] [--repeat LAUNCHES [--rounds ROUNDS]]
//
// Runs the fusion kernel KERNEL of the PTX that `tsc --target=cuda
// --emit=ptx` wrote on raw device buffers, through the runtime's driver
// loader and launcher (CudaDriver.h), as the runtime launches it: it tests the
// generated GPU code where no CUDA LibTorch is at hand. Each input file
// holds float32 values, dense: the full size (N, or R * L), or, broadcast as
// the runtime passes a weight to a row kernel, one row (L values, by rows)
// or one value (elementwise). OUT.bin gets the K outputs one after another.
// --misalign places every buffer 4 bytes past a 16-byte boundary, as a view
// at an odd offset would be: kernels with vector accesses then take their
// scalar version.
//
// --repeat times the kernel: ROUNDS (default 5) rounds of LAUNCHES
// back-to-back launches between two CUDA events, after 0.2 s of launches
// that bring the GPU to its clock; it prints the median round's time per
// launch and the bytes each launch reads and writes per second. --probe
// exits 0 when a CUDA device can be used, else prints why and exits 1 (the
// tests' `cuda-gpu` feature).
//
//===----------------------------------------------------------------------===//

#include "CudaDriver.h"

#include <dlfcn.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

using namespace tsc::cuda;

namespace {

[[noreturn]] void die(const std::string &message) {
  std::fprintf(stderr, "tsc-cuda-kernel-run: error: %s\n", message.c_str());
  std::exit(1);
}

void check(const Driver &d, const char *call, CUresult status) {
  if (status != CUDA_SUCCESS)
    die(describe(d, call, status));
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    die("cannot read '" + path + "'");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> split(const std::string &list) {
  std::vector<std::string> parts;
  std::stringstream ss(list);
  for (std::string part; std::getline(ss, part, ',');)
    parts.push_back(part);
  return parts;
}

int64_t parseCount(const char *flag, const char *text) {
  char *end = nullptr;
  long long v = std::strtoll(text, &end, 10);
  if (!*text || *end || v < 0)
    die(std::string(flag) + " needs a count, got '" + text + "'");
  return v;
}

/// The driver's event calls, for --repeat only: looked up here rather than
/// in the runtime's Driver, which needs none of them.
struct EventApi {
  using CUevent = struct CUevent_st *;
  CUresult (*create)(CUevent *, unsigned);
  CUresult (*record)(CUevent, CUstream);
  CUresult (*synchronize)(CUevent);
  CUresult (*elapsed)(float *, CUevent, CUevent);
};

EventApi loadEvents() {
  void *lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  EventApi api{};
  auto find = [&](const char *name, auto &fn) {
    // The first ABI of each, which drivers keep exporting (CUDA 12.8's
    // cuEventElapsedTime_v2 differs only for events of other contexts).
    void *sym = lib ? dlsym(lib, name) : nullptr;
    if (!sym)
      die(std::string("libcuda.so.1 has no ") + name);
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(sym);
  };
  find("cuEventCreate", api.create);
  find("cuEventRecord", api.record);
  find("cuEventSynchronize", api.synchronize);
  find("cuEventElapsedTime", api.elapsed);
  return api;
}

} // namespace

int main(int argc, char **argv) {
  std::string why;
  const Driver *driver = getDriver(why);
  if (argc == 2 && std::strcmp(argv[1], "--probe") == 0) {
    int devices = 0;
    if (driver)
      driver->cuDeviceGetCount(&devices);
    if (!driver || devices == 0) {
      std::printf("no CUDA device: %s\n",
                  driver ? "the driver reports none" : why.c_str());
      return 1;
    }
    std::printf("%d CUDA device(s)\n", devices);
    return 0;
  }
  if (argc < 3)
    die("usage: tsc-cuda-kernel-run KERNELS.ptx KERNEL (--elements N | "
        "--rows R --row-length L) --inputs IN.bin[,...] --outputs K -o "
        "OUT.bin [--misalign] [--repeat LAUNCHES [--rounds ROUNDS]]");
  std::string ptxPath = argv[1], kernelName = argv[2], output;
  int64_t elements = -1, rows = -1, rowLength = -1, numOutputs = 1;
  int64_t repeat = 0, rounds = 5;
  bool misalign = false;
  std::vector<std::string> inputPaths;
  for (int i = 3; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--misalign") {
      misalign = true;
      continue;
    }
    if (i + 1 >= argc)
      die(flag + " needs a value");
    const char *value = argv[++i];
    if (flag == "--elements")
      elements = parseCount("--elements", value);
    else if (flag == "--rows")
      rows = parseCount("--rows", value);
    else if (flag == "--row-length")
      rowLength = parseCount("--row-length", value);
    else if (flag == "--outputs")
      numOutputs = parseCount("--outputs", value);
    else if (flag == "--repeat")
      repeat = parseCount("--repeat", value);
    else if (flag == "--rounds")
      rounds = parseCount("--rounds", value);
    else if (flag == "--inputs")
      inputPaths = split(value);
    else if (flag == "-o")
      output = value;
    else
      die("unknown option " + flag);
  }
  bool byRows = rows >= 0;
  if (byRows == (elements >= 0) || (byRows && rowLength <= 0))
    die("give --elements N, or --rows R and --row-length L");
  if (output.empty() || inputPaths.empty())
    die("give --inputs and -o");
  if (rounds < 1)
    die("--rounds needs at least 1");

  // Read and check the inputs before the driver: bad arguments get their
  // message on machines without a GPU too.
  int64_t total = byRows ? rows * rowLength : elements;
  size_t bytes = static_cast<size_t>(total) * sizeof(float);
  std::vector<std::string> inputs;
  std::vector<int64_t> strides;
  for (const std::string &path : inputPaths) {
    inputs.push_back(readFile(path));
    size_t size = inputs.back().size();
    if (size == bytes)
      strides.push_back(byRows ? rowLength : 1);
    else if (size == (byRows ? rowLength : 1) * sizeof(float))
      strides.push_back(0);
    else
      die("'" + path + "' holds " + std::to_string(size) + " bytes: give " +
          std::to_string(total) + " float32 values, or " +
          (byRows ? std::to_string(rowLength) + " (one row)"
                  : std::string("1 (broadcast)")));
  }
  if (!driver)
    die(why);

  check(*driver, "cuCtxSetCurrent", makeContextCurrent(*driver, 0));
  std::string ptx = readFile(ptxPath);
  CUfunction fn = getFunction(*driver, ptx.c_str(), kernelName.c_str(), why);
  if (!fn)
    die(why);

  // Outputs first, then inputs, as the kernel takes them; `at` is where
  // each one's data starts in its allocation.
  size_t shift = misalign ? sizeof(float) : 0;
  std::vector<CUdeviceptr> buffers(numOutputs + inputs.size());
  std::vector<CUdeviceptr> at(buffers.size());
  for (size_t i = 0; i < buffers.size(); ++i) {
    size_t size =
        i < size_t(numOutputs) ? bytes : inputs[i - numOutputs].size();
    check(*driver, "cuMemAlloc",
          driver->cuMemAlloc(&buffers[i], size + shift ? size + shift : 4));
    at[i] = buffers[i] + shift;
    if (i >= size_t(numOutputs))
      check(*driver, "cuMemcpyHtoD",
            driver->cuMemcpyHtoD(at[i], inputs[i - numOutputs].data(), size));
  }
  std::vector<void *> data;
  for (CUdeviceptr p : at)
    data.push_back(reinterpret_cast<void *>(static_cast<uintptr_t>(p)));
  auto launch = [&] {
    check(*driver, "cuLaunchKernel",
          launchFusionKernel(*driver, fn, byRows ? rows : elements,
                             byRows ? rowLength : -1, data.data(), data.size(),
                             strides.data(), strides.size(), nullptr));
  };
  launch();
  check(*driver, "cuCtxSynchronize", driver->cuCtxSynchronize());

  if (repeat > 0) {
    EventApi events = loadEvents();
    EventApi::CUevent start, stop;
    check(*driver, "cuEventCreate", events.create(&start, 0));
    check(*driver, "cuEventCreate", events.create(&stop, 0));
    // An idle GPU runs at a fraction of its clock: launch for a fifth of a
    // second before timing, so the first case timed is not the slowest.
    auto warmStart = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - warmStart <
           std::chrono::milliseconds(200)) {
      for (int64_t i = 0; i < repeat; ++i)
        launch();
      check(*driver, "cuCtxSynchronize", driver->cuCtxSynchronize());
    }
    std::vector<double> perLaunch;
    for (int64_t r = 0; r < rounds; ++r) {
      check(*driver, "cuEventRecord", events.record(start, nullptr));
      for (int64_t i = 0; i < repeat; ++i)
        launch();
      check(*driver, "cuEventRecord", events.record(stop, nullptr));
      check(*driver, "cuEventSynchronize", events.synchronize(stop));
      float ms = 0;
      check(*driver, "cuEventElapsedTime", events.elapsed(&ms, start, stop));
      perLaunch.push_back(ms * 1e3 / double(repeat));
    }
    std::sort(perLaunch.begin(), perLaunch.end());
    double us = perLaunch[perLaunch.size() / 2];
    size_t moved = bytes * numOutputs;
    for (const std::string &in : inputs)
      moved += in.size();
    std::printf("%s: %.2f us per launch (median of %lld rounds of %lld), "
                "%.1f GB/s over %zu bytes read and written\n",
                kernelName.c_str(), us, (long long)rounds, (long long)repeat,
                double(moved) / us * 1e-3, moved);
  }

  std::ofstream out(output, std::ios::binary);
  std::vector<char> host(bytes);
  for (int64_t o = 0; o < numOutputs; ++o) {
    check(*driver, "cuMemcpyDtoH",
          driver->cuMemcpyDtoH(host.data(), at[o], bytes));
    out.write(host.data(), host.size());
  }
  for (CUdeviceptr p : buffers)
    driver->cuMemFree(p);
  if (!out)
    die("cannot write '" + output + "'");
  return 0;
}
