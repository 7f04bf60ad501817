//===- tsc-bench.cpp - compiled models against the TorchScript interpreter ===//
//
//   tsc-bench DIR [--models a,b,...] [--threads 1,2] [--rounds 5]
//             [--calls 20] [--warmup 3]
//   tsc-bench DIR --models NAME --rss compiled|interpreter
//
// For each model DIR/NAME.so (compiled by tsc --emit=shared) with its
// archive DIR/NAME.pt and inputs DIR/NAME.inputs.pt, and each thread count
// (set for ATen and for OpenBLAS), times three sides in one process: the
// compiled object, LibTorch's interpreter on the archive, and the
// interpreter on the frozen archive after optimize_for_inference. The sides
// take turns, round after round (a round times --calls calls of each side);
// the figures are medians over all timed calls, with minor page faults per
// call. A STREAM triad over arrays far larger than the caches gives the
// memory bandwidth ceiling, measured in the same run; elementwise models
// report their achieved bandwidth against it. Prints Markdown tables.
//
//===----------------------------------------------------------------------===//

#include "Compare.h"
#include "CompiledModel.h"
#include "PickleCompat.h"
#include "Threads.h"
#include "tsc/Runtime/tsc_runtime.h"

#include <ATen/Parallel.h>
#include <torch/script.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/resource.h>
#include <thread>

namespace {

struct Options {
  std::string rssSide; // --rss: "compiled" or "interpreter"
  std::string dir;
  std::vector<std::string> models;
  std::vector<int> threads{1, 2};
  int rounds = 5;
  int calls = 20;
  int warmup = 3;
};

double nowMs() {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

long minorFaults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

double median(std::vector<double> v) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// STREAM's triad a[i] = b[i] + s * c[i] on `threads` threads: the best of
/// 10 runs, in GB/s counting 24 bytes per element (no write allocate), as
/// STREAM does.
double triadGBs(int threads) {
  const size_t n = size_t(1) << 24; // 3 x 128 MB
  std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
  double best = 1e30;
  for (int rep = 0; rep < 10; ++rep) {
    double t0 = nowMs();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        size_t lo = n * t / threads, hi = n * (t + 1) / threads;
        for (size_t i = lo; i < hi; ++i)
          a[i] = b[i] + 3.0 * c[i];
      });
    for (std::thread &th : pool)
      th.join();
    best = std::min(best, nowMs() - t0);
  }
  if (a[n / 2] != 7.0) // keep the loop
    std::abort();
  return 24.0 * n / (best * 1e6);
}

/// One way of running a model.
struct Side {
  std::string name;
  std::function<c10::IValue()> call;
  std::vector<double> ms;
  long faults = 0;
  long timedCalls = 0;
  std::string error;
};

/// Bytes an elementwise model reads and writes per call: its tensor inputs
/// and outputs, each once.
double tensorBytes(const c10::IValue &v) {
  if (v.isTensor())
    return v.toTensor().nbytes();
  double sum = 0;
  if (v.isTuple())
    for (const c10::IValue &e : v.toTupleRef().elements())
      sum += tensorBytes(e);
  if (v.isList())
    for (const c10::IValue &e : v.toListRef())
      sum += tensorBytes(e);
  return sum;
}

bool isElementwise(const std::string &name) {
  return name.find("_chain") != std::string::npos;
}

struct Result {
  std::string model;
  int threads;
  double compiled, interp, frozen; // ms
  double faultsCompiled, faultsFrozen;
  double gbs = 0; // achieved by the compiled model (elementwise only)
  std::string note;
};

Result benchModel(const Options &o, const std::string &name, int threads) {
  Result r{name, threads, 0, 0, 0, 0, 0, 0, ""};
  std::string base = o.dir + "/" + name;
  std::vector<c10::IValue> args = tsc::loadArguments(base + ".inputs.pt");
  tsc::CompiledModel compiled(base + ".so", name);
  compiled.retypeArguments("forward", args);

  std::vector<Side> sides(3);
  sides[0].name = "compiled";
  sides[1].name = "interpreter";
  sides[2].name = "frozen";

  sides[0].call = [&] { return compiled.call("forward", args); };
  c10::IValue first = sides[0].call();

  torch::jit::Module module = torch::jit::load(base + ".pt");
  module.eval();
  sides[1].call = [&] { return module.forward(args); };
  sides[1].call();

  torch::jit::Module frozen;
  try {
    torch::jit::Module f = torch::jit::freeze(module);
    frozen = torch::jit::optimize_for_inference(f);
    sides[2].call = [&] { return frozen.forward(args); };
    sides[2].call();
  } catch (const std::exception &e) {
    sides[2].error = e.what();
    sides[2].call = nullptr;
    r.note = "freeze/optimize_for_inference failed";
  }

  // Same results before timing anything.
  {
    tsc::Tolerance tol{1e-4, 1e-5};
    std::ostringstream sink;
    if (!tsc::compareValues(first, sides[1].call(), tol, "output", sink))
      r.note += (r.note.empty() ? "" : "; ") +
                std::string("compiled result differs from the interpreter");
  }

  for (Side &s : sides)
    if (s.call)
      for (int i = 0; i < o.warmup; ++i)
        s.call();
  for (int round = 0; round < o.rounds; ++round)
    for (Side &s : sides) {
      if (!s.call)
        continue;
      long f0 = minorFaults();
      for (int i = 0; i < o.calls; ++i) {
        double t0 = nowMs();
        s.call();
        s.ms.push_back(nowMs() - t0);
      }
      s.faults += minorFaults() - f0;
      s.timedCalls += o.calls;
    }

  r.compiled = median(sides[0].ms);
  r.interp = median(sides[1].ms);
  r.frozen = sides[2].call ? median(sides[2].ms) : 0;
  r.faultsCompiled = double(sides[0].faults) / sides[0].timedCalls;
  r.faultsFrozen =
      sides[2].call ? double(sides[2].faults) / sides[2].timedCalls : 0;
  if (isElementwise(name)) {
    double bytes = 0;
    for (const c10::IValue &a : args)
      bytes += tensorBytes(a);
    bytes += tensorBytes(first);
    r.gbs = bytes / (r.compiled * 1e6);
  }
  return r;
}

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

/// --rss SIDE: in a process of its own, loads one model on one side only
/// (the compiled object, or the interpreter on the archive), calls it 5
/// times and prints the process's peak resident set in MB: what a loaded
/// model costs, weights included.
int peakRss(const Options &o, const std::string &name) {
  std::string base = o.dir + "/" + name;
  std::vector<c10::IValue> args = tsc::loadArguments(base + ".inputs.pt");
  if (o.rssSide == "compiled") {
    tsc::CompiledModel compiled(base + ".so", name);
    compiled.retypeArguments("forward", args);
    for (int i = 0; i < 5; ++i)
      compiled.call("forward", args);
  } else {
    torch::jit::Module module = torch::jit::load(base + ".pt");
    module.eval();
    for (int i = 0; i < 5; ++i)
      module.forward(args);
  }
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  std::cout << fixed(u.ru_maxrss / 1024.0, 1) << "\n";
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  Options o;
  std::string models, threads;
  CLI::App app{"tsc-bench: compiled models against the TorchScript "
               "interpreter, in one process"};
  app.add_option("dir", o.dir,
                 "Directory with NAME.so, NAME.pt and NAME.inputs.pt")
      ->required();
  app.add_option("--models", models, "Comma-separated model names");
  app.add_option("--threads", threads,
                 "Comma-separated thread counts "
                 "(default 1,2)");
  app.add_option("--rounds", o.rounds, "Rounds of interleaved timing");
  app.add_option("--calls", o.calls, "Timed calls per side and round");
  app.add_option("--warmup", o.warmup, "Untimed calls per side first");
  app.add_option("--rss", o.rssSide,
                 "Only print the peak RSS (MB) of loading the one model "
                 "given and calling it 5 times on this side")
      ->check(CLI::IsMember({"compiled", "interpreter"}));
  CLI11_PARSE(app, argc, argv);
  auto split = [](const std::string &s) {
    std::vector<std::string> parts;
    std::stringstream in(s);
    for (std::string p; std::getline(in, p, ',');)
      if (!p.empty())
        parts.push_back(p);
    return parts;
  };
  o.models = split(models);
  if (!threads.empty()) {
    o.threads.clear();
    for (const std::string &t : split(threads))
      o.threads.push_back(std::stoi(t));
  }
  if (o.models.empty()) {
    std::cerr << "tsc-bench: error: no models (--models)\n";
    return 1;
  }
  torch::NoGradGuard noGrad;
  if (!o.rssSide.empty()) {
    try {
      return peakRss(o, o.models.front());
    } catch (const std::exception &e) {
      std::cerr << "tsc-bench: " << e.what() << "\n";
      return 1;
    }
  }

  std::vector<Result> results;
  std::map<int, double> triad;
  for (int t : o.threads) {
    tsc::setThreadCount(t);
    triad[t] = triadGBs(t);
    for (const std::string &m : o.models) {
      try {
        results.push_back(benchModel(o, m, t));
      } catch (const std::exception &e) {
        std::cerr << "tsc-bench: " << m << ": " << e.what() << "\n";
        return 1;
      }
      const Result &r = results.back();
      std::cerr << m << " @" << t << ": compiled " << r.compiled
                << " ms, frozen " << r.frozen << " ms\n";
    }
  }

  std::cout << "| threads | triad GB/s |\n|---|---|\n";
  for (auto [t, g] : triad)
    std::cout << "| " << t << " | " << fixed(g, 1) << " |\n";
  std::cout << "\n| model | threads | compiled ms | interpreter ms | frozen "
               "ms | vs interpreter | vs frozen | faults/call compiled | "
               "faults/call frozen | GB/s (% triad) | note |\n"
            << "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const Result &r : results) {
    std::cout << "| " << r.model << " | " << r.threads << " | "
              << fixed(r.compiled, 3) << " | " << fixed(r.interp, 3) << " | "
              << (r.frozen ? fixed(r.frozen, 3) : "n/a") << " | "
              << fixed(r.interp / r.compiled, 2) << "x | "
              << (r.frozen ? fixed(r.frozen / r.compiled, 2) + "x" : "n/a")
              << " | " << fixed(r.faultsCompiled, 1) << " | "
              << fixed(r.faultsFrozen, 1) << " | ";
    if (r.gbs > 0)
      std::cout << fixed(r.gbs, 1) << " ("
                << fixed(100 * r.gbs / triad[r.threads], 0) << " %)";
    std::cout << " | " << r.note << " |\n";
  }
  return 0;
}
