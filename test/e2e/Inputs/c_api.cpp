// Drives a compiled model through its C API and its C++ wrapper, including
// the error paths a user can hit.
#include "refined.h"

#include <ATen/ATen.h>

#include <iostream>

static void report(const char *what, int32_t status) {
  std::cout << what << ": status " << status << ": " << tsc_last_error()
            << "\n";
}

int main() {
  std::cout << "signature: " << refined_signature() << "\n";

  tsc_model_t *m = nullptr;
  report("null load pointer", refined_load(nullptr));
  if (refined_load(&m) != TSC_OK)
    return 1;

  float data[6] = {1, 1, 1, 1, 1, 1};
  int64_t sizes[2] = {2, 3};
  tsc_value_t *x = nullptr, *y = nullptr;
  if (tsc_tensor_from_data(data, TSC_DTYPE_FLOAT32, 2, sizes, &x) != TSC_OK)
    return 1;
  int32_t st = refined_forward(m, x, 3, &y);
  const float *out = nullptr;
  if (st == TSC_OK && tsc_tensor_data(y, (const void **)&out) == TSC_OK)
    std::cout << "typed call: ok, y[5] = " << out[5] << "\n";
  tsc_value_release(y);

  report("null output", refined_forward(m, x, 3, nullptr));
  tsc_value_t *unused = nullptr;
  report("null argument", refined_forward(m, nullptr, 3, &unused));
  report("null instance", refined_forward(nullptr, x, 3, &unused));

  int64_t ldata[6] = {1, 2, 3, 4, 5, 6};
  tsc_value_t *l = nullptr;
  tsc_tensor_from_data(ldata, TSC_DTYPE_INT64, 2, sizes, &l);
  report("wrong dtype", refined_forward(m, l, 3, &unused));
  tsc_value_release(l);

  tsc_value_t *result = nullptr;
  report("unknown method", refined_run(m, "nope", nullptr, 0, &result));
  report("wrong count", refined_run(m, "forward", nullptr, 0, &result));
  report("boxed null instance",
         refined_run(nullptr, "forward", nullptr, 0, &result));
  tsc_value_release(x);
  refined_free(m);
  refined_free(nullptr);

  refined::Model model;
  at::Tensor z = model.forward(at::ones({2, 3}), 4);
  std::cout << "C++ wrapper:";
  for (int64_t i = 0; i < z.numel(); ++i)
    std::cout << " " << z.view(-1)[i].item<float>();
  std::cout << "\n";
  try {
    model.forward(at::ones({3, 3}), 4);
  } catch (const std::exception &e) {
    std::cout << "C++ wrapper error: " << e.what() << "\n";
  }
  return 0;
}
