//===- Weights.cpp - weights mapped from a file (--weights=external) ------===//
//
// A model compiled with --weights=external keeps its tensor data in a file
// beside the object. Its <name>_load maps the file once per process
// (copy-on-write: tensors wrap the pages, as they wrap embedded weights,
// and may be written without changing the file) and checks that it is
// this model's: its size and an FNV-1a checksum. The mapping lives as long
// as the process, like an object's data section.
//
//===----------------------------------------------------------------------===//

#include "RuntimeInternal.h"

#include <cerrno>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <mutex>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace tsc::runtime;

namespace {

/// `path`; if relative, in the directory of the object (shared library or
/// executable) that holds `symbol`.
std::string resolve(const char *path, const void *symbol) {
  if (path[0] == '/')
    return path;
  Dl_info info;
  if (!dladdr(symbol, &info) || !info.dli_fname)
    return path;
  std::string object = info.dli_fname;
  size_t slash = object.rfind('/');
  if (slash == std::string::npos)
    return path;
  return object.substr(0, slash + 1) + path;
}

uint64_t checksum(const unsigned char *data, uint64_t size) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (uint64_t i = 0; i < size; ++i) {
    h ^= data[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

} // namespace

extern "C" TSC_RUNTIME_API int32_t tsc_weights_map(const char *path,
                                                   uint64_t size,
                                                   uint64_t expected,
                                                   void **base) {
  TSC_REQUIRE(path);
  TSC_REQUIRE(base);
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  if (*base)
    return TSC_OK;
  std::string file = resolve(path, base);
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return fail(TSC_ERROR, "cannot open the weights file '" + file +
                               "': " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || static_cast<uint64_t>(st.st_size) != size) {
    ::close(fd);
    return fail(TSC_ERROR, "the weights file '" + file + "' has " +
                               std::to_string(st.st_size) +
                               " bytes; the model was compiled with " +
                               std::to_string(size));
  }
  void *p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED)
    return fail(TSC_ERROR, "cannot map the weights file '" + file +
                               "': " + std::strerror(errno));
  if (checksum(static_cast<const unsigned char *>(p), size) != expected) {
    ::munmap(p, size);
    return fail(TSC_ERROR, "the weights file '" + file +
                               "' does not hold this model's weights "
                               "(checksum mismatch)");
  }
  *base = p;
  return TSC_OK;
}
