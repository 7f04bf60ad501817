//===- Arena.cpp - per-thread arenas for compile-time memory plans --------===//
//
// -tsc-plan-memory gives fusion results of static sizes offsets in one
// arena per compiled function; each thread gets its own arena per function
// on its first call and keeps it, so that steady-state calls write their
// intermediate tensors into the same, already faulted-in, memory.
//
//===----------------------------------------------------------------------===//

#include "RuntimeInternal.h"

#include <cstdlib>
#include <memory>
#include <unordered_map>

namespace {

struct FreeDeleter {
  void operator()(void *p) const { std::free(p); }
};

struct Arena {
  std::unique_ptr<void, FreeDeleter> memory;
  int64_t bytes = 0;
};

/// The calling thread's arenas, by key (a compiled function's, or a
/// runtime operator's). Freed when the thread exits; a model unloaded
/// before then leaves its arenas to that.
thread_local std::unordered_map<const void *, Arena> arenas;

} // namespace

void *tsc::runtime::threadArena(const void *key, int64_t bytes) {
  Arena &arena = arenas[key];
  if (arena.bytes < bytes) {
    // 64-byte aligned, as the plan's offsets are; a multiple of it, as
    // aligned_alloc requires.
    size_t size = (static_cast<size_t>(bytes) + 63) / 64 * 64;
    void *memory = std::aligned_alloc(64, size);
    TORCH_CHECK(memory, "tsc runtime: out of memory allocating an arena of ",
                bytes, " bytes");
    arena.memory.reset(memory);
    arena.bytes = bytes;
  }
  return arena.memory.get();
}

extern "C" TSC_RUNTIME_API int32_t tsc_arena_get(const void *key, int64_t bytes,
                                                 void **out) {
  TSC_REQUIRE(key);
  TSC_REQUIRE(out);
  return tsc::runtime::guard([&] {
    TORCH_CHECK(bytes > 0, "tsc_arena_get: arena of ", bytes, " bytes");
    *out = tsc::runtime::threadArena(key, bytes);
    return TSC_OK;
  });
}
