// The runtime's entry points for dicts, isinstance, objects and `with`
// blocks, called directly: what compiled code relies on, and the errors bad
// calls get (never a crash). Call-site caches are static, as in compiled
// code: the runtime keeps what it puts there for the life of the process.
#include "tsc/Runtime/tsc_runtime.h"

#include <iostream>

static void report(const char *what, int32_t status) {
  std::cout << what << ": status " << status;
  if (status != TSC_OK)
    std::cout << ": " << tsc_last_error();
  std::cout << "\n";
}

int main() {
  tsc_value_t *k = nullptr, *v = nullptr, *d = nullptr;
  tsc_value_make_int(1, &k);
  tsc_value_make_int(2, &v);
  tsc_value_t *kv[2] = {k, v};
  static void *dictSite = nullptr;
  report("dict", tsc_dict_construct(&dictSite, "Dict[int, int]", kv, 2, &d));
  report("dict odd",
         tsc_dict_construct(&dictSite, "Dict[int, int]", kv, 1, &d));
  static void *badDictSite = nullptr;
  report("dict of a list type",
         tsc_dict_construct(&badDictSite, "List[int]", kv, 2, &d));

  int8_t is = -1;
  static void *intSite = nullptr, *strSite = nullptr, *badSite = nullptr;
  report("isinstance int", tsc_isinstance(&intSite, "int", k, &is));
  std::cout << "1 is int: " << int(is) << "\n";
  tsc_isinstance(&strSite, "str", k, &is);
  std::cout << "1 is str: " << int(is) << "\n";
  report("isinstance bad type", tsc_isinstance(&badSite, "NoSuch[", k, &is));
  report("isinstance null", tsc_isinstance(&intSite, "int", nullptr, &is));

  const char *names[2] = {"total", "steps"};
  const char *types[2] = {"Tensor", "int"};
  static void *objSite = nullptr;
  tsc_value_t *obj = nullptr, *got = nullptr;
  report("object",
         tsc_object_create(&objSite, "__torch__.Acc", names, types, 2, &obj));
  report("set steps", tsc_object_set_attr(obj, "steps", v));
  report("get steps", tsc_object_get_attr(obj, "steps", &got));
  int64_t steps = 0;
  tsc_value_get_int(got, &steps);
  std::cout << "steps = " << steps << "\n";
  tsc_value_release(got);
  report("get missing", tsc_object_get_attr(obj, "nope", &got));
  report("get on an int", tsc_object_get_attr(k, "steps", &got));

  // Another model in the process may use the same class name for another
  // layout: it gets a class of its own.
  const char *otherNames[1] = {"count"};
  const char *otherTypes[1] = {"float"};
  static void *otherSite = nullptr;
  tsc_value_t *other = nullptr, *f = nullptr;
  tsc_value_make_float(1.5, &f);
  report("other layout", tsc_object_create(&otherSite, "__torch__.Acc",
                                           otherNames, otherTypes, 1, &other));
  report("set count", tsc_object_set_attr(other, "count", f));
  report("first class unchanged", tsc_object_set_attr(obj, "steps", v));

  tsc_value_t *none = nullptr;
  report("enter a non-context-manager", tsc_context_enter(obj, &none));

  for (tsc_value_t *h : {k, v, d, obj, other, f})
    tsc_value_release(h);
  return 0;
}
