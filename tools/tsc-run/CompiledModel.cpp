//===- CompiledModel.cpp - a tsc-compiled shared object, loaded -----------===//

#include "CompiledModel.h"
#include "Compare.h"

#include <torch/csrc/jit/frontend/script_type_parser.h>

#include <nlohmann/json.hpp>

#include <dlfcn.h>
#include <stdexcept>

namespace tsc {

CompiledModel::CompiledModel(const std::string &path, const std::string &name) {
  // dlopen searches the library path for a bare file name; the user meant
  // the file.
  std::string file = path.find('/') == std::string::npos ? "./" + path : path;
  void *lib = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    throw std::runtime_error("cannot load '" + path + "': " + dlerror());
  auto symbol = [&](const char *suffix) {
    return dlsym(lib, (name + suffix).c_str());
  };
  run = reinterpret_cast<RunFn>(symbol("_run"));
  auto load = reinterpret_cast<int32_t (*)(tsc_model_t **)>(symbol("_load"));
  auto freeFn = reinterpret_cast<FreeFn>(symbol("_free"));
  auto signature = reinterpret_cast<const char *(*)()>(symbol("_signature"));
  if (!run || !load || !freeFn || !signature)
    throw std::runtime_error(
        "'" + path + "' has no symbols " + name + "_load/" + name + "_run/" +
        name +
        "_signature: not compiled by tsc, or compiled with another --name "
        "(pass it with --name)");
  if (load(&instance) != TSC_OK)
    throw std::runtime_error(std::string("cannot load the model: ") +
                             tsc_last_error());
  free = freeFn;
  signatureJSON = signature();
}

CompiledModel::~CompiledModel() {
  if (free)
    free(instance);
}

bool CompiledModel::hasMethod(const std::string &method) const {
  nlohmann::json sig = nlohmann::json::parse(signatureJSON);
  for (const auto &m : sig["methods"])
    if (m["name"] == method)
      return true;
  return false;
}

void CompiledModel::retypeArguments(const std::string &method,
                                    std::vector<c10::IValue> &args) const {
  nlohmann::json sig = nlohmann::json::parse(signatureJSON);
  for (const auto &m : sig["methods"]) {
    if (m["name"] != method)
      continue;
    const auto &argSigs = m["args"];
    for (size_t i = 0; i < args.size() && i < argSigs.size(); ++i) {
      c10::TypePtr type;
      try {
        type = torch::jit::ScriptTypeParser().parseType(
            argSigs[i]["type"].get<std::string>());
      } catch (const std::exception &) {
        // A class type: passed as it is.
      }
      args[i] = retype(args[i], type);
    }
  }
}

c10::IValue CompiledModel::call(const std::string &method,
                                const std::vector<c10::IValue> &args) const {
  std::vector<tsc_value_t *> handles;
  auto releaseArgs = [&] {
    for (tsc_value_t *h : handles)
      tsc_value_release(h);
  };
  for (const c10::IValue &a : args) {
    tsc_value_t *h = nullptr;
    if (tsc_value_from_ivalue(&a, &h) != TSC_OK) {
      releaseArgs();
      throw std::runtime_error(tsc_last_error());
    }
    handles.push_back(h);
  }
  tsc_value_t *result = nullptr;
  int32_t status = run(instance, method.c_str(), handles.data(),
                       static_cast<int64_t>(handles.size()), &result);
  releaseArgs();
  if (status != TSC_OK)
    throw std::runtime_error(tsc_last_error());
  c10::IValue out;
  tsc_value_to_ivalue(result, &out);
  tsc_value_release(result);
  return out;
}

} // namespace tsc
