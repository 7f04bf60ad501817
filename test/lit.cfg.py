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
    ["tsc-opt", "tsc", "tsc-generate-ods", "llvm-nm", "tsc-cuda-kernel-run"],
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
# The runtime was built with ideep/oneDNN's headers: convolutions apply
# their post-ops in oneDNN (otherwise one operator after the other).
if config.tsc_have_ideep:
    config.available_features.add("ideep")
# The CPU has oneDNN's "avx512_core" ISA (AVX-512 F, CD, BW, DQ and VL):
# oneDNN then has kernels, Winograd's among them, that it lacks otherwise.
try:
    with open("/proc/cpuinfo") as cpuinfo:
        flags = next((line.split(":", 1)[1].split() for line in cpuinfo
                      if line.startswith("flags")), [])
except OSError:
    flags = []
if all("avx512" + f in flags for f in ("f", "cd", "bw", "dq", "vl")):
    config.available_features.add("avx512-core")
# PTX is assembled with CUDA's ptxas where it is installed: `ptxas`, and
# `ptxas-sm_XX` for each architecture this ptxas accepts (CUDA 13 dropped
# those before sm_75).
if config.ptxas:
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", config.ptxas))
    import subprocess
    import tempfile
    accepted = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.ptx")
        for arch in ["sm_70", "sm_72", "sm_75", "sm_80", "sm_86", "sm_87",
                     "sm_89", "sm_90"]:
            with open(empty, "w") as f:
                f.write(".version 7.8\n.target %s\n.address_size 64\n" % arch)
            if subprocess.run([config.ptxas, "-arch=" + arch, empty, "-o",
                               os.path.join(tmp, "empty.cubin")],
                              stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0:
                config.available_features.add("ptxas-" + arch)
                accepted.append(arch)
    lit_config.note("ptxas %s assembles PTX for %s" %
                    (config.ptxas, " ".join(accepted) or "no architecture"))
else:
    lit_config.note("no ptxas in /usr/local/cuda/bin: the tests that "
                    "assemble PTX are skipped")
# A usable CUDA device: the GPU kernels run in the execution tests.
probe = os.path.join(config.tsc_tools_dir, "tsc-cuda-kernel-run")
if os.path.exists(probe):
    import subprocess
    result = subprocess.run([probe, "--probe"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    if result.returncode == 0:
        config.available_features.add("cuda-gpu")
    else:
        lit_config.note("GPU execution tests skipped: " + result.stdout.strip())
