//===- Threads.h - the thread counts a timed call runs with -----*- C++ -*-===//
#ifndef TSC_TOOLS_TSCRUN_THREADS_H
#define TSC_TOOLS_TSCRUN_THREADS_H

namespace tsc {

/// Sets ATen's intra-op thread count and, where LibTorch's BLAS is
/// OpenBLAS, the count of OpenBLAS's own pool: otherwise its threads go on
/// running (and spinning between products) beside ATen's one.
void setThreadCount(int n);

} // namespace tsc

#endif // TSC_TOOLS_TSCRUN_THREADS_H
