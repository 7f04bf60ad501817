/*===- tsc_runtime.h - the C ABI of libtsc_runtime ---------------*- C -*-===*
 *
 * Code compiled by tsc calls this runtime (the "ATen shim") for every tensor
 * kernel it does not generate itself; programs that use a compiled model call
 * it to make and read values. It is a C ABI over LibTorch:
 *
 *  - Values are opaque handles (tsc_value_t*): a tensor, a scalar, a string,
 *    None, a device, a list, a tuple, a dict or an object, exactly as a
 *    TorchScript IValue. A handle is one reference: whoever receives a handle
 *    from a function owns it and frees it with tsc_value_release. Handles
 *    passed *to* a function are borrowed: the callee never frees them.
 *  - Every function that can fail returns int32_t: TSC_OK (0) on success,
 *    otherwise an error code, with a message readable by tsc_last_error() on
 *    the same thread until the next failing call. No C++ exception ever
 *    crosses this boundary. Results come back through trailing out-parameters,
 *    which are left untouched on failure.
 *  - All functions are thread-safe. Handles may move between threads but one
 *    handle must not be used by two threads at once (copy it first).
 *  - Signatures never change; a changed function is added as *_v2.
 *
 *  - A compiled model is used through an instance (tsc_model_t*) that
 *    `<model>_load` makes and `<model>_free` frees. It holds the module's
 *    state: attributes that methods assign live per instance, as in a
 *    module loaded by torch.jit.load. Threads may call one instance at
 *    once, except for a model with state (`"stateful": true` in its
 *    signature): there, as with the interpreter, concurrent calls on one
 *    instance race on its attributes; use an instance per thread.
 *
 * Example: call a model compiled with `tsc model.pt -o model.o --name model`
 * whose forward takes one tensor and returns one tensor.
 *
 *   #include "model.h"                  // generated; includes this header
 *   float data[4] = {1, 2, 3, 4};
 *   int64_t sizes[2] = {2, 2};
 *   tsc_model_t *m = NULL;
 *   tsc_value_t *x = NULL, *y = NULL;
 *   if (model_load(&m) != TSC_OK ||
 *       tsc_tensor_from_data(data, TSC_DTYPE_FLOAT32, 2, sizes, &x) != TSC_OK
 *|| model_forward(m, x, &y) != TSC_OK) { fprintf(stderr, "error: %s\n",
 *tsc_last_error()); } else { const float *out = NULL; tsc_tensor_data(y, (const
 *void **)&out);   // borrowed; lives with y
 *   }
 *   tsc_value_release(x);
 *   tsc_value_release(y);
 *   model_free(m);
 *
 *===----------------------------------------------------------------------===*/

#ifndef TSC_RUNTIME_TSC_RUNTIME_H
#define TSC_RUNTIME_TSC_RUNTIME_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define TSC_RUNTIME_API __attribute__((visibility("default")))
#else
#define TSC_RUNTIME_API
#endif

/* Status codes. */
#define TSC_OK 0
/* A TorchScript exception (raise, assert) or a kernel error. */
#define TSC_ERROR 1
/* An argument did not match the method's signature. */
#define TSC_ERROR_ARGUMENT 2
/* No method of that name. */
#define TSC_ERROR_NO_METHOD 3

/* Tensor element types. The numbering is part of the ABI. */
typedef enum tsc_dtype {
  TSC_DTYPE_UINT8 = 0,
  TSC_DTYPE_INT8 = 1,
  TSC_DTYPE_INT16 = 2,
  TSC_DTYPE_INT32 = 3,
  TSC_DTYPE_INT64 = 4,
  TSC_DTYPE_FLOAT16 = 5,
  TSC_DTYPE_FLOAT32 = 6,
  TSC_DTYPE_FLOAT64 = 7,
  TSC_DTYPE_COMPLEX64 = 9,
  TSC_DTYPE_COMPLEX128 = 10,
  TSC_DTYPE_BOOL = 11,
  TSC_DTYPE_BFLOAT16 = 15,
  /* In checks: any dtype. */
  TSC_DTYPE_ANY = -1
} tsc_dtype_t;

typedef struct tsc_value tsc_value_t;
/* One loaded instance of a compiled model. */
typedef struct tsc_model tsc_model_t;

/* The message of the last failing call on this thread ("" if none). The
 * pointer is valid until the next runtime call on this thread. */
TSC_RUNTIME_API const char *tsc_last_error(void);

/*--- Values ---------------------------------------------------------------*/

/* Frees one reference. NULL is ignored. */
TSC_RUNTIME_API void tsc_value_release(tsc_value_t *value);
/* A new reference to the same value (tensors are shared, not copied). */
TSC_RUNTIME_API int32_t tsc_value_copy(tsc_value_t *value, tsc_value_t **out);

TSC_RUNTIME_API int32_t tsc_value_make_none(tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_value_make_int(int64_t v, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_value_make_float(double v, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_value_make_bool(bool v, tsc_value_t **out);
/* `data` need not be NUL-terminated; it is copied. */
TSC_RUNTIME_API int32_t tsc_value_make_str(const char *data, int64_t length,
                                           tsc_value_t **out);
/* `spec` is a device string such as "cpu" or "cuda:0". */
TSC_RUNTIME_API int32_t tsc_value_make_device(const char *spec,
                                              tsc_value_t **out);

/* Read a scalar; fails if the value is not of that type. */
TSC_RUNTIME_API int32_t tsc_value_get_int(tsc_value_t *value, int64_t *out);
TSC_RUNTIME_API int32_t tsc_value_get_float(tsc_value_t *value, double *out);
TSC_RUNTIME_API int32_t tsc_value_get_bool(tsc_value_t *value, bool *out);
/* True if the value is None. */
TSC_RUNTIME_API bool tsc_value_is_none(tsc_value_t *value);

/* The value as TorchScript prints it (repr-like), for diagnostics. The string
 * is owned by the caller and freed with tsc_string_free. */
TSC_RUNTIME_API int32_t tsc_value_to_string(tsc_value_t *value, char **out);
TSC_RUNTIME_API void tsc_string_free(char *s);

/*--- Tensors --------------------------------------------------------------*/

/* A new contiguous CPU tensor holding a copy of `data`. */
TSC_RUNTIME_API int32_t tsc_tensor_from_data(const void *data, int32_t dtype,
                                             int64_t ndim, const int64_t *sizes,
                                             tsc_value_t **out);
/* Borrowed pointer to a contiguous CPU tensor's data; fails otherwise. */
TSC_RUNTIME_API int32_t tsc_tensor_data(tsc_value_t *tensor, const void **out);
TSC_RUNTIME_API int32_t tsc_tensor_dtype(tsc_value_t *tensor, int32_t *out);
TSC_RUNTIME_API int32_t tsc_tensor_ndim(tsc_value_t *tensor, int64_t *out);
TSC_RUNTIME_API int32_t tsc_tensor_size(tsc_value_t *tensor, int64_t dim,
                                        int64_t *out);

/*--- Interop with LibTorch (C++ callers) ----------------------------------*/

/* `ivalue` points to a c10::IValue; the handle holds a copy of it. */
TSC_RUNTIME_API int32_t tsc_value_from_ivalue(const void *ivalue,
                                              tsc_value_t **out);
/* Assigns the value to the c10::IValue that `ivalue` points to. */
TSC_RUNTIME_API int32_t tsc_value_to_ivalue(tsc_value_t *value, void *ivalue);

/*--- Used by compiled code ------------------------------------------------*
 * The functions below are called by the code tsc generates; their contracts
 * are documented in docs/runtime.md. `cache` arguments point to one pointer
 * of static storage per call site, zero-initialized, that the runtime fills
 * on first use.                                                            */

/* Every handle made on this thread between enter and exit belongs to the
 * frame. exit releases all of them except `keep` (the call's results); on a
 * failed call (status != TSC_OK) it releases all of them. Frames nest. */
TSC_RUNTIME_API void *tsc_frame_enter(void);
TSC_RUNTIME_API void tsc_frame_exit(void *token, int32_t status,
                                    tsc_value_t *const *keep, int64_t nkeep);

/* A model instance holding `self`, the module object (borrowed: the
 * instance takes its own reference), or NULL for a model without state. */
TSC_RUNTIME_API int32_t tsc_model_create(tsc_value_t *self, tsc_model_t **out);
/* The instance's module object, borrowed for the instance's lifetime (a None
 * handle for a model without state). `model` must not be NULL. */
TSC_RUNTIME_API tsc_value_t *tsc_model_self(tsc_model_t *model);
/* Frees the instance. NULL is ignored. */
TSC_RUNTIME_API void tsc_model_free(tsc_model_t *model);

/* A tensor constant embedded in the object: made once per process by
 * wrapping `data` (not copied: it must stay valid, and writable, while the
 * object is loaded) and then shared; returns a new reference. */
TSC_RUNTIME_API int32_t tsc_constant_tensor(void **cache, const void *data,
                                            int32_t dtype, int64_t ndim,
                                            const int64_t *sizes,
                                            tsc_value_t **out);
/* Calls the registered TorchScript operator name.overload (the same
 * implementation the interpreter runs) on boxed arguments. */
TSC_RUNTIME_API int32_t tsc_call_op(void **cache, const char *name,
                                    const char *overload,
                                    tsc_value_t *const *args, int64_t nargs,
                                    tsc_value_t **results, int64_t nresults);
/* `type` is a TorchScript type string ("List[int]"); elements borrowed. */
TSC_RUNTIME_API int32_t tsc_list_construct(void **cache, const char *type,
                                           tsc_value_t *const *elements,
                                           int64_t n, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_list_unpack(tsc_value_t *list, int64_t n,
                                        tsc_value_t **out);
/* prim::DictConstruct: `type` is "Dict[K, V]"; `keys_and_values` holds n
 * handles, key, value, key, value, ... (borrowed; n is even). */
TSC_RUNTIME_API int32_t tsc_dict_construct(void **cache, const char *type,
                                           tsc_value_t *const *keys_and_values,
                                           int64_t n, tsc_value_t **out);
/* prim::CreateObject: a new instance of the TorchScript class `class_name`
 * whose attributes (all unset) are `attr_names` of types `attr_types`
 * (TorchScript type strings). The class is defined once per process, by
 * the first call for that name. */
TSC_RUNTIME_API int32_t tsc_object_create(void **cache, const char *class_name,
                                          const char *const *attr_names,
                                          const char *const *attr_types,
                                          int64_t n, tsc_value_t **out);
/* prim::GetAttr / prim::SetAttr on an object made by compiled code. The
 * value read is a new handle; the value stored is borrowed. */
TSC_RUNTIME_API int32_t tsc_object_get_attr(tsc_value_t *object,
                                            const char *name,
                                            tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_object_set_attr(tsc_value_t *object,
                                            const char *name,
                                            tsc_value_t *value);
/* prim::Enter / prim::Exit of a `with` block: torch.no_grad() and
 * torch.enable_grad() set and restore the thread's grad mode; any other
 * context manager is an error. `out` receives __enter__'s/__exit__'s
 * result (None). */
TSC_RUNTIME_API int32_t tsc_context_enter(tsc_value_t *manager,
                                          tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_context_exit(tsc_value_t *manager,
                                         tsc_value_t **out);
/* prim::isinstance for one type: *out = 1 if the value's run-time type is a
 * subtype of `type` (a TorchScript type string), else 0. */
TSC_RUNTIME_API int32_t tsc_isinstance(void **cache, const char *type,
                                       tsc_value_t *value, int8_t *out);
/* prim::fork, run eagerly: a completed Future[`type`] holding `value`
 * (borrowed). aten::wait on it returns the value. */
TSC_RUNTIME_API int32_t tsc_future_completed(void **cache, const char *type,
                                             tsc_value_t *value,
                                             tsc_value_t **out);
/* aten::wait: the value of a completed future (a new handle); fails with
 * the future's error if it completed with one. */
TSC_RUNTIME_API int32_t tsc_future_wait(tsc_value_t *future, tsc_value_t **out);

/* Models compiled with --weights=external: maps the weights file `path`
 * (relative: to the directory of the object holding `base`) once per
 * process into *base, checking its `size` and FNV-1a `checksum`. Called by
 * <name>_load; fails with a message naming the file if it is missing,
 * of another size, or another model's. */
TSC_RUNTIME_API int32_t tsc_weights_map(const char *path, uint64_t size,
                                        uint64_t checksum, void **base);

/* The calling thread's arena for one compiled function (-tsc-plan-memory):
 * at least `bytes` bytes, 64-byte aligned, in *out. `key` is an address
 * unique to the function (a slot in its object). The memory is allocated
 * on the thread's first call and kept, then grown if a later call asks
 * for more, until the thread exits: calls reuse it instead of allocating
 * their intermediate tensors. A function is never active twice at once on
 * one thread (TorchScript has no recursion), so one arena per thread and
 * function suffices for concurrent calls. */
TSC_RUNTIME_API int32_t tsc_arena_get(const void *key, int64_t bytes,
                                      void **out);
/* Where a fusion kernel may write one output: `bytes` bytes at `offset`
 * in the function's arena (offset -1: a new tensor). Compiled code passes
 * one per output in constant data, with the arena from tsc_arena_get. A
 * run that would write more (the output's sizes not being the planned
 * ones) allocates a new tensor instead. */
typedef struct tsc_planned_output {
  int64_t offset;
  int64_t bytes;
} tsc_planned_output_t;

/* A fusion kernel, written by tsc for one ts.fusion_group: computes the
 * group on the elements [begin, end). `data` holds the outputs' then the
 * inputs' float32 element pointers; `strides` each input's element stride
 * (1: dense, of the output's sizes; 0: one element, broadcast). */
typedef void (*tsc_fusion_kernel_t)(int64_t begin, int64_t end,
                                    void *const *data, const int64_t *strides);
/* Runs `kernel` on the `n_in` input tensors when they suit it: float32,
 * CPU, strided, no autograd needed, with broadcastable sizes whose
 * broadcast is every output's size (`deps[i]` has bit j set when output i
 * depends on input j). Inputs with the broadcast sizes that are not
 * contiguous, and broadcast inputs of more than one element, are made
 * dense first. The outputs are float32 tensors of the broadcast sizes,
 * their handles stored in `outs`: new ones, or wrapping `arena` memory
 * where `plan[i]` places output i (`arena` or `plan` null: all new);
 * large ones are
 * split across ATen's intra-op threads. *ran = 1 then; *ran = 0, and
 * nothing made, when the inputs do not suit the kernel: the caller then
 * runs the group's ops. */
TSC_RUNTIME_API int32_t tsc_fusion_run(tsc_fusion_kernel_t kernel,
                                       tsc_value_t *const *inputs, int64_t n_in,
                                       const uint64_t *deps, tsc_value_t **outs,
                                       int64_t n_out, void *arena,
                                       const tsc_planned_output_t *plan,
                                       int8_t *ran);
/* A fusion kernel for a group with a row reduction (softmax, log_softmax,
 * layer_norm over the last dimension): computes rows [row_begin, row_end)
 * of `row_length` elements. An input's row r starts at element
 * r * row_strides[i] (row_length, or 0 for one row broadcast to all). */
typedef void (*tsc_fusion_rows_kernel_t)(int64_t row_begin, int64_t row_end,
                                         int64_t row_length, void *const *data,
                                         const int64_t *row_strides);
/* As tsc_fusion_run, row by row: also declined unless the last dimension
 * is `row_dim` (or row_dim is -1) and of `row_length` elements (or
 * row_length is -1). Inputs of one element or one row are broadcast to
 * every row. */
TSC_RUNTIME_API int32_t
tsc_fusion_run_rows(tsc_fusion_rows_kernel_t kernel, tsc_value_t *const *inputs,
                    int64_t n_in, const uint64_t *deps, tsc_value_t **outs,
                    int64_t n_out, int64_t row_dim, int64_t row_length,
                    void *arena, const tsc_planned_output_t *plan, int8_t *ran);
/* A fusion kernel for a group with linear layers: computes columns
 * [column_begin, column_end) of rows [row_begin, row_end) of its outputs
 * (column_begin a multiple of 64, or 0). Inputs are laid out as for
 * tsc_fusion_rows_kernel_t; a layer's input row r starts at r times its
 * row length. */
typedef void (*tsc_fusion_linear_kernel_t)(int64_t row_begin, int64_t row_end,
                                           int64_t column_begin,
                                           int64_t column_end,
                                           void *const *data,
                                           const int64_t *row_strides);
/* How a kernel of linear layers reads an input (bits of `roles[i]` for
 * tsc_fusion_run_linear). */
#define TSC_FUSION_ELEMENTWISE 1  /* element by element, like any input */
#define TSC_FUSION_LINEAR_INPUT 2 /* whole rows, as a linear layer's input */
/* Runs a kernel of linear layers (a row being one row of the layers'
 * outputs, of `row_length` elements) when the inputs suit
 * it: float32 CPU tensors without autograd; every layer input contiguous
 * (made so if not), of `row_lengths[i]` elements in its last dimension,
 * all with the same leading sizes, which with `row_length` give the
 * outputs' sizes; every elementwise input broadcastable to those sizes
 * (one element or one row is broadcast to every row; anything else is
 * made dense of the full sizes); no more rows than a few vector loops
 * beat a matrix product for (16): beyond, *ran = 0 and the caller runs
 * the group's operators, whose aten::linear calls BLAS. Each output must
 * have the outputs' sizes. Large layers are split by columns across
 * ATen's intra-op threads (each thread streams its part of the weights). */
TSC_RUNTIME_API int32_t tsc_fusion_run_linear(
    tsc_fusion_linear_kernel_t kernel, tsc_value_t *const *inputs, int64_t n_in,
    const uint64_t *deps, tsc_value_t **outs, int64_t n_out,
    const uint8_t *roles, const int64_t *row_lengths, int64_t row_length,
    void *arena, const tsc_planned_output_t *plan, int8_t *ran);
/* --target=cuda. <model>_load first calls tsc_cuda_require: TSC_ERROR, with
 * a message, when the CUDA driver (libcuda.so.1, loaded at run time) or a
 * CUDA device is missing, or the LibTorch in use has no CUDA support. */
TSC_RUNTIME_API int32_t tsc_cuda_require(void);
/* Waits until the GPU has done the work queued in the calling thread's CUDA
 * context: a model compiled for CUDA returns once its kernels are queued,
 * as ATen's operators do. TSC_OK at once where no model compiled for CUDA
 * has been loaded in this process (nothing is loaded for it). */
TSC_RUNTIME_API int32_t tsc_cuda_synchronize(void);
/* As tsc_constant_tensor, on the current CUDA device: copied there once per
 * process, then shared. */
TSC_RUNTIME_API int32_t tsc_cuda_constant_tensor(void **cache, const void *data,
                                                 int32_t dtype, int64_t ndim,
                                                 const int64_t *sizes,
                                                 tsc_value_t **out);
/* As tsc_tensor_from_data, on the current CUDA device. */
TSC_RUNTIME_API int32_t tsc_cuda_tensor_from_data(const void *data,
                                                  int32_t dtype, int64_t ndim,
                                                  const int64_t *sizes,
                                                  tsc_value_t **out);
/* As tsc_fusion_run, with the GPU kernel `kernel` of the PTX module `ptx`
 * (NUL-terminated; loaded by the driver once per process and context): the
 * inputs must be float32 tensors on one CUDA device. Launched on LibTorch's
 * current stream, asynchronously, with 256 threads per block; the kernel
 * takes (int64 n, float *out..., const float *in..., int64 stride...). */
TSC_RUNTIME_API int32_t tsc_cuda_fusion_run(const char *ptx, const char *kernel,
                                            tsc_value_t *const *inputs,
                                            int64_t n_in, const uint64_t *deps,
                                            tsc_value_t **outs, int64_t n_out,
                                            int8_t *ran);
/* As tsc_fusion_run_rows on CUDA: a warp of 32 threads per row; the kernel
 * takes (int64 rows, int64 row_length, float *out..., const float *in...,
 * int64 row_stride...). */
TSC_RUNTIME_API int32_t tsc_cuda_fusion_run_rows(
    const char *ptx, const char *kernel, tsc_value_t *const *inputs,
    int64_t n_in, const uint64_t *deps, tsc_value_t **outs, int64_t n_out,
    int64_t row_dim, int64_t row_length, int8_t *ran);
TSC_RUNTIME_API int32_t tsc_tuple_construct(tsc_value_t *const *elements,
                                            int64_t n, tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_tuple_unpack(tsc_value_t *tuple, int64_t n,
                                         tsc_value_t **out);
TSC_RUNTIME_API int32_t tsc_tuple_index(tsc_value_t *tuple, int64_t index,
                                        tsc_value_t **out);
/* Raises TorchScript's exception: always returns TSC_ERROR with `message`. */
TSC_RUNTIME_API int32_t tsc_raise(const char *message);
/* prim::RaiseException: `message` is a str value, `cls` the exception's
 * qualified class name (a str) or None. Always returns TSC_ERROR. */
TSC_RUNTIME_API int32_t tsc_raise_value(tsc_value_t *message, tsc_value_t *cls);
/* Checks argument `index` (named `name`) of a compiled method against its
 * signature: `type` is the TorchScript type string; for tensors, `dtype`
 * (TSC_DTYPE_ANY for any), `ndim` (-1 for any) and `sizes` (-1 entries for
 * any size) refine it. Fails with TSC_ERROR_ARGUMENT and a message naming the
 * argument. */
TSC_RUNTIME_API int32_t tsc_check_arg(tsc_value_t *value, int64_t index,
                                      const char *name, const char *type,
                                      int32_t dtype, int64_t ndim,
                                      const int64_t *sizes);
/* Fails with TSC_ERROR_ARGUMENT: a boxed call got `got` arguments. */
TSC_RUNTIME_API int32_t tsc_error_arg_count(const char *method,
                                            int64_t expected, int64_t got);
/* Fails with TSC_ERROR_NO_METHOD. */
TSC_RUNTIME_API int32_t tsc_error_no_method(const char *method);

#ifdef __cplusplus
} /* extern "C" */
#endif

/* Typed entry points for the hot operators. */
#include "tsc/Runtime/tsc_hot_ops.h"

#endif /* TSC_RUNTIME_TSC_RUNTIME_H */
