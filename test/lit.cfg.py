# -*- Python -*-
# lit configuration of tsc's tests.

import os
import lit.formats
from lit.llvm import llvm_config

config.name = "TSC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tsc_obj_root, "test")

llvm_config.use_default_substitutions()
# `not` and FileCheck at the start of a RUN line need the tools on PATH.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.tsc_tools_dir, append_path=True)
llvm_config.add_tool_substitutions(
    ["tsc-opt", "tsc", "tsc-generate-ods", "llvm-nm"],
    [config.tsc_tools_dir, config.llvm_tools_dir])

# Compiled models run under LeakSanitizer (GCC's standalone runtime,
# preloaded: nothing is rebuilt for it): every tsc-run and every program
# linked with a model fails with exit code 23 and a report if memory it
# allocated is unreachable at exit. %run prefixes those programs.
lsan = "/usr/lib/x86_64-linux-gnu/liblsan.so.0"
if os.path.exists(lsan):
    run_prefix = "env LD_PRELOAD=%s LSAN_OPTIONS=exitcode=23" % lsan
    config.available_features.add("lsan")
    config.environment["TSC_LSAN_PRELOAD"] = lsan
else:
    run_prefix = "env"
    lit_config.note("liblsan.so.0 not found: compiled models run without "
                    "leak checking")
config.substitutions.append(("%run", run_prefix))
config.substitutions.append(("%lsan_library", lsan))
# The tool tsc-run wherever a RUN line names it (not a path or file name
# that contains the word).
config.substitutions.append(
    (r"(?<![\w/.-])tsc-run(?= )",
     "%s %s" % (run_prefix, os.path.join(config.tsc_tools_dir, "tsc-run"))))

# Fixture scripts run with Debian's Python, which has torch.
config.substitutions.append(("%torch_python", config.torch_python))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%utils", os.path.join(config.tsc_src_root, "utils")))
config.substitutions.append(("%cxx", config.cxx))
# Compiling and linking a C++ program against a compiled model.
config.substitutions.append(
    ("%link_model",
     "%s -std=c++17 -O1 -I%s/include %s -o" %
     (config.cxx, config.tsc_src_root, config.torch_include_flags)))
config.substitutions.append(
    ("%model_libs",
     "-L%s -ltsc_runtime -Wl,-rpath,%s -L%s -ltorch -ltorch_cpu -lc10 -Wl,-rpath,%s" %
     (config.tsc_lib_dir, config.tsc_lib_dir, config.torch_lib_dir, config.torch_lib_dir)))

if config.tsc_enable_torch and config.torch_python:
    config.available_features.add("torch")
if config.ptxas:
    config.available_features.add("ptxas")
