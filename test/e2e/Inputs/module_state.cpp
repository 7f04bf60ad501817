// Module state per loaded instance: two instances of the compiled
// module_state_submodule and two modules loaded by the interpreter run the
// same sequence of forward/reset calls; every result must agree, and the
// instances must not see each other's state.
#include "state.h"

#include <torch/script.h>

#include <iostream>

using Result = std::tuple<at::Tensor, int64_t, c10::optional<double>>;

static bool same(const Result &got, const c10::IValue &want) {
  const auto &w = want.toTupleRef().elements();
  return std::get<0>(got).allclose(w[0].toTensor()) &&
         std::get<1>(got) == w[1].toInt() &&
         std::get<2>(got).has_value() == !w[2].isNone() &&
         (!std::get<2>(got) || std::abs(*std::get<2>(got) - w[2].toDouble()) <=
                                   1e-5 * std::abs(w[2].toDouble()) + 1e-6);
}

int main(int argc, char **argv) {
  torch::jit::Module refA = torch::jit::load(argv[1]);
  torch::jit::Module refB = torch::jit::load(argv[1]);
  refA.eval();
  refB.eval();
  state::Model a, b;
  int mismatches = 0;
  torch::manual_seed(0);
  // (instance, method): forward on a three times, on b once, reset a,
  // forward on both again.
  const char *script[] = {"a.forward", "a.forward", "b.forward", "a.forward",
                          "a.reset",   "a.forward", "b.forward"};
  for (const char *step : script) {
    bool onA = step[0] == 'a';
    state::Model &m = onA ? a : b;
    torch::jit::Module &ref = onA ? refA : refB;
    if (std::string(step + 2) == "reset") {
      int64_t got = m.reset();
      int64_t want = ref.get_method("reset")({}).toInt();
      std::cout << step << ": " << got << (got == want ? "" : " MISMATCH")
                << "\n";
      mismatches += got != want;
      continue;
    }
    at::Tensor x = torch::randn({2, 3});
    Result got = m.forward(x);
    c10::IValue want = ref.forward({x});
    bool ok = same(got, want);
    std::cout << step << ": calls so far " << std::get<1>(got)
              << (ok ? ", match" : ", MISMATCH") << "\n";
    mismatches += !ok;
  }
  return mismatches ? 1 : 0;
}
