//===- tsc-run.cpp - run a compiled model through its boxed entry point ---===//
//
//   tsc-run model.so [--method forward] --inputs in.pt [--output out.pt]
//           [--compare model.pt] [--calls N] [--threads N,M,...] [--repeat N]
//           [--concurrent N]
//
// The model is loaded once (`<name>_load`); --calls runs the method several
// times on that instance, so that module state carries from call to call.
// in.pt is what Python's torch.save(args_tuple, "in.pt") writes; out.pt is
// readable by torch.load. --compare runs the same method of the archive (or
// .py source) with LibTorch's TorchScript interpreter on the same inputs and
// prints per output the max absolute and relative error; the exit status is
// 0 only if everything matches within --rtol/--atol. --threads sets ATen's
// thread count (and OpenBLAS's) before each call, in turn from the list
// (the runtime keeps
// per-thread-count state, oneDNN's primitives for one). --concurrent then
// calls the same instance from N threads at once, --calls times each, and
// checks every result against one call made alone (per-thread state, such
// as the arenas of -tsc-plan-memory, must keep the threads apart); for
// methods that change neither their arguments nor module state.
//
//===----------------------------------------------------------------------===//

#include "Compare.h"
#include "CompiledModel.h"
#include "PickleCompat.h"
#include "Threads.h"
#include "tsc/Runtime/tsc_runtime.h"

#include <ATen/Parallel.h>
#include <torch/csrc/jit/serialization/import.h>
#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/jit.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <dlfcn.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

namespace {

struct Options {
  std::string model;
  std::string name;
  std::string method = "forward";
  std::string inputs;
  std::string output;
  std::string compare;
  int repeat = 0;
  int calls = 1;
  int concurrent = 0;
  std::vector<int> threads;
  tsc::Tolerance tol;
};

int fail(const std::string &message) {
  std::cerr << "tsc-run: error: " << message << "\n";
  return 1;
}

/// The model name tsc derives from a file name ("libmy-cell.so" -> "my_cell").
std::string nameFromPath(const std::string &path) {
  std::string base = path.substr(path.find_last_of('/') + 1);
  base = base.substr(0, base.find('.'));
  if (base.rfind("lib", 0) == 0 && base.size() > 3)
    base = base.substr(3);
  for (char &c : base)
    if (!isalnum(static_cast<unsigned char>(c)))
      c = '_';
  if (base.empty() || isdigit(static_cast<unsigned char>(base[0])))
    base = "m_" + base;
  return base;
}

/// While alive, LeakSanitizer (when the test suite preloads it) ignores
/// what this thread allocates: the interpreter's own allocations. LibTorch
/// 1.13 leaks a reference cycle when it loads an archive with a module
/// interface, and that is not ours to report; the compiled model and the
/// runtime stay checked.
class IgnoreLeaks {
public:
  IgnoreLeaks() {
    if (auto disable =
            reinterpret_cast<void (*)()>(dlsym(RTLD_DEFAULT, "__lsan_disable")))
      disable();
  }
  ~IgnoreLeaks() {
    if (auto enable =
            reinterpret_cast<void (*)()>(dlsym(RTLD_DEFAULT, "__lsan_enable")))
      enable();
  }
};

/// Runs the reference: the archive's method or the source's function.
std::function<c10::IValue(const std::vector<c10::IValue> &)>
loadReference(const std::string &path, const std::string &method) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".py") == 0) {
    std::ifstream in(path);
    std::stringstream src;
    src << in.rdbuf();
    auto cu = torch::jit::compile(src.str());
    return [cu, method](const std::vector<c10::IValue> &args) {
      return cu->get_function(method)(args);
    };
  }
  auto module = std::make_shared<torch::jit::Module>(torch::jit::load(path));
  module->eval();
  return [module, method](const std::vector<c10::IValue> &args) {
    return module->get_method(method)(args);
  };
}

double medianMs(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

template <typename Fn> double timeMs(Fn &&fn) {
  auto t0 = std::chrono::steady_clock::now();
  fn();
  auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

/// --concurrent: o.concurrent threads call the instance o.calls times each
/// at once, thread t with the float tensor arguments scaled by 1 + t / 8
/// (so that threads sharing memory they should not would see each other's
/// values); every result must match a call made alone with the same
/// arguments. Prints one line.
bool runConcurrently(const Options &o, tsc::CompiledModel &compiled,
                     const std::vector<c10::IValue> &args) {
  std::vector<std::vector<c10::IValue>> threadArgs;
  std::vector<c10::IValue> alone;
  for (int t = 0; t < o.concurrent; ++t) {
    std::vector<c10::IValue> scaled;
    for (const c10::IValue &a : args)
      scaled.push_back(a.isTensor() && a.toTensor().is_floating_point()
                           ? c10::IValue(a.toTensor().mul(1.0 + t / 8.0))
                           : a);
    alone.push_back(compiled.call(o.method, scaled));
    threadArgs.push_back(std::move(scaled));
  }
  std::atomic<int> mismatches{0}, failures{0};
  std::mutex firstErrorMutex;
  std::string firstError;
  std::vector<std::thread> threads;
  for (int t = 0; t < o.concurrent; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < o.calls; ++i) {
        try {
          c10::IValue result = compiled.call(o.method, threadArgs[t]);
          std::ostringstream details;
          if (!tsc::compareValues(result, alone[t], o.tol, "", details))
            ++mismatches;
        } catch (const std::exception &e) {
          std::lock_guard<std::mutex> lock(firstErrorMutex);
          if (failures++ == 0)
            firstError = e.what();
        }
      }
    });
  for (std::thread &t : threads)
    t.join();
  int total = o.concurrent * o.calls;
  std::cout << "concurrent: " << o.concurrent << " threads, " << total
            << " calls: ";
  if (failures)
    std::cout << failures << " failed (" << firstError << ")\n";
  else if (mismatches)
    std::cout << mismatches << " MISMATCH the call made alone\n";
  else
    std::cout << "all match the call made alone\n";
  return !failures && !mismatches;
}

int runTool(const Options &o) {
  std::string name = o.name.empty() ? nameFromPath(o.model) : o.name;
  std::unique_ptr<tsc::CompiledModel> compiled;
  try {
    compiled = std::make_unique<tsc::CompiledModel>(o.model, name);
  } catch (const std::exception &e) {
    return fail(e.what());
  }
  if (!compiled->hasMethod(o.method))
    return fail("the model has no method '" + o.method + "'");

  std::vector<c10::IValue> args;
  try {
    args = tsc::loadArguments(o.inputs);
  } catch (const c10::Error &e) {
    return fail("cannot read inputs '" + o.inputs +
                "': " + e.what_without_backtrace());
  } catch (const std::exception &e) {
    return fail("cannot read inputs '" + o.inputs + "': " + e.what());
  }
  compiled->retypeArguments(o.method, args);

  std::function<c10::IValue(const std::vector<c10::IValue> &)> reference;
  if (!o.compare.empty()) {
    try {
      IgnoreLeaks interpreter;
      reference = loadReference(o.compare, o.method);
    } catch (const c10::Error &e) {
      return fail(std::string("cannot load the reference: ") +
                  e.what_without_backtrace());
    } catch (const std::exception &e) {
      return fail(std::string("cannot load the reference: ") + e.what());
    }
  }
  // Each call: the compiled method, then (with --compare) the reference on
  // its own deep copy of the inputs, so that a method that changes its
  // arguments in place sees the same values on both sides. Both keep their
  // module state from call to call.
  bool ok = true;
  for (int call = 0; call < o.calls; ++call) {
    if (!o.threads.empty())
      tsc::setThreadCount(o.threads[call % o.threads.size()]);
    std::vector<c10::IValue> refArgs;
    if (reference)
      for (const c10::IValue &a : args)
        refArgs.push_back(a.deepcopy());
    c10::IValue result;
    try {
      result = compiled->call(o.method, args);
    } catch (const std::exception &e) {
      return fail(o.method + "() failed: " + e.what());
    }
    std::string prefix =
        o.calls > 1 ? "call " + std::to_string(call + 1) + ": " : "";
    if (!o.output.empty()) {
      std::vector<char> bytes = torch::jit::pickle_save(result);
      std::ofstream out(o.output, std::ios::binary);
      out.write(bytes.data(), bytes.size());
      if (!out)
        return fail("cannot write '" + o.output + "'");
    } else if (!reference) {
      std::cout << prefix << result << "\n";
    }
    if (!reference)
      continue;
    try {
      c10::IValue want;
      {
        IgnoreLeaks interpreter;
        want = reference(refArgs);
      }
      bool match =
          tsc::compareValues(result, want, o.tol, prefix + "output", std::cout);
      // Arguments the method changed in place, and results that alias
      // arguments, must be the interpreter's too.
      for (size_t i = 0; i < args.size(); ++i)
        match &= tsc::compareValues(args[i], refArgs[i], o.tol,
                                    prefix + "argument " + std::to_string(i) +
                                        " after the call",
                                    std::cout);
      std::vector<int> gotAlias = tsc::getAliasPattern(result, args),
                       wantAlias = tsc::getAliasPattern(want, refArgs);
      if (gotAlias != wantAlias) {
        std::cout << prefix << "aliasing: MISMATCH: result tensors alias "
                  << "argument tensors as [" << c10::Join(", ", gotAlias)
                  << "], the interpreter's as [" << c10::Join(", ", wantAlias)
                  << "] (-1: none)\n";
        match = false;
      }
      ok = ok && match;
      std::cout << prefix << (match ? "match" : "MISMATCH") << " (rtol "
                << o.tol.rtol << ", atol " << o.tol.atol << ")\n";
    } catch (const c10::Error &e) {
      return fail(std::string("reference run failed: ") +
                  e.what_without_backtrace());
    } catch (const std::exception &e) {
      return fail(std::string("reference run failed: ") + e.what());
    }
  }

  if (o.concurrent > 0 && !runConcurrently(o, *compiled, args))
    ok = false;

  if (o.repeat > 0) {
    std::vector<double> compiledMs, interp;
    try {
      for (int i = 0; i < o.repeat; ++i) {
        // A model compiled for CUDA returns with its kernels queued: the
        // time is until the GPU has run them.
        compiledMs.push_back(timeMs([&] {
          compiled->call(o.method, args);
          if (tsc_cuda_synchronize() != TSC_OK)
            throw std::runtime_error(tsc_last_error());
        }));
        if (reference)
          interp.push_back(timeMs([&] { reference(args); }));
      }
    } catch (const std::exception &e) {
      return fail(std::string("timed run failed: ") + e.what());
    }
    std::cout << "compiled: median " << medianMs(compiledMs) << " ms over "
              << o.repeat << " calls\n";
    if (reference)
      std::cout << "interpreter: median " << medianMs(interp) << " ms over "
                << o.repeat << " calls\n";
  }
  return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  CLI::App app{"tsc-run: run a model compiled by tsc (--emit=shared)"};
  Options o;
  app.add_option("model", o.model, "Shared library made by tsc --emit=shared")
      ->required();
  app.add_option("--name", o.name,
                 "The model's --name (default: from the file name)");
  app.add_option("--method", o.method, "Method to run (default forward)");
  app.add_option("--inputs", o.inputs,
                 "torch.save'd tuple of positional arguments")
      ->required();
  app.add_option("--output", o.output,
                 "Write the result here (torch.load-able)");
  app.add_option("--compare", o.compare,
                 "Also run this archive (or .py) with LibTorch's interpreter "
                 "and compare");
  app.add_option("--calls", o.calls,
                 "Call the method this many times on one loaded instance "
                 "(default 1); with --compare, each result is compared")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--threads", o.threads,
                 "ATen's (and OpenBLAS's) thread count for each call, in "
                 "turn (1,2: the first call on one thread, the second on "
                 "two, ...)")
      ->delimiter(',')
      ->check(CLI::Range(1, 1024));
  app.add_option("--concurrent", o.concurrent,
                 "Then call the instance from this many threads at once, "
                 "--calls times each, comparing with a call made alone")
      ->check(CLI::Range(1, 256));
  app.add_option("--repeat", o.repeat, "Time this many calls (median)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--rtol", o.tol.rtol, "Relative tolerance (default 1e-5)");
  app.add_option("--atol", o.tol.atol, "Absolute tolerance (default 1e-6)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    return fail(e.what());
  }
  try {
    return runTool(o);
  } catch (const c10::Error &e) {
    return fail(e.what_without_backtrace());
  } catch (const std::exception &e) {
    return fail(e.what());
  }
}
