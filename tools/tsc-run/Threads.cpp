//===- Threads.cpp - the thread counts a timed call runs with -------------===//

#include "Threads.h"

#include <ATen/Parallel.h>

#include <dlfcn.h>

namespace tsc {

void setThreadCount(int n) {
  at::set_num_threads(n);
  // Looked up, not linked: LibTorch may use another BLAS.
  if (auto set = reinterpret_cast<void (*)(int)>(
          dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
    set(n);
}

} // namespace tsc
