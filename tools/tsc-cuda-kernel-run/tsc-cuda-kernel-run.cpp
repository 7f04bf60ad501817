//===- tsc-cuda-kernel-run.cpp - run one GPU kernel of a compiled model ---===//
//
//   tsc-cuda-kernel-run --probe
//   tsc-cuda-kernel-run KERNELS.ptx KERNEL (--elements N | --rows R
//       --row-length L) --inputs IN.bin[,IN.bin...] --outputs K -o OUT.bin
//
// Runs the fusion kernel KERNEL of the PTX that `tsc --target=cuda
// --emit=ptx` wrote on raw device buffers, through the runtime's driver
// loader and launcher (CudaDriver.h), as the runtime launches it: it tests the
// generated GPU code where no CUDA LibTorch is at hand. Each input file
// holds float32 values, dense, of the full size (N, or R * L); OUT.bin gets
// the K outputs one after another. --probe exits 0 when a CUDA device can
// be used, else prints why and exits 1 (the tests' `cuda-gpu` feature).
//
//===----------------------------------------------------------------------===//

#include "CudaDriver.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
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
        "OUT.bin");
  std::string ptxPath = argv[1], kernelName = argv[2], output;
  int64_t elements = -1, rows = -1, rowLength = -1, numOutputs = 1;
  std::vector<std::string> inputPaths;
  for (int i = 3; i < argc; ++i) {
    std::string flag = argv[i];
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
  if (!driver)
    die(why);

  int64_t total = byRows ? rows * rowLength : elements;
  size_t bytes = static_cast<size_t>(total) * sizeof(float);
  check(*driver, "cuCtxSetCurrent", makeContextCurrent(*driver, 0));
  std::string ptx = readFile(ptxPath);
  CUfunction fn = getFunction(*driver, ptx.c_str(), kernelName.c_str(), why);
  if (!fn)
    die(why);

  // Outputs first, then inputs, as the kernel takes them.
  std::vector<CUdeviceptr> buffers(numOutputs + inputPaths.size());
  for (CUdeviceptr &p : buffers)
    check(*driver, "cuMemAlloc", driver->cuMemAlloc(&p, bytes ? bytes : 4));
  for (size_t i = 0; i < inputPaths.size(); ++i) {
    std::string data = readFile(inputPaths[i]);
    if (data.size() != bytes)
      die("'" + inputPaths[i] + "' holds " + std::to_string(data.size()) +
          " bytes, not " + std::to_string(bytes));
    check(*driver, "cuMemcpyHtoD",
          driver->cuMemcpyHtoD(buffers[numOutputs + i], data.data(), bytes));
  }
  std::vector<void *> data;
  for (CUdeviceptr p : buffers)
    data.push_back(reinterpret_cast<void *>(static_cast<uintptr_t>(p)));
  std::vector<int64_t> strides(inputPaths.size(), byRows ? rowLength : 1);
  check(*driver, "cuLaunchKernel",
        launchFusionKernel(*driver, fn, byRows ? rows : elements,
                           byRows ? rowLength : -1, data.data(), data.size(),
                           strides.data(), strides.size(), nullptr));
  check(*driver, "cuCtxSynchronize", driver->cuCtxSynchronize());

  std::ofstream out(output, std::ios::binary);
  std::vector<char> host(bytes);
  for (int64_t o = 0; o < numOutputs; ++o) {
    check(*driver, "cuMemcpyDtoH",
          driver->cuMemcpyDtoH(host.data(), buffers[o], bytes));
    out.write(host.data(), host.size());
  }
  for (CUdeviceptr p : buffers)
    driver->cuMemFree(p);
  if (!out)
    die("cannot write '" + output + "'");
  return 0;
}
