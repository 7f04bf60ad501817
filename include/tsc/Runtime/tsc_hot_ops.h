/*===- tsc_hot_ops.h - typed entry points of libtsc_runtime ------*- C -*-===*
 *
 * Compiled code calls these for the hot TorchScript operators instead of the
 * boxed tsc_call_op: tensors are handles, scalars and int lists travel
 * natively, so a call builds no argument stack and boxes nothing. Each runs
 * the same ATen function the interpreter's operator runs. HotOps.def lists
 * them with their operators and parameter encoding; the rules of
 * tsc_runtime.h apply (handles borrowed, *out a new reference, TSC_OK or an
 * error with tsc_last_error()).
 *
 * A Scalar is passed as (bits, kind): kind TSC_SCALAR_INT with the value,
 * TSC_SCALAR_FLOAT with a double's bits, TSC_SCALAR_BOOL with 0 or 1. An
 * optional int (`int?`, `ScalarType?`) is passed as (value, present). An
 * optional tensor (`Tensor?`) is NULL or a None handle for None.
 *
 *===----------------------------------------------------------------------===*/

#ifndef TSC_RUNTIME_TSC_HOT_OPS_H
#define TSC_RUNTIME_TSC_HOT_OPS_H

/* Included by tsc_runtime.h. */

#define TSC_SCALAR_INT 0
#define TSC_SCALAR_FLOAT 1
#define TSC_SCALAR_BOOL 2

#ifdef __cplusplus
extern "C" {
#endif

TSC_RUNTIME_API int32_t tsc_aten_relu(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_sigmoid(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_tanh(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_silu(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_neg(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_exp(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_log(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_sqrt(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_abs(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_gelu(tsc_value_t *self,
                                      const char *approximate,
                                      tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_hardtanh(tsc_value_t *self, int64_t min_val,
                                          int32_t min_val_kind, int64_t max_val,
                                          int32_t max_val_kind,
                                          tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_add_tensor(tsc_value_t *self,
                                            tsc_value_t *other, int64_t alpha,
                                            int32_t alpha_kind,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_sub_tensor(tsc_value_t *self,
                                            tsc_value_t *other, int64_t alpha,
                                            int32_t alpha_kind,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_mul_tensor(tsc_value_t *self,
                                            tsc_value_t *other,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_div_tensor(tsc_value_t *self,
                                            tsc_value_t *other,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_add_scalar(tsc_value_t *self, int64_t other,
                                            int32_t other_kind, int64_t alpha,
                                            int32_t alpha_kind,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_sub_scalar(tsc_value_t *self, int64_t other,
                                            int32_t other_kind, int64_t alpha,
                                            int32_t alpha_kind,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_mul_scalar(tsc_value_t *self, int64_t other,
                                            int32_t other_kind,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_div_scalar(tsc_value_t *self, int64_t other,
                                            int32_t other_kind,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_relu_(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_sigmoid_(tsc_value_t *self, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_hardtanh_(tsc_value_t *self, int64_t min_val,
                                           int32_t min_val_kind,
                                           int64_t max_val,
                                           int32_t max_val_kind,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_add__tensor(tsc_value_t *self,
                                             tsc_value_t *other, int64_t alpha,
                                             int32_t alpha_kind,
                                             tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_mul__tensor(tsc_value_t *self,
                                             tsc_value_t *other,
                                             tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_eq_tensor(tsc_value_t *self,
                                           tsc_value_t *other,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_ne_tensor(tsc_value_t *self,
                                           tsc_value_t *other,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_lt_tensor(tsc_value_t *self,
                                           tsc_value_t *other,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_le_tensor(tsc_value_t *self,
                                           tsc_value_t *other,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_gt_tensor(tsc_value_t *self,
                                           tsc_value_t *other,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_ge_tensor(tsc_value_t *self,
                                           tsc_value_t *other,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_eq_scalar(tsc_value_t *self, int64_t other,
                                           int32_t other_kind,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_ne_scalar(tsc_value_t *self, int64_t other,
                                           int32_t other_kind,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_lt_scalar(tsc_value_t *self, int64_t other,
                                           int32_t other_kind,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_le_scalar(tsc_value_t *self, int64_t other,
                                           int32_t other_kind,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_gt_scalar(tsc_value_t *self, int64_t other,
                                           int32_t other_kind,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_ge_scalar(tsc_value_t *self, int64_t other,
                                           int32_t other_kind,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_linear(tsc_value_t *input, tsc_value_t *weight,
                                        tsc_value_t *bias, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_matmul(tsc_value_t *self, tsc_value_t *other,
                                        tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_mm(tsc_value_t *self, tsc_value_t *mat2,
                                    tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_bmm(tsc_value_t *self, tsc_value_t *mat2,
                                     tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_addmm(tsc_value_t *self, tsc_value_t *mat1,
                                       tsc_value_t *mat2, int64_t beta,
                                       int32_t beta_kind, int64_t alpha,
                                       int32_t alpha_kind, tsc_value_t **out);
TSC_RUNTIME_API int32_t
tsc_aten_conv1d(tsc_value_t *input, tsc_value_t *weight, tsc_value_t *bias,
                const int64_t *stride, int64_t n_stride, const int64_t *padding,
                int64_t n_padding, const int64_t *dilation, int64_t n_dilation,
                int64_t groups, tsc_value_t **out);
TSC_RUNTIME_API int32_t
tsc_aten_conv2d(tsc_value_t *input, tsc_value_t *weight, tsc_value_t *bias,
                const int64_t *stride, int64_t n_stride, const int64_t *padding,
                int64_t n_padding, const int64_t *dilation, int64_t n_dilation,
                int64_t groups, tsc_value_t **out);
TSC_RUNTIME_API int32_t
tsc_aten_conv3d(tsc_value_t *input, tsc_value_t *weight, tsc_value_t *bias,
                const int64_t *stride, int64_t n_stride, const int64_t *padding,
                int64_t n_padding, const int64_t *dilation, int64_t n_dilation,
                int64_t groups, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten__convolution(
    tsc_value_t *input, tsc_value_t *weight, tsc_value_t *bias,
    const int64_t *stride, int64_t n_stride, const int64_t *padding,
    int64_t n_padding, const int64_t *dilation, int64_t n_dilation,
    bool transposed, const int64_t *output_padding, int64_t n_output_padding,
    int64_t groups, bool benchmark, bool deterministic, bool cudnn_enabled,
    bool allow_tf32, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_batch_norm(
    tsc_value_t *input, tsc_value_t *weight, tsc_value_t *bias,
    tsc_value_t *running_mean, tsc_value_t *running_var, bool training,
    double momentum, double eps, bool cudnn_enabled, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_layer_norm(
    tsc_value_t *input, const int64_t *normalized_shape,
    int64_t n_normalized_shape, tsc_value_t *weight, tsc_value_t *bias,
    double eps, bool cudnn_enable, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_max_pool2d(
    tsc_value_t *self, const int64_t *kernel_size, int64_t n_kernel_size,
    const int64_t *stride, int64_t n_stride, const int64_t *padding,
    int64_t n_padding, const int64_t *dilation, int64_t n_dilation,
    bool ceil_mode, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_avg_pool2d(
    tsc_value_t *self, const int64_t *kernel_size, int64_t n_kernel_size,
    const int64_t *stride, int64_t n_stride, const int64_t *padding,
    int64_t n_padding, bool ceil_mode, bool count_include_pad,
    int64_t divisor_override, bool has_divisor_override, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_adaptive_avg_pool2d(tsc_value_t *self,
                                                     const int64_t *output_size,
                                                     int64_t n_output_size,
                                                     tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_softmax(tsc_value_t *self, int64_t dim,
                                         int64_t dtype, bool has_dtype,
                                         tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_log_softmax(tsc_value_t *self, int64_t dim,
                                             int64_t dtype, bool has_dtype,
                                             tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_mean_dim(tsc_value_t *self, const int64_t *dim,
                                          int64_t n_dim, bool keepdim,
                                          int64_t dtype, bool has_dtype,
                                          tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_embedding(tsc_value_t *weight,
                                           tsc_value_t *indices,
                                           int64_t padding_idx,
                                           bool scale_grad_by_freq, bool sparse,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_cat(tsc_value_t *const *tensors,
                                     int64_t n_tensors, int64_t dim,
                                     tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_view(tsc_value_t *self, const int64_t *size,
                                      int64_t n_size, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_reshape(tsc_value_t *self,
                                         const int64_t *shape, int64_t n_shape,
                                         tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_permute(tsc_value_t *self, const int64_t *dims,
                                         int64_t n_dims, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_transpose(tsc_value_t *self, int64_t dim0,
                                           int64_t dim1, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_flatten(tsc_value_t *self, int64_t start_dim,
                                         int64_t end_dim, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_unsqueeze(tsc_value_t *self, int64_t dim,
                                           tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_squeeze_dim(tsc_value_t *self, int64_t dim,
                                             tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_select(tsc_value_t *self, int64_t dim,
                                        int64_t index, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_slice(tsc_value_t *self, int64_t dim,
                                       int64_t start, bool has_start,
                                       int64_t end, bool has_end, int64_t step,
                                       tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_aten_contiguous(tsc_value_t *self,
                                            int64_t memory_format,
                                            tsc_value_t **out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TSC_RUNTIME_TSC_HOT_OPS_H */
