//===- CompiledModel.h - a tsc-compiled shared object, loaded ---*- C++ -*-===//
//
// What tsc-run and tsc-bench both do with a model compiled by
// `tsc --emit=shared`: dlopen it, find `<name>_load/_free/_run/_signature`,
// load one instance, and call methods through the boxed entry point with
// LibTorch values.
//
//===----------------------------------------------------------------------===//

#ifndef TSC_TOOLS_TSCRUN_COMPILEDMODEL_H
#define TSC_TOOLS_TSCRUN_COMPILEDMODEL_H

#include "tsc/Runtime/tsc_runtime.h"

#include <ATen/core/ivalue.h>

#include <string>
#include <vector>

namespace tsc {

class CompiledModel {
public:
  /// Opens `path` and loads one instance of the model `name`. Throws
  /// std::runtime_error with a message for the user on any failure.
  CompiledModel(const std::string &path, const std::string &name);
  ~CompiledModel();
  CompiledModel(const CompiledModel &) = delete;
  CompiledModel &operator=(const CompiledModel &) = delete;

  /// Whether the signature lists `method`.
  bool hasMethod(const std::string &method) const;
  /// Converts `args` (as torch.load returns them: lists and dicts untyped)
  /// to the types of `method`'s arguments.
  void retypeArguments(const std::string &method,
                       std::vector<c10::IValue> &args) const;
  /// One call on the instance; throws with the runtime's message.
  c10::IValue call(const std::string &method,
                   const std::vector<c10::IValue> &args) const;

private:
  using RunFn = int32_t (*)(tsc_model_t *, const char *, tsc_value_t *const *,
                            int64_t, tsc_value_t **);
  using FreeFn = void (*)(tsc_model_t *);
  RunFn run = nullptr;
  FreeFn free = nullptr;
  tsc_model_t *instance = nullptr;
  std::string signatureJSON;
};

} // namespace tsc

#endif // TSC_TOOLS_TSCRUN_COMPILEDMODEL_H
