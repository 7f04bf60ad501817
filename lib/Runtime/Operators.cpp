//===- Operators.cpp - the boxed operator call, lists and tuples ----------===//

#include "RuntimeInternal.h"

#include <ATen/core/ivalue.h>
#include <torch/csrc/jit/runtime/operator.h>

#include <atomic>

using namespace tsc::runtime;

namespace {

/// A resolved operator, cached per call site for the life of the process.
struct ResolvedOp {
  torch::jit::Operation operation;
  bool isVararg;
};

/// The type a call site names, parsed on its first call and kept in the
/// site's cache slot for the life of the process. With `orAny`, a type
/// that does not parse (one naming a class of the model) is Any; else it
/// is an error.
const c10::TypePtr &callSiteType(void **cache, const char *spelling,
                                 bool orAny = false) {
  struct Parsed {
    c10::TypePtr type;
  };
  Parsed *p = loadOrInit<Parsed>(cache, [&] {
    c10::TypePtr t = parseType(spelling);
    if (!t && orAny)
      t = c10::AnyType::get();
    TORCH_CHECK(t, "cannot parse the type '", spelling, "'");
    return new Parsed{t};
  });
  return p->type;
}

} // namespace

extern "C" {

int32_t tsc_call_op(void **cache, const char *name, const char *overload,
                    tsc_value_t *const *args, int64_t nargs,
                    tsc_value_t **results, int64_t nresults) {
  TSC_REQUIRE(cache);
  TSC_REQUIRE(name);
  TSC_REQUIRE(overload);
  if (nargs > 0)
    TSC_REQUIRE(args);
  if (nresults > 0)
    TSC_REQUIRE(results);
  return guard([&] {
    ResolvedOp *op = loadOrInit<ResolvedOp>(cache, [&]() -> ResolvedOp * {
      std::string full = std::string(name) + (*overload ? "." : "") + overload;
      std::shared_ptr<torch::jit::Operator> found =
          torch::jit::findOperatorFor(c10::OperatorName(name, overload));
      TORCH_CHECK(found, "unknown operator ", full,
                  " (is the library that registers it loaded?)");
      // The operation pops exactly its schema's arguments: a different count
      // would read past the stack.
      const c10::FunctionSchema &schema = found->schema();
      TORCH_CHECK(schema.is_vararg() ||
                      static_cast<int64_t>(schema.arguments().size()) == nargs,
                  "operator ", full, " takes ", schema.arguments().size(),
                  " arguments, got ", nargs);
      TORCH_CHECK(found->hasOperation(), "operator ", full,
                  " needs its graph node and cannot be called boxed");
      return new ResolvedOp{found->getOperation(), schema.is_vararg()};
    });
    torch::jit::Stack stack;
    stack.reserve(nargs + 1);
    for (int64_t i = 0; i < nargs; ++i) {
      TORCH_CHECK(args[i], "argument ", i, " of ", name, " is null");
      stack.push_back(args[i]->ivalue);
    }
    // Vararg operators take their argument count on top of the stack, as
    // TorchScript's interpreter passes it.
    if (op->isVararg)
      stack.emplace_back(nargs);
    op->operation(stack);
    TORCH_CHECK(static_cast<int64_t>(stack.size()) == nresults, name,
                " returned ", stack.size(), " values, expected ", nresults);
    for (int64_t i = 0; i < nresults; ++i)
      results[i] = newValue(std::move(stack[i]));
    return TSC_OK;
  });
}

int32_t tsc_list_construct(void **cache, const char *type,
                           tsc_value_t *const *elements, int64_t n,
                           tsc_value_t **out) {
  TSC_REQUIRE(cache);
  TSC_REQUIRE(type);
  TSC_REQUIRE(out);
  if (n > 0)
    TSC_REQUIRE(elements);
  return guard([&] {
    const c10::TypePtr &t = callSiteType(cache, type);
    TORCH_CHECK(t->kind() == c10::TypeKind::ListType,
                "cannot make a list of type ", type);
    c10::impl::GenericList list(t->expectRef<c10::ListType>().getElementType());
    list.reserve(n);
    for (int64_t i = 0; i < n; ++i)
      list.push_back(elements[i]->ivalue);
    *out = newValue(c10::IValue(std::move(list)));
    return TSC_OK;
  });
}

int32_t tsc_future_completed(void **cache, const char *type, tsc_value_t *value,
                             tsc_value_t **out) {
  TSC_REQUIRE(cache);
  TSC_REQUIRE(type);
  TSC_REQUIRE(value);
  TSC_REQUIRE(out);
  return guard([&] {
    // A class type does not parse without the model's classes; the
    // future's element type only matters to type tests, and an object
    // carries its own class.
    auto future = c10::make_intrusive<c10::ivalue::Future>(
        callSiteType(cache, type, /*orAny=*/true));
    future->markCompleted(value->ivalue);
    *out = newValue(c10::IValue(std::move(future)));
    return TSC_OK;
  });
}

int32_t tsc_future_wait(tsc_value_t *future, tsc_value_t **out) {
  TSC_REQUIRE(future);
  TSC_REQUIRE(out);
  return guard([&] {
    TORCH_CHECK(future->ivalue.isFuture(), "wait() expects a Future, got ",
                future->ivalue.tagKind());
    c10::intrusive_ptr<c10::ivalue::Future> f = future->ivalue.toFuture();
    f->wait();
    if (f->hasError())
      return fail(TSC_ERROR, f->tryRetrieveErrorMessage());
    *out = newValue(f->value());
    return TSC_OK;
  });
}

int32_t tsc_list_unpack(tsc_value_t *list, int64_t n, tsc_value_t **out) {
  TSC_REQUIRE(list);
  if (n > 0)
    TSC_REQUIRE(out);
  return guard([&] {
    TORCH_CHECK(list->ivalue.isList(), "expected a list, got ",
                list->ivalue.tagKind());
    auto l = list->ivalue.toListRef();
    if (static_cast<int64_t>(l.size()) != n)
      return fail(TSC_ERROR, "Expected " + std::to_string(n) +
                                 " elements in a list but found " +
                                 std::to_string(l.size()));
    for (int64_t i = 0; i < n; ++i)
      out[i] = newValue(l[i]);
    return TSC_OK;
  });
}

int32_t tsc_tuple_construct(tsc_value_t *const *elements, int64_t n,
                            tsc_value_t **out) {
  TSC_REQUIRE(out);
  if (n > 0)
    TSC_REQUIRE(elements);
  return guard([&] {
    std::vector<c10::IValue> items;
    items.reserve(n);
    for (int64_t i = 0; i < n; ++i)
      items.push_back(elements[i]->ivalue);
    *out = newValue(c10::ivalue::Tuple::create(std::move(items)));
    return TSC_OK;
  });
}

int32_t tsc_tuple_unpack(tsc_value_t *tuple, int64_t n, tsc_value_t **out) {
  TSC_REQUIRE(tuple);
  if (n > 0)
    TSC_REQUIRE(out);
  return guard([&] {
    TORCH_CHECK(tuple->ivalue.isTuple(), "expected a tuple, got ",
                tuple->ivalue.tagKind());
    const auto &items = tuple->ivalue.toTupleRef().elements();
    TORCH_CHECK(static_cast<int64_t>(items.size()) == n, "expected a tuple of ",
                n, " elements, got ", items.size());
    for (int64_t i = 0; i < n; ++i)
      out[i] = newValue(items[i]);
    return TSC_OK;
  });
}

int32_t tsc_tuple_index(tsc_value_t *tuple, int64_t index, tsc_value_t **out) {
  TSC_REQUIRE(tuple);
  TSC_REQUIRE(out);
  return guard([&] {
    TORCH_CHECK(tuple->ivalue.isTuple(), "expected a tuple, got ",
                tuple->ivalue.tagKind());
    const auto &items = tuple->ivalue.toTupleRef().elements();
    int64_t size = static_cast<int64_t>(items.size());
    int64_t i = index < 0 ? index + size : index;
    if (i < 0 || i >= size)
      return fail(TSC_ERROR, "tuple index out of range");
    *out = newValue(items[i]);
    return TSC_OK;
  });
}

} // extern "C"

int32_t tsc_dict_construct(void **cache, const char *type,
                           tsc_value_t *const *keysAndValues, int64_t n,
                           tsc_value_t **out) {
  TSC_REQUIRE(cache);
  TSC_REQUIRE(type);
  TSC_REQUIRE(out);
  if (n > 0)
    TSC_REQUIRE(keysAndValues);
  return guard([&] {
    TORCH_CHECK(n % 2 == 0, "a dict needs a value for every key");
    const c10::TypePtr &t = callSiteType(cache, type);
    TORCH_CHECK(t->kind() == c10::TypeKind::DictType,
                "cannot make a dict of type ", type);
    const auto &d = t->expectRef<c10::DictType>();
    c10::impl::GenericDict dict(d.getKeyType(), d.getValueType());
    dict.reserve(n / 2);
    // Later keys overwrite earlier ones, as in a Python dict literal.
    for (int64_t i = 0; i < n; i += 2)
      dict.insert_or_assign(keysAndValues[i]->ivalue,
                            keysAndValues[i + 1]->ivalue);
    *out = newValue(c10::IValue(std::move(dict)));
    return TSC_OK;
  });
}

int32_t tsc_isinstance(void **cache, const char *type, tsc_value_t *value,
                       int8_t *out) {
  TSC_REQUIRE(cache);
  TSC_REQUIRE(type);
  TSC_REQUIRE(value);
  TSC_REQUIRE(out);
  return guard([&] {
    *out = isValueOf(value->ivalue, *callSiteType(cache, type)) ? 1 : 0;
    return TSC_OK;
  });
}
