//===- RuntimeInternal.h - shared by the runtime's translation units ------===//
//
// A handle is a heap cell holding one c10::IValue (one reference to the
// value). Handles made while a frame is active are linked into it, so that a
// failing call releases everything it made.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_LIB_RUNTIME_RUNTIMEINTERNAL_H
#define TSC_LIB_RUNTIME_RUNTIMEINTERNAL_H

#include "tsc/Runtime/tsc_runtime.h"

#include <ATen/core/ivalue.h>
#include <c10/core/GradMode.h>
#include <c10/util/Exception.h>

#include <atomic>
#include <cstdlib>
#include <exception>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>

struct tsc_value {
  c10::IValue ivalue;
  // Links in the owning frame's list; both null when no frame owns it.
  tsc_value *prev = nullptr;
  tsc_value *next = nullptr;
};

namespace tsc::runtime {

/// Makes a handle; links it into the current frame, if any.
tsc_value *newValue(c10::IValue v);

/// The object a call site's cache slot (a `void *` in the compiled code,
/// initially null) points to, made by `make` on first use. Thread-safe: if
/// two threads race, one object wins and the other is deleted.
template <typename T>
T *loadOrInit(void **cache, const std::function<T *()> &make) {
  auto *slot = reinterpret_cast<std::atomic<T *> *>(cache);
  T *cur = slot->load(std::memory_order_acquire);
  if (cur)
    return cur;
  T *made = make();
  if (slot->compare_exchange_strong(cur, made, std::memory_order_acq_rel))
    return made;
  delete made;
  return cur;
}

/// Parses a TorchScript type string ("List[int]"), cached per thread.
c10::TypePtr parseType(const std::string &spelling);

/// Whether `iv` is a value of type `type`: the common types by the IValue's
/// tag (cheap), the others by IValue::type() subtyping.
bool isValueOf(const c10::IValue &iv, const c10::Type &type);

/// Brackets compiled code on this thread (frames do): tensors allocated in
/// between come from the runtime's caching allocator (Allocator.cpp).
void enterCompiledCode();
void exitCompiledCode();

/// Within its scope (on this thread) large tensors get pages of their own,
/// handed back when freed, instead of the caching allocator's blocks: for
/// buffers that live for the process (layouts derived from weights) and
/// the temporaries that make them, which would otherwise stay cached as
/// idle blocks for good.
class UncachedAllocations {
public:
  UncachedAllocations();
  ~UncachedAllocations();
  UncachedAllocations(const UncachedAllocations &) = delete;
  UncachedAllocations &operator=(const UncachedAllocations &) = delete;
};

/// A new tensor holding a copy of `data` (tsc dtype code, sizes).
at::Tensor tensorFromData(const void *data, int32_t dtype, int64_t ndim,
                          const int64_t *sizes);
/// A CPU tensor over `data` itself, not copied.
at::Tensor wrapTensorData(const void *data, int32_t dtype, int64_t ndim,
                          const int64_t *sizes);
/// The tensor a call site's cache slot holds, made by `make` on first use
/// and kept for the life of the process; *out gets a new reference.
int32_t sharedTensor(void **cache, const std::function<at::Tensor()> &make,
                     tsc_value_t **out);

/// Whether the environment variable `name` is set to anything but "0";
/// `unset` if it is not set or empty: the runtime's TSC_* switches (read
/// once by each user).
inline bool envFlag(const char *name, bool unset = false) {
  const char *v = std::getenv(name);
  if (!v || !*v)
    return unset;
  return std::string(v) != "0";
}

/// The calling thread's buffer for `key`, at least `bytes` long and 64-byte
/// aligned; kept, and grown (its contents lost) when asked for more, until
/// the thread exits (Arena.cpp). Null while nothing was asked for.
void *threadArena(const void *key, int64_t bytes);

/// Whether autograd would record an op on these tensors (null and
/// undefined ones do not count): the runtime's own kernels then leave the
/// op to ATen.
inline bool needsGrad(std::initializer_list<const at::Tensor *> tensors) {
  if (!c10::GradMode::is_enabled())
    return false;
  for (const at::Tensor *t : tensors)
    if (t && t->defined() && t->requires_grad())
      return true;
  return false;
}

/// Marks `t` as a constant of compiled code: it lives for the process and
/// nothing writes it (ConstantWeights.cpp).
void markConstant(const at::Tensor &t);
bool isConstant(const at::Tensor &t);
/// aten::linear; one row of a large layer as a matrix-vector product, and
/// two rows or more of a constant weight through a transposed copy of it
/// made once.
at::Tensor linear(const at::Tensor &input, const at::Tensor &weight,
                  const c10::optional<at::Tensor> &bias);
/// A float32 linear layer of a [N, K] weight (made once into oneDNN's
/// layout) over a contiguous input of rows of K, run by oneDNN's inner
/// product (OneDNNLinear.cpp); nothing when oneDNN cannot run it.
std::optional<at::Tensor> oneDNNLinear(const at::Tensor &input,
                                       const at::Tensor &weight,
                                       const at::Tensor *bias);
/// Whether oneDNN's inner product is the faster way to multiply many rows
/// here: on more than one ATen thread (OpenBLAS's own threads would
/// contend with ATen's), or where oneDNN has AVX-512 kernels
/// (OneDNNLinear.cpp).
bool oneDNNLinearPreferred();
/// Asks the kernel to reclaim the whole pages of `t`'s elements (a read
/// faults them back in, unchanged): for constants that only a fallback
/// reads once a derived copy exists.
void releasePages(const at::Tensor &t);

/// Records `message` as this thread's last error and returns `code`.
int32_t fail(int32_t code, std::string message);

/// Runs `fn`, turning any C++ exception into TSC_ERROR and a message.
template <typename Fn> int32_t guard(Fn &&fn) {
  try {
    return fn();
  } catch (const c10::Error &e) {
    return fail(TSC_ERROR, e.what_without_backtrace());
  } catch (const std::exception &e) {
    return fail(TSC_ERROR, e.what());
  } catch (...) {
    return fail(TSC_ERROR, "unknown C++ exception");
  }
}

/// Fails with a TSC_ERROR_ARGUMENT when a required pointer is null.
#define TSC_REQUIRE(ptr)                                                       \
  do {                                                                         \
    if (!(ptr))                                                                \
      return ::tsc::runtime::fail(                                             \
          TSC_ERROR_ARGUMENT, std::string(__func__) + ": " #ptr " is null");   \
  } while (0)

} // namespace tsc::runtime

#endif // TSC_LIB_RUNTIME_RUNTIMEINTERNAL_H
