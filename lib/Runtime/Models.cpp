//===- Models.cpp - loaded instances of a compiled model ------------------===//
//
// A model instance holds what one `<model>_load` made: the module object
// whose attributes the methods read and assign (None for a model whose
// methods were frozen into functions of their arguments). Later it is also
// the place for per-instance resources.
//
//===----------------------------------------------------------------------===//

#include "RuntimeInternal.h"

using namespace tsc::runtime;

struct tsc_model {
  // Owned by the instance, never linked into a frame: compiled code borrows
  // it for the instance's lifetime.
  tsc_value self;
};

extern "C" {

int32_t tsc_model_create(tsc_value_t *self, tsc_model_t **out) {
  TSC_REQUIRE(out);
  return guard([&] {
    auto *model = new tsc_model{};
    if (self)
      model->self.ivalue = self->ivalue;
    *out = model;
    return TSC_OK;
  });
}

tsc_value_t *tsc_model_self(tsc_model_t *model) { return &model->self; }

void tsc_model_free(tsc_model_t *model) { delete model; }

} // extern "C"
