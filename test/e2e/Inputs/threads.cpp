// Calls one compiled model (threads_model.py: a loop and an if on 128 KiB
// tensors) from 8 threads at once and compares every result with the
// serial one. Results are freed on the thread that checks them, blocks of
// the runtime's caching allocator go back from every thread.
#include "pool.h"

#include <ATen/ATen.h>

#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

static tsc_model_t *model = nullptr;

static at::Tensor callWork(int64_t len) {
  tsc_value_t *out = nullptr;
  if (pool_work(model, len, &out) != TSC_OK)
    throw std::runtime_error(tsc_last_error());
  c10::IValue v;
  tsc_value_to_ivalue(out, &v);
  tsc_value_release(out);
  return v.toTensor();
}

int main() {
  constexpr int kThreads = 8, kCalls = 1000, kLens = 25;
  if (pool_load(&model) != TSC_OK)
    return 1;
  std::vector<at::Tensor> serial;
  for (int64_t len = 0; len < kLens; ++len)
    serial.push_back(callWork(len));
  std::atomic<int> mismatches{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        int64_t len = (i * 7 + t) % kLens;
        try {
          if (!callWork(len).equal(serial[len]))
            ++mismatches;
        } catch (const std::exception &) {
          ++failures;
        }
      }
    });
  for (std::thread &th : threads)
    th.join();
  std::cout << kThreads << " threads x " << kCalls << " calls: " << mismatches
            << " mismatches, " << failures << " failures\n";
  pool_free(model);
  return mismatches || failures ? 1 : 0;
}
