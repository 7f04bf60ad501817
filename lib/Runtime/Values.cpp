//===- Values.cpp - handles, frames, scalars, errors ----------------------===//

#include "RuntimeInternal.h"

#include <c10/core/GradMode.h>

#include <sstream>

using namespace tsc::runtime;

namespace {

/// The handles one compiled call made, as a circular list around a sentinel.
struct Frame {
  tsc_value sentinel;
  Frame *parent = nullptr;
  // The thread's grad mode at entry: a `with torch.no_grad():` left by an
  // error (no __exit__ runs) must not leak into the caller.
  bool gradEnabled = c10::GradMode::is_enabled();
  Frame() { sentinel.prev = sentinel.next = &sentinel; }
};

thread_local Frame *currentFrame = nullptr;
thread_local std::string lastError;

void link(Frame *frame, tsc_value *v) {
  v->next = &frame->sentinel;
  v->prev = frame->sentinel.prev;
  frame->sentinel.prev->next = v;
  frame->sentinel.prev = v;
}

void unlink(tsc_value *v) {
  if (!v->prev)
    return;
  v->prev->next = v->next;
  v->next->prev = v->prev;
  v->prev = v->next = nullptr;
}

} // namespace

tsc_value *tsc::runtime::newValue(c10::IValue v) {
  auto *h = new tsc_value{std::move(v)};
  if (currentFrame)
    link(currentFrame, h);
  return h;
}

int32_t tsc::runtime::fail(int32_t code, std::string message) {
  lastError = std::move(message);
  return code;
}

extern "C" {

const char *tsc_last_error(void) { return lastError.c_str(); }

void tsc_value_release(tsc_value_t *value) {
  if (!value)
    return;
  unlink(value);
  delete value;
}

int32_t tsc_value_copy(tsc_value_t *value, tsc_value_t **out) {
  TSC_REQUIRE(value);
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(value->ivalue);
    return TSC_OK;
  });
}

void *tsc_frame_enter(void) {
  enterCompiledCode();
  auto *frame = new Frame();
  frame->parent = currentFrame;
  currentFrame = frame;
  return frame;
}

void tsc_frame_exit(void *token, int32_t status, tsc_value_t *const *keep,
                    int64_t nkeep) {
  auto *frame = static_cast<Frame *>(token);
  if (!frame)
    return;
  // Results survive the frame: they move to the enclosing frame, if any.
  if (status == TSC_OK) {
    for (int64_t i = 0; i < nkeep; ++i) {
      if (!keep[i])
        continue;
      unlink(keep[i]);
      if (frame->parent)
        link(frame->parent, keep[i]);
    }
  }
  while (frame->sentinel.next != &frame->sentinel)
    tsc_value_release(frame->sentinel.next);
  c10::GradMode::set_enabled(frame->gradEnabled);
  currentFrame = frame->parent;
  delete frame;
  exitCompiledCode();
}

int32_t tsc_value_make_none(tsc_value_t **out) {
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(c10::IValue());
    return TSC_OK;
  });
}

int32_t tsc_value_make_int(int64_t v, tsc_value_t **out) {
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(c10::IValue(v));
    return TSC_OK;
  });
}

int32_t tsc_value_make_float(double v, tsc_value_t **out) {
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(c10::IValue(v));
    return TSC_OK;
  });
}

int32_t tsc_value_make_bool(bool v, tsc_value_t **out) {
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(c10::IValue(v));
    return TSC_OK;
  });
}

int32_t tsc_value_make_str(const char *data, int64_t length,
                           tsc_value_t **out) {
  TSC_REQUIRE(out);
  if (length > 0)
    TSC_REQUIRE(data);
  return guard([&] {
    *out = newValue(c10::IValue(std::string(data ? data : "", length)));
    return TSC_OK;
  });
}

int32_t tsc_value_make_device(const char *spec, tsc_value_t **out) {
  TSC_REQUIRE(spec);
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(c10::IValue(c10::Device(std::string(spec))));
    return TSC_OK;
  });
}

static int32_t typeError(tsc_value_t *value, const char *want) {
  return fail(TSC_ERROR_ARGUMENT, std::string("expected a value of type ") +
                                      want + ", got " +
                                      value->ivalue.tagKind());
}

int32_t tsc_value_get_int(tsc_value_t *value, int64_t *out) {
  TSC_REQUIRE(value);
  TSC_REQUIRE(out);
  if (!value->ivalue.isInt())
    return typeError(value, "int");
  *out = value->ivalue.toInt();
  return TSC_OK;
}

int32_t tsc_value_get_float(tsc_value_t *value, double *out) {
  TSC_REQUIRE(value);
  TSC_REQUIRE(out);
  if (!value->ivalue.isDouble())
    return typeError(value, "float");
  *out = value->ivalue.toDouble();
  return TSC_OK;
}

int32_t tsc_value_get_bool(tsc_value_t *value, bool *out) {
  TSC_REQUIRE(value);
  TSC_REQUIRE(out);
  if (!value->ivalue.isBool())
    return typeError(value, "bool");
  *out = value->ivalue.toBool();
  return TSC_OK;
}

bool tsc_value_is_none(tsc_value_t *value) {
  return value && value->ivalue.isNone();
}

int32_t tsc_value_to_string(tsc_value_t *value, char **out) {
  TSC_REQUIRE(value);
  TSC_REQUIRE(out);
  return guard([&] {
    std::ostringstream os;
    os << value->ivalue;
    std::string s = os.str();
    char *buf = static_cast<char *>(std::malloc(s.size() + 1));
    if (!buf)
      return fail(TSC_ERROR, "out of memory");
    std::memcpy(buf, s.c_str(), s.size() + 1);
    *out = buf;
    return TSC_OK;
  });
}

void tsc_string_free(char *s) { std::free(s); }

int32_t tsc_value_from_ivalue(const void *ivalue, tsc_value_t **out) {
  TSC_REQUIRE(ivalue);
  TSC_REQUIRE(out);
  return guard([&] {
    *out = newValue(*static_cast<const c10::IValue *>(ivalue));
    return TSC_OK;
  });
}

int32_t tsc_value_to_ivalue(tsc_value_t *value, void *ivalue) {
  TSC_REQUIRE(value);
  TSC_REQUIRE(ivalue);
  return guard([&] {
    *static_cast<c10::IValue *>(ivalue) = value->ivalue;
    return TSC_OK;
  });
}

int32_t tsc_raise(const char *message) {
  return fail(TSC_ERROR, message ? message : "Exception");
}

int32_t tsc_raise_value(tsc_value_t *message, tsc_value_t *cls) {
  std::string text = message && message->ivalue.isString()
                         ? message->ivalue.toStringRef()
                         : std::string("Exception");
  // TorchScript's messages already name the exception ("AssertionError:
  // ..."); a class name given separately is prefixed as Python prints it.
  if (cls && cls->ivalue.isString()) {
    std::string name = cls->ivalue.toStringRef();
    name = name.substr(name.find_last_of('.') + 1);
    if (text.rfind(name, 0) != 0)
      text = name + ": " + text;
  }
  return fail(TSC_ERROR, text);
}

int32_t tsc_error_arg_count(const char *method, int64_t expected, int64_t got) {
  std::ostringstream os;
  os << method << "() expected " << expected << " argument"
     << (expected == 1 ? "" : "s") << ", got " << got;
  return fail(TSC_ERROR_ARGUMENT, os.str());
}

int32_t tsc_error_no_method(const char *method) {
  return fail(TSC_ERROR_NO_METHOD, std::string("the model has no method '") +
                                       (method ? method : "(null)") + "'");
}

} // extern "C"
