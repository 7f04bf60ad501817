//===- Tensors.cpp - tensors, constants and entry checks ------------------===//

#include "RuntimeInternal.h"

#include <ATen/ATen.h>
#include <torch/csrc/jit/frontend/script_type_parser.h>

#include <atomic>
#include <sstream>
#include <unordered_map>

using namespace tsc::runtime;

namespace {

bool toScalarType(int32_t dtype, at::ScalarType &out) {
  switch (dtype) {
  case TSC_DTYPE_UINT8:
  case TSC_DTYPE_INT8:
  case TSC_DTYPE_INT16:
  case TSC_DTYPE_INT32:
  case TSC_DTYPE_INT64:
  case TSC_DTYPE_FLOAT16:
  case TSC_DTYPE_FLOAT32:
  case TSC_DTYPE_FLOAT64:
  case TSC_DTYPE_COMPLEX64:
  case TSC_DTYPE_COMPLEX128:
  case TSC_DTYPE_BOOL:
  case TSC_DTYPE_BFLOAT16:
    // tsc's dtype numbering is c10::ScalarType's.
    out = static_cast<at::ScalarType>(dtype);
    return true;
  default:
    return false;
  }
}

/// Parsed TorchScript types by spelling. Parsing is slow and every compiled
/// call checks its arguments, so each thread keeps its own cache: no lock on
/// the call path.
c10::TypePtr parseTypeCached(const char *spelling) {
  thread_local std::unordered_map<std::string, c10::TypePtr> cache;
  auto [it, inserted] = cache.try_emplace(spelling);
  if (inserted) {
    try {
      it->second = torch::jit::ScriptTypeParser().parseType(spelling);
    } catch (const std::exception &) {
      // Class types need a resolver; such arguments are not checked here.
    }
  }
  return it->second;
}

} // namespace

namespace tsc::runtime {

at::Tensor tensorFromData(const void *data, int32_t dtype, int64_t ndim,
                          const int64_t *sizes) {
  at::ScalarType st;
  TORCH_CHECK(toScalarType(dtype, st), "unknown dtype code ", dtype);
  TORCH_CHECK(ndim >= 0 && (ndim == 0 || sizes), "invalid tensor rank");
  std::vector<int64_t> shape(sizes, sizes + ndim);
  at::Tensor t = at::empty(shape, at::TensorOptions().dtype(st));
  if (t.numel() > 0) {
    TORCH_CHECK(data, "tensor data is null");
    std::memcpy(t.data_ptr(), data, t.nbytes());
  }
  return t;
}

at::Tensor wrapTensorData(const void *data, int32_t dtype, int64_t ndim,
                          const int64_t *sizes) {
  at::ScalarType st;
  TORCH_CHECK(toScalarType(dtype, st), "unknown dtype code ", dtype);
  TORCH_CHECK(ndim >= 0 && (ndim == 0 || sizes), "invalid tensor rank");
  TORCH_CHECK(data, "tensor data is null");
  return at::from_blob(const_cast<void *>(data), at::IntArrayRef(sizes, ndim),
                       at::TensorOptions().dtype(st));
}

int32_t sharedTensor(void **cache, const std::function<at::Tensor()> &make,
                     tsc_value_t **out) {
  auto *slot = reinterpret_cast<std::atomic<at::TensorImpl *> *>(cache);
  at::TensorImpl *impl = slot->load(std::memory_order_acquire);
  if (!impl) {
    at::TensorImpl *made = make().unsafeReleaseTensorImpl();
    if (slot->compare_exchange_strong(impl, made, std::memory_order_acq_rel)) {
      impl = made;
    } else {
      // Another thread won; drop ours.
      c10::raw::intrusive_ptr::decref(made);
    }
  }
  // The cache keeps one reference for the life of the process.
  *out = newValue(at::Tensor(
      c10::intrusive_ptr<at::TensorImpl, at::UndefinedTensorImpl>::reclaim_copy(
          impl)));
  return TSC_OK;
}

} // namespace tsc::runtime

namespace tsc::runtime {
c10::TypePtr parseType(const std::string &spelling) {
  return parseTypeCached(spelling.c_str());
}

/// Whether `iv` is a value of type `type`. The common types are decided by
/// the IValue's tag: `IValue::type()` of a tensor builds a refined
/// TensorType (sizes, strides) on every call.
bool isValueOf(const c10::IValue &iv, const c10::Type &type) {
  switch (type.kind()) {
  case c10::TypeKind::TensorType:
    return iv.isTensor();
  case c10::TypeKind::IntType:
    return iv.isInt();
  case c10::TypeKind::FloatType:
    return iv.isDouble();
  case c10::TypeKind::BoolType:
    return iv.isBool();
  case c10::TypeKind::StringType:
    return iv.isString();
  case c10::TypeKind::NoneType:
    return iv.isNone();
  case c10::TypeKind::OptionalType:
    return iv.isNone() ||
           isValueOf(iv, *type.expectRef<c10::OptionalType>().getElementType());
  default:
    return iv.type()->isSubtypeOf(type);
  }
}
} // namespace tsc::runtime

extern "C" {

int32_t tsc_tensor_from_data(const void *data, int32_t dtype, int64_t ndim,
                             const int64_t *sizes, tsc_value_t **out) {
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(tensorFromData(data, dtype, ndim, sizes));
    return TSC_OK;
  });
}

static int32_t getTensor(tsc_value_t *v, const at::Tensor *&t) {
  if (!v->ivalue.isTensor())
    return fail(TSC_ERROR_ARGUMENT,
                std::string("expected a Tensor, got ") + v->ivalue.tagKind());
  t = &v->ivalue.toTensor();
  return TSC_OK;
}

int32_t tsc_tensor_data(tsc_value_t *tensor, const void **out) {
  TSC_REQUIRE(tensor);
  TSC_REQUIRE(out);
  const at::Tensor *t;
  if (int32_t st = getTensor(tensor, t))
    return st;
  if (!t->is_cpu() || !t->is_contiguous())
    return fail(TSC_ERROR_ARGUMENT,
                "tsc_tensor_data needs a contiguous CPU tensor");
  *out = t->data_ptr();
  return TSC_OK;
}

int32_t tsc_tensor_dtype(tsc_value_t *tensor, int32_t *out) {
  TSC_REQUIRE(tensor);
  TSC_REQUIRE(out);
  const at::Tensor *t;
  if (int32_t st = getTensor(tensor, t))
    return st;
  *out = static_cast<int32_t>(t->scalar_type());
  return TSC_OK;
}

int32_t tsc_tensor_ndim(tsc_value_t *tensor, int64_t *out) {
  TSC_REQUIRE(tensor);
  TSC_REQUIRE(out);
  const at::Tensor *t;
  if (int32_t st = getTensor(tensor, t))
    return st;
  *out = t->dim();
  return TSC_OK;
}

int32_t tsc_tensor_size(tsc_value_t *tensor, int64_t dim, int64_t *out) {
  TSC_REQUIRE(tensor);
  TSC_REQUIRE(out);
  const at::Tensor *t;
  if (int32_t st = getTensor(tensor, t))
    return st;
  if (dim < 0 || dim >= t->dim())
    return fail(TSC_ERROR_ARGUMENT, "dimension out of range");
  *out = t->size(dim);
  return TSC_OK;
}

int32_t tsc_constant_tensor(void **cache, const void *data, int32_t dtype,
                            int64_t ndim, const int64_t *sizes,
                            tsc_value_t **out) {
  TSC_REQUIRE(cache);
  TSC_REQUIRE(out);
  return guard([&] {
    // The object's own bytes, wrapped without a copy: they live as long as
    // the object is loaded, as the cache slot does.
    return sharedTensor(
        cache,
        [&] {
          at::Tensor t = wrapTensorData(data, dtype, ndim, sizes);
          markConstant(t);
          return t;
        },
        out);
  });
}

int32_t tsc_check_arg(tsc_value_t *value, int64_t index, const char *name,
                      const char *type, int32_t dtype, int64_t ndim,
                      const int64_t *sizes) {
  TSC_REQUIRE(name);
  TSC_REQUIRE(type);
  auto argError = [&](const std::string &what) {
    std::ostringstream os;
    os << "argument '" << name << "' (#" << index + 1 << ") " << what;
    return fail(TSC_ERROR_ARGUMENT, os.str());
  };
  if (!value)
    return argError("is null");
  return guard([&] {
    const c10::IValue &iv = value->ivalue;
    if (c10::TypePtr expected = parseTypeCached(type)) {
      if (!isValueOf(iv, *expected))
        return argError(std::string("expected ") + type + ", got " +
                        iv.type()->repr_str());
    }
    if (!iv.isTensor())
      return TSC_OK;
    const at::Tensor &t = iv.toTensor();
    if (dtype != TSC_DTYPE_ANY &&
        static_cast<int32_t>(t.scalar_type()) != dtype) {
      at::ScalarType want;
      std::string wantName = toScalarType(dtype, want)
                                 ? std::string(c10::toString(want))
                                 : std::to_string(dtype);
      return argError("expected a tensor of dtype " + wantName + ", got " +
                      c10::toString(t.scalar_type()));
    }
    if (ndim >= 0 && t.dim() != ndim)
      return argError("expected a tensor of rank " + std::to_string(ndim) +
                      ", got rank " + std::to_string(t.dim()));
    if (ndim > 0 && sizes) {
      for (int64_t d = 0; d < ndim; ++d) {
        if (sizes[d] >= 0 && t.size(d) != sizes[d]) {
          std::ostringstream os;
          os << "expected a tensor of sizes [";
          for (int64_t k = 0; k < ndim; ++k)
            os << (k ? ", " : "")
               << (sizes[k] >= 0 ? std::to_string(sizes[k]) : "?");
          os << "], got " << t.sizes();
          return argError(os.str());
        }
      }
    }
    return TSC_OK;
  });
}

} // extern "C"
