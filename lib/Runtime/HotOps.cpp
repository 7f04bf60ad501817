//===- HotOps.cpp - typed entry points for the hot operators --------------===//
//
// Each function unpacks its native arguments and calls the ATen function the
// TorchScript operator of the same schema calls (HotOps.def). The unboxed
// call skips building an IValue stack and boxing scalars and lists.
//
//===----------------------------------------------------------------------===//

#include "RuntimeInternal.h"

#include <ATen/ATen.h>

#include <cstring>

using namespace tsc::runtime;

namespace {

const at::Tensor &tensor(tsc_value_t *h) {
  TORCH_CHECK(h, "a tensor argument is null");
  return h->ivalue.toTensor();
}

/// Tensor?: NULL or a None handle is None.
c10::optional<at::Tensor> optionalTensor(tsc_value_t *h) {
  if (!h || h->ivalue.isNone())
    return c10::nullopt;
  return h->ivalue.toTensor();
}

at::Scalar scalar(int64_t bits, int32_t kind) {
  switch (kind) {
  case TSC_SCALAR_INT:
    return at::Scalar(bits);
  case TSC_SCALAR_FLOAT: {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return at::Scalar(d);
  }
  case TSC_SCALAR_BOOL:
    return at::Scalar(bits != 0);
  default:
    TORCH_CHECK(false, "bad scalar kind ", kind);
  }
}

c10::optional<int64_t> optionalInt(int64_t v, bool present) {
  return present ? c10::optional<int64_t>(v) : c10::nullopt;
}

c10::optional<at::ScalarType> optionalDtype(int64_t v, bool present) {
  return present ? c10::optional<at::ScalarType>(static_cast<at::ScalarType>(v))
                 : c10::nullopt;
}

at::IntArrayRef ints(const int64_t *data, int64_t n) {
  TORCH_CHECK(n == 0 || data, "an int list argument is null");
  return at::IntArrayRef(data, static_cast<size_t>(n));
}

std::vector<at::Tensor> tensors(tsc_value_t *const *hs, int64_t n) {
  TORCH_CHECK(n == 0 || hs, "a tensor list argument is null");
  std::vector<at::Tensor> v;
  v.reserve(n);
  for (int64_t i = 0; i < n; ++i)
    v.push_back(tensor(hs[i]));
  return v;
}

/// Runs `fn` (which returns the result tensor) under the runtime's error
/// guard and hands the result out as a new handle.
template <typename Fn> int32_t run(tsc_value_t **out, Fn &&fn) {
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(c10::IValue(fn()));
    return TSC_OK;
  });
}

} // namespace

extern "C" {

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

#define TSC_UNARY(NAME)                                                        \
  int32_t tsc_aten_##NAME(tsc_value_t *self, tsc_value_t **out) {              \
    return run(out, [&] { return at::NAME(tensor(self)); });                   \
  }
TSC_UNARY(relu)
TSC_UNARY(sigmoid)
TSC_UNARY(tanh)
TSC_UNARY(silu)
TSC_UNARY(neg)
TSC_UNARY(exp)
TSC_UNARY(log)
TSC_UNARY(sqrt)
TSC_UNARY(abs)
#undef TSC_UNARY

int32_t tsc_aten_gelu(tsc_value_t *self, const char *approximate,
                      tsc_value_t **out) {
  TSC_REQUIRE(approximate);
  return run(out, [&] { return at::gelu(tensor(self), approximate); });
}

int32_t tsc_aten_hardtanh(tsc_value_t *self, int64_t min_val,
                          int32_t min_val_kind, int64_t max_val,
                          int32_t max_val_kind, tsc_value_t **out) {
  return run(out, [&] {
    return at::hardtanh(tensor(self), scalar(min_val, min_val_kind),
                        scalar(max_val, max_val_kind));
  });
}

// In place: the result is `self` (a new handle to the same tensor).
#define TSC_UNARY_INPLACE(NAME)                                                \
  int32_t tsc_aten_##NAME##_(tsc_value_t *self, tsc_value_t **out) {           \
    return run(out, [&] {                                                      \
      at::Tensor t = tensor(self);                                             \
      return at::NAME##_(t);                                                   \
    });                                                                        \
  }
TSC_UNARY_INPLACE(relu)
TSC_UNARY_INPLACE(sigmoid)
#undef TSC_UNARY_INPLACE

int32_t tsc_aten_hardtanh_(tsc_value_t *self, int64_t min_val,
                           int32_t min_val_kind, int64_t max_val,
                           int32_t max_val_kind, tsc_value_t **out) {
  return run(out, [&] {
    at::Tensor t = tensor(self);
    return at::hardtanh_(t, scalar(min_val, min_val_kind),
                         scalar(max_val, max_val_kind));
  });
}

int32_t tsc_aten_add__tensor(tsc_value_t *self, tsc_value_t *other,
                             int64_t alpha, int32_t alpha_kind,
                             tsc_value_t **out) {
  return run(out, [&] {
    at::Tensor t = tensor(self);
    return t.add_(tensor(other), scalar(alpha, alpha_kind));
  });
}

int32_t tsc_aten_mul__tensor(tsc_value_t *self, tsc_value_t *other,
                             tsc_value_t **out) {
  return run(out, [&] {
    at::Tensor t = tensor(self);
    return t.mul_(tensor(other));
  });
}

#define TSC_BINARY_ALPHA(NAME)                                                 \
  int32_t tsc_aten_##NAME##_tensor(tsc_value_t *self, tsc_value_t *other,      \
                                   int64_t alpha, int32_t alpha_kind,          \
                                   tsc_value_t **out) {                        \
    return run(out, [&] {                                                      \
      return at::NAME(tensor(self), tensor(other), scalar(alpha, alpha_kind)); \
    });                                                                        \
  }                                                                            \
  int32_t tsc_aten_##NAME##_scalar(tsc_value_t *self, int64_t other,           \
                                   int32_t other_kind, int64_t alpha,          \
                                   int32_t alpha_kind, tsc_value_t **out) {    \
    return run(out, [&] {                                                      \
      return at::NAME(tensor(self), scalar(other, other_kind),                 \
                      scalar(alpha, alpha_kind));                              \
    });                                                                        \
  }
TSC_BINARY_ALPHA(add)
TSC_BINARY_ALPHA(sub)
#undef TSC_BINARY_ALPHA

#define TSC_BINARY(NAME)                                                       \
  int32_t tsc_aten_##NAME##_tensor(tsc_value_t *self, tsc_value_t *other,      \
                                   tsc_value_t **out) {                        \
    return run(out, [&] { return at::NAME(tensor(self), tensor(other)); });    \
  }                                                                            \
  int32_t tsc_aten_##NAME##_scalar(tsc_value_t *self, int64_t other,           \
                                   int32_t other_kind, tsc_value_t **out) {    \
    return run(out, [&] {                                                      \
      return at::NAME(tensor(self), scalar(other, other_kind));                \
    });                                                                        \
  }
TSC_BINARY(mul)
TSC_BINARY(div)
TSC_BINARY(eq)
TSC_BINARY(ne)
TSC_BINARY(lt)
TSC_BINARY(le)
TSC_BINARY(gt)
TSC_BINARY(ge)
#undef TSC_BINARY

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

int32_t tsc_aten_linear(tsc_value_t *input, tsc_value_t *weight,
                        tsc_value_t *bias, tsc_value_t **out) {
  return run(out, [&] {
    return tsc::runtime::linear(tensor(input), tensor(weight),
                                optionalTensor(bias));
  });
}

#define TSC_MATRIX(NAME)                                                       \
  int32_t tsc_aten_##NAME(tsc_value_t *self, tsc_value_t *other,               \
                          tsc_value_t **out) {                                 \
    return run(out, [&] { return at::NAME(tensor(self), tensor(other)); });    \
  }
TSC_MATRIX(matmul)
TSC_MATRIX(bmm)
#undef TSC_MATRIX

int32_t tsc_aten_mm(tsc_value_t *self, tsc_value_t *mat2, tsc_value_t **out) {
  return run(out, [&] { return at::mm(tensor(self), tensor(mat2)); });
}

int32_t tsc_aten_addmm(tsc_value_t *self, tsc_value_t *mat1, tsc_value_t *mat2,
                       int64_t beta, int32_t beta_kind, int64_t alpha,
                       int32_t alpha_kind, tsc_value_t **out) {
  return run(out, [&] {
    return at::addmm(tensor(self), tensor(mat1), tensor(mat2),
                     scalar(beta, beta_kind), scalar(alpha, alpha_kind));
  });
}

//===----------------------------------------------------------------------===//
// Convolution, normalization, pooling
//===----------------------------------------------------------------------===//

#define TSC_CONV(NAME)                                                         \
  int32_t tsc_aten_##NAME(                                                     \
      tsc_value_t *input, tsc_value_t *weight, tsc_value_t *bias,              \
      const int64_t *stride, int64_t n_stride, const int64_t *padding,         \
      int64_t n_padding, const int64_t *dilation, int64_t n_dilation,          \
      int64_t groups, tsc_value_t **out) {                                     \
    return run(out, [&] {                                                      \
      return at::NAME(tensor(input), tensor(weight), optionalTensor(bias),     \
                      ints(stride, n_stride), ints(padding, n_padding),        \
                      ints(dilation, n_dilation), groups);                     \
    });                                                                        \
  }
TSC_CONV(conv1d)
TSC_CONV(conv2d)
TSC_CONV(conv3d)
#undef TSC_CONV

int32_t tsc_aten__convolution(
    tsc_value_t *input, tsc_value_t *weight, tsc_value_t *bias,
    const int64_t *stride, int64_t n_stride, const int64_t *padding,
    int64_t n_padding, const int64_t *dilation, int64_t n_dilation,
    bool transposed, const int64_t *output_padding, int64_t n_output_padding,
    int64_t groups, bool benchmark, bool deterministic, bool cudnn_enabled,
    bool allow_tf32, tsc_value_t **out) {
  return run(out, [&] {
    return at::_convolution(tensor(input), tensor(weight), optionalTensor(bias),
                            ints(stride, n_stride), ints(padding, n_padding),
                            ints(dilation, n_dilation), transposed,
                            ints(output_padding, n_output_padding), groups,
                            benchmark, deterministic, cudnn_enabled,
                            allow_tf32);
  });
}

int32_t tsc_aten_batch_norm(tsc_value_t *input, tsc_value_t *weight,
                            tsc_value_t *bias, tsc_value_t *running_mean,
                            tsc_value_t *running_var, bool training,
                            double momentum, double eps, bool cudnn_enabled,
                            tsc_value_t **out) {
  return run(out, [&] {
    return at::batch_norm(tensor(input), optionalTensor(weight),
                          optionalTensor(bias), optionalTensor(running_mean),
                          optionalTensor(running_var), training, momentum, eps,
                          cudnn_enabled);
  });
}

int32_t tsc_aten_layer_norm(tsc_value_t *input, const int64_t *normalized_shape,
                            int64_t n_normalized_shape, tsc_value_t *weight,
                            tsc_value_t *bias, double eps, bool cudnn_enable,
                            tsc_value_t **out) {
  return run(out, [&] {
    return at::layer_norm(
        tensor(input), ints(normalized_shape, n_normalized_shape),
        optionalTensor(weight), optionalTensor(bias), eps, cudnn_enable);
  });
}

int32_t tsc_aten_max_pool2d(tsc_value_t *self, const int64_t *kernel_size,
                            int64_t n_kernel_size, const int64_t *stride,
                            int64_t n_stride, const int64_t *padding,
                            int64_t n_padding, const int64_t *dilation,
                            int64_t n_dilation, bool ceil_mode,
                            tsc_value_t **out) {
  return run(out, [&] {
    return at::max_pool2d(tensor(self), ints(kernel_size, n_kernel_size),
                          ints(stride, n_stride), ints(padding, n_padding),
                          ints(dilation, n_dilation), ceil_mode);
  });
}

int32_t tsc_aten_avg_pool2d(tsc_value_t *self, const int64_t *kernel_size,
                            int64_t n_kernel_size, const int64_t *stride,
                            int64_t n_stride, const int64_t *padding,
                            int64_t n_padding, bool ceil_mode,
                            bool count_include_pad, int64_t divisor_override,
                            bool has_divisor_override, tsc_value_t **out) {
  return run(out, [&] {
    return at::avg_pool2d(tensor(self), ints(kernel_size, n_kernel_size),
                          ints(stride, n_stride), ints(padding, n_padding),
                          ceil_mode, count_include_pad,
                          optionalInt(divisor_override, has_divisor_override));
  });
}

int32_t tsc_aten_adaptive_avg_pool2d(tsc_value_t *self,
                                     const int64_t *output_size,
                                     int64_t n_output_size, tsc_value_t **out) {
  return run(out, [&] {
    return at::adaptive_avg_pool2d(tensor(self),
                                   ints(output_size, n_output_size));
  });
}

int32_t tsc_aten_softmax(tsc_value_t *self, int64_t dim, int64_t dtype,
                         bool has_dtype, tsc_value_t **out) {
  return run(out, [&] {
    return at::softmax(tensor(self), dim, optionalDtype(dtype, has_dtype));
  });
}

int32_t tsc_aten_log_softmax(tsc_value_t *self, int64_t dim, int64_t dtype,
                             bool has_dtype, tsc_value_t **out) {
  return run(out, [&] {
    return at::log_softmax(tensor(self), dim, optionalDtype(dtype, has_dtype));
  });
}

int32_t tsc_aten_mean_dim(tsc_value_t *self, const int64_t *dim, int64_t n_dim,
                          bool keepdim, int64_t dtype, bool has_dtype,
                          tsc_value_t **out) {
  return run(out, [&] {
    return at::mean(tensor(self), ints(dim, n_dim), keepdim,
                    optionalDtype(dtype, has_dtype));
  });
}

int32_t tsc_aten_embedding(tsc_value_t *weight, tsc_value_t *indices,
                           int64_t padding_idx, bool scale_grad_by_freq,
                           bool sparse, tsc_value_t **out) {
  return run(out, [&] {
    return at::embedding(tensor(weight), tensor(indices), padding_idx,
                         scale_grad_by_freq, sparse);
  });
}

//===----------------------------------------------------------------------===//
// Shapes and indexing
//===----------------------------------------------------------------------===//

int32_t tsc_aten_cat(tsc_value_t *const *tensors_, int64_t n_tensors,
                     int64_t dim, tsc_value_t **out) {
  return run(out, [&] { return at::cat(tensors(tensors_, n_tensors), dim); });
}

int32_t tsc_aten_view(tsc_value_t *self, const int64_t *size, int64_t n_size,
                      tsc_value_t **out) {
  return run(out, [&] { return tensor(self).view(ints(size, n_size)); });
}

int32_t tsc_aten_reshape(tsc_value_t *self, const int64_t *shape,
                         int64_t n_shape, tsc_value_t **out) {
  return run(out,
             [&] { return at::reshape(tensor(self), ints(shape, n_shape)); });
}

int32_t tsc_aten_permute(tsc_value_t *self, const int64_t *dims, int64_t n_dims,
                         tsc_value_t **out) {
  return run(out,
             [&] { return at::permute(tensor(self), ints(dims, n_dims)); });
}

int32_t tsc_aten_transpose(tsc_value_t *self, int64_t dim0, int64_t dim1,
                           tsc_value_t **out) {
  return run(out, [&] { return at::transpose(tensor(self), dim0, dim1); });
}

int32_t tsc_aten_flatten(tsc_value_t *self, int64_t start_dim, int64_t end_dim,
                         tsc_value_t **out) {
  return run(out,
             [&] { return at::flatten(tensor(self), start_dim, end_dim); });
}

int32_t tsc_aten_unsqueeze(tsc_value_t *self, int64_t dim, tsc_value_t **out) {
  return run(out, [&] { return at::unsqueeze(tensor(self), dim); });
}

int32_t tsc_aten_squeeze_dim(tsc_value_t *self, int64_t dim,
                             tsc_value_t **out) {
  return run(out, [&] { return at::squeeze(tensor(self), dim); });
}

int32_t tsc_aten_select(tsc_value_t *self, int64_t dim, int64_t index,
                        tsc_value_t **out) {
  return run(out, [&] { return at::select(tensor(self), dim, index); });
}

int32_t tsc_aten_slice(tsc_value_t *self, int64_t dim, int64_t start,
                       bool has_start, int64_t end, bool has_end, int64_t step,
                       tsc_value_t **out) {
  return run(out, [&] {
    return at::slice(tensor(self), dim, optionalInt(start, has_start),
                     optionalInt(end, has_end), step);
  });
}

int32_t tsc_aten_contiguous(tsc_value_t *self, int64_t memory_format,
                            tsc_value_t **out) {
  return run(out, [&] {
    return tensor(self).contiguous(
        static_cast<at::MemoryFormat>(memory_format));
  });
}

} // extern "C"
