//===- Allocator.cpp - a caching CPU allocator for compiled code ----------===//
//
// LibTorch 1.13's CPU allocator hands every buffer back to glibc, which
// returns large ones to the kernel: each call of a model then faults its
// intermediate tensors' pages in again. While a thread runs compiled code
// (inside a runtime frame), this allocator serves buffers of 64 KiB and more
// from per-size free lists instead, so that steady-state calls reuse the
// same memory; freed buffers go back to their list, from any thread. A
// request takes the smallest idle block of its size class or up to twice
// as large, so that a call's tensors of many sizes share fewer blocks
// (resnet18's cached bytes fell by 6 MB). Buffers made to last (layouts
// derived from weights, UncachedAllocations) get pages of their own
// instead. Other allocations, and all allocations outside compiled code
// (the interpreter in the same process, say), go to LibTorch's allocator
// unchanged.
//
//===----------------------------------------------------------------------===//

#include "RuntimeInternal.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <torch/version.h>

#include <sys/mman.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace {

constexpr size_t kMinCached = 64 << 10;
constexpr size_t kMaxCachedTotal = size_t(2) << 30; // idle bytes kept at most
constexpr size_t kAlignment = 64;                   // as c10's allocator
constexpr size_t kPage = 4096;

thread_local int compiledDepth = 0;
thread_local int uncachedDepth = 0; // UncachedAllocations scopes

// LibTorch 2.3 made c10::Allocator::allocate non-const and added the pure
// virtual copy_data; the runtime also builds against a CUDA LibTorch of
// that age on GPU machines (benchmarks/gpu).
#if TORCH_VERSION_MAJOR > 2 ||                                                 \
    (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
#define TSC_ALLOCATE_QUALIFIER
#define TSC_HAVE_COPY_DATA 1
#else
#define TSC_ALLOCATE_QUALIFIER const
#define TSC_HAVE_COPY_DATA 0
#endif

/// Rounds up to a size class: four classes per power of two, so that a
/// buffer wastes less than a quarter of its size.
size_t sizeClass(size_t n) {
  size_t p = 1;
  while (p < n)
    p <<= 1;
  size_t step = std::max<size_t>(p / 8, kAlignment);
  return (n + step - 1) / step * step;
}

class CachingAllocator final : public c10::Allocator {
public:
  explicit CachingAllocator(c10::Allocator *fallback) : fallback(fallback) {}

  c10::DataPtr allocate(size_t n) TSC_ALLOCATE_QUALIFIER override {
    if (compiledDepth == 0 || n < kMinCached)
      return fallback->allocate(n);
    if (uncachedDepth > 0)
      return mapped(n);
    size_t cls = sizeClass(n);
    void *block = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex);
      // The smallest idle block of this class or up to twice as large:
      // a call's tensors of many sizes then share fewer blocks.
      for (auto it = free.lower_bound(cls);
           it != free.end() && it->first <= 2 * cls; ++it) {
        if (it->second.empty())
          continue;
        block = it->second.back();
        it->second.pop_back();
        idleBytes -= it->first;
        live[block] = Block{it->first, false};
        break;
      }
    }
    if (!block) {
      // A new block: allocated outside the lock, registered after.
      block = std::aligned_alloc(kAlignment, cls);
      TORCH_CHECK(block, "tsc runtime: out of memory allocating ", n, " bytes");
      std::lock_guard<std::mutex> lock(mutex);
      live[block] = Block{cls, false};
    }
    // Data and context are the block (what raw_allocate requires).
    return {block, block, &CachingAllocator::release, c10::Device(c10::kCPU)};
  }

#if TSC_HAVE_COPY_DATA
  void copy_data(void *dest, const void *src,
                 std::size_t count) const override {
    default_copy_data(dest, src, count);
  }
#endif

  // raw_allocate/raw_deallocate users (some kernels' workspaces) get the
  // same blocks; release tells cached blocks from the fallback's.
  c10::DeleterFnPtr raw_deleter() const override {
    return &CachingAllocator::release;
  }

  static CachingAllocator *instance;

private:
  /// A block of its own pages, unmapped when freed. Not from malloc: a
  /// large block that glibc unmaps raises its threshold for mapping the
  /// next ones, which then come from (and stay in) its heap.
  c10::DataPtr mapped(size_t n) const {
    size_t bytes = (n + kPage - 1) / kPage * kPage;
    void *block = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    TORCH_CHECK(block != MAP_FAILED, "tsc runtime: out of memory allocating ",
                n, " bytes");
    {
      std::lock_guard<std::mutex> lock(mutex);
      live[block] = Block{bytes, true};
    }
    return {block, block, &CachingAllocator::release, c10::Device(c10::kCPU)};
  }

  static void release(void *block) {
    CachingAllocator &self = *instance;
    bool cached = false, ours = false;
    Block freed{};
    {
      std::lock_guard<std::mutex> lock(self.mutex);
      auto it = self.live.find(block);
      if (it != self.live.end()) {
        ours = true;
        freed = it->second;
        self.live.erase(it);
        if (!freed.mapped && self.idleBytes + freed.bytes <= kMaxCachedTotal) {
          self.free[freed.bytes].push_back(block);
          self.idleBytes += freed.bytes;
          cached = true;
        }
      }
    }
    if (cached)
      return;
    if (!ours)
      self.fallback->raw_deleter()(block);
    else if (freed.mapped)
      munmap(block, freed.bytes);
    else
      std::free(block);
  }

  c10::Allocator *fallback;
  mutable std::mutex mutex;
  mutable std::map<size_t, std::vector<void *>> free; // by size class
  /// A block handed out: its bytes (its size class, if cached) and
  /// whether it is mapped() rather than cached.
  struct Block {
    size_t bytes;
    bool mapped;
  };
  mutable std::unordered_map<void *, Block> live;
  mutable size_t idleBytes = 0;
};

CachingAllocator *CachingAllocator::instance = nullptr;

} // namespace

namespace tsc::runtime {

void enterCompiledCode() {
  // Installed once, on the first compiled call: c10 asks the registered
  // CPU allocator for every tensor; it passes through outside compiled
  // code. Never deleted: tensors it made may outlive everything else.
  static bool installed = [] {
    CachingAllocator::instance =
        new CachingAllocator(c10::GetDefaultCPUAllocator());
    c10::SetCPUAllocator(CachingAllocator::instance, /*priority=*/1);
    return true;
  }();
  (void)installed;
  ++compiledDepth;
}

void exitCompiledCode() { --compiledDepth; }

UncachedAllocations::UncachedAllocations() { ++uncachedDepth; }

UncachedAllocations::~UncachedAllocations() { --uncachedDepth; }

} // namespace tsc::runtime
