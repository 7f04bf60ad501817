//===- Objects.cpp - TorchScript class instances made by compiled code ----===//
//
// prim::CreateObject, and GetAttr/SetAttr on objects a method made. The
// classes are described by the compiled code (name, attribute names and
// types) and defined once per process in the runtime's own compilation
// unit.
//
//===----------------------------------------------------------------------===//

#include "RuntimeInternal.h"

#include <ATen/core/ivalue.h>
#include <c10/core/GradMode.h>
#include <torch/csrc/jit/api/compilation_unit.h>

#include <mutex>

using namespace tsc::runtime;

namespace {

struct ClassRegistry {
  std::mutex mutex;
  std::shared_ptr<torch::jit::CompilationUnit> cu =
      std::make_shared<torch::jit::CompilationUnit>();
};

ClassRegistry &registry() {
  static ClassRegistry *r = new ClassRegistry; // lives as long as objects
  return *r;
}

/// Whether `type` has exactly these attributes, in this order.
bool hasLayout(const c10::ClassType &type,
               const std::vector<std::pair<std::string, c10::TypePtr>> &attrs) {
  if (type.numAttributes() != attrs.size())
    return false;
  for (size_t i = 0; i < attrs.size(); ++i)
    if (type.getAttributeName(i) != attrs[i].first ||
        *type.getAttribute(i) != *attrs[i].second)
      return false;
  return true;
}

/// The class named `name` with these attributes, defined on first use. All
/// call sites of one compiled model describe a class the same way (the
/// compiler collects its attributes from the whole module), but two models
/// in one process may use one name for different classes: each layout gets
/// its own class, the later ones under a mangled name.
c10::ClassTypePtr defineClass(const char *name, const char *const *attrNames,
                              const char *const *attrTypes, int64_t n) {
  std::vector<std::pair<std::string, c10::TypePtr>> attrs;
  for (int64_t i = 0; i < n; ++i) {
    // Types naming classes (a submodule, a user class, a list of them) do
    // not parse without the model's own class table. The runtime stores
    // such attributes untyped: every read is typed by the compiled code,
    // and an object carries its own class.
    c10::TypePtr t = parseType(attrTypes[i]);
    attrs.emplace_back(attrNames[i], t ? std::move(t) : c10::AnyType::get());
  }
  ClassRegistry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  c10::QualifiedName qualName(name);
  for (int version = 1;; ++version) {
    c10::ClassTypePtr existing = r.cu->get_class(qualName);
    if (!existing)
      break;
    if (hasLayout(*existing, attrs))
      return existing;
    qualName = c10::QualifiedName(std::string(name) + "___tsc" +
                                  std::to_string(version));
  }
  auto type = c10::ClassType::create(qualName, r.cu);
  for (const auto &[attrName, attrType] : attrs)
    type->addAttribute(attrName, attrType);
  r.cu->register_type(type);
  return type;
}

struct CachedClass {
  c10::ClassTypePtr type;
};

c10::intrusive_ptr<c10::ivalue::Object> objectOf(tsc_value_t *v) {
  TORCH_CHECK(v->ivalue.isObject(), "expected an object, got ",
              v->ivalue.tagKind());
  return v->ivalue.toObject();
}

size_t slotOf(const c10::intrusive_ptr<c10::ivalue::Object> &obj,
              const char *name) {
  c10::optional<size_t> slot = obj->type()->findAttributeSlot(name);
  TORCH_CHECK(slot, "object of class ", obj->type()->name()->qualifiedName(),
              " has no attribute '", name, "'");
  return *slot;
}

} // namespace

int32_t tsc_object_create(void **cache, const char *class_name,
                          const char *const *attr_names,
                          const char *const *attr_types, int64_t n,
                          tsc_value_t **out) {
  TSC_REQUIRE(cache);
  TSC_REQUIRE(class_name);
  TSC_REQUIRE(out);
  if (n > 0) {
    TSC_REQUIRE(attr_names);
    TSC_REQUIRE(attr_types);
  }
  return guard([&] {
    CachedClass *c = loadOrInit<CachedClass>(cache, [&] {
      return new CachedClass{
          defineClass(class_name, attr_names, attr_types, n)};
    });
    auto object = c10::ivalue::Object::create(
        c10::StrongTypePtr(registry().cu, c->type), c->type->numAttributes());
    *out = newValue(c10::IValue(std::move(object)));
    return TSC_OK;
  });
}

int32_t tsc_object_get_attr(tsc_value_t *object, const char *name,
                            tsc_value_t **out) {
  TSC_REQUIRE(object);
  TSC_REQUIRE(name);
  TSC_REQUIRE(out);
  return guard([&] {
    auto obj = objectOf(object);
    *out = newValue(obj->getSlot(slotOf(obj, name)));
    return TSC_OK;
  });
}

int32_t tsc_object_set_attr(tsc_value_t *object, const char *name,
                            tsc_value_t *value) {
  TSC_REQUIRE(object);
  TSC_REQUIRE(name);
  TSC_REQUIRE(value);
  return guard([&] {
    auto obj = objectOf(object);
    obj->setSlot(slotOf(obj, name), value->ivalue);
    return TSC_OK;
  });
}

//===----------------------------------------------------------------------===//
// with-statements
//===----------------------------------------------------------------------===//

// The context managers TorchScript code can make are the grad-mode ones;
// their __enter__/__exit__ (torch/autograd/grad_mode.py) save the thread's
// grad mode in `prev` and set or restore it. tsc has no compiled methods of
// runtime classes, so those bodies are written out here.
namespace {
constexpr const char *kNoGrad = "__torch__.torch.autograd.grad_mode.no_grad";
constexpr const char *kEnableGrad =
    "__torch__.torch.autograd.grad_mode.enable_grad";
} // namespace

int32_t tsc_context_enter(tsc_value_t *manager, tsc_value_t **out) {
  TSC_REQUIRE(manager);
  TSC_REQUIRE(out);
  return guard([&] {
    auto obj = objectOf(manager);
    std::string name = obj->type()->name()->qualifiedName();
    TORCH_CHECK(name == kNoGrad || name == kEnableGrad,
                "'with' on an object of class ", name,
                " is not supported (only torch.no_grad() and "
                "torch.enable_grad())");
    obj->setAttr("prev", c10::IValue(c10::GradMode::is_enabled()));
    c10::GradMode::set_enabled(name == kEnableGrad);
    *out = newValue(c10::IValue());
    return TSC_OK;
  });
}

int32_t tsc_context_exit(tsc_value_t *manager, tsc_value_t **out) {
  TSC_REQUIRE(manager);
  TSC_REQUIRE(out);
  return guard([&] {
    auto obj = objectOf(manager);
    c10::GradMode::set_enabled(obj->getAttr("prev").toBool());
    *out = newValue(c10::IValue());
    return TSC_OK;
  });
}
