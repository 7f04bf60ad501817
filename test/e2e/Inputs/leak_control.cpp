// The leak check's control: with an argument, drops a runtime handle
// without releasing it (LeakSanitizer must report it); without, releases
// it (no report).
#include "tsc/Runtime/tsc_runtime.h"

#include <cstdio>

int main(int argc, char **argv) {
  tsc_value_t *v = nullptr;
  if (tsc_value_make_str("leaked?", 7, &v) != TSC_OK)
    return 1;
  if (argc < 2)
    tsc_value_release(v);
  v = nullptr;
  std::puts("done");
  return 0;
}
