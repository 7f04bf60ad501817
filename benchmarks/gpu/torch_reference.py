"""torch_reference.py DIR: on the GPU machine, times the TorchScript archives
that prepare.sh wrote (gelu_chain, swish_chain, layernorm_chain) under the
installed PyTorch's TorchScript interpreter on CUDA, at the sizes run.sh
times tsc's kernels: plain, and frozen + optimize_for_inference. Per size:
the median time per call (rounds of back-to-back calls between CUDA
events), and the GPU time of the kernels each call runs (torch.profiler).
Also a device-to-device copy of 256 MiB: the bandwidth ceiling."""
import os
import sys

import torch
from torch.profiler import ProfilerActivity, profile

ROUNDS, CALLS = 7, 200


def per_call_us(fn):
    start, stop = torch.cuda.Event(True), torch.cuda.Event(True)
    times = []
    for _ in range(ROUNDS):
        start.record()
        for _ in range(CALLS):
            fn()
        stop.record()
        stop.synchronize()
        times.append(start.elapsed_time(stop) * 1e3 / CALLS)
    return sorted(times)[len(times) // 2]


def kernel_us(fn, calls=50):
    with profile(activities=[ProfilerActivity.CUDA]) as prof:
        for _ in range(calls):
            fn()
        torch.cuda.synchronize()
    total, names = 0.0, set()
    for e in prof.key_averages():
        t = getattr(e, "self_device_time_total", None)
        if t is None:
            t = getattr(e, "self_cuda_time_total", 0)
        if t > 0:
            total += t
            names.add(e.key)
    return total / calls, sorted(names)


def main(d):
    print("PyTorch %s on %s; TorchScript fusers: texpr %s, can fuse on GPU %s"
          % (torch.__version__, torch.cuda.get_device_name(),
             torch._C._jit_texpr_fuser_enabled(),
             torch._C._jit_can_fuse_on_gpu()))
    x = torch.empty(1 << 26, device="cuda")
    y = torch.empty_like(x)
    us = per_call_us(lambda: y.copy_(x))
    print("device-to-device copy, 256 MiB: %.1f us, %.0f GB/s read + written"
          % (us, 2 * x.numel() * 4 / us * 1e-3))
    del x, y
    cases = [("gelu_chain", [(1 << 20,), (1 << 26,)]),
             ("swish_chain", [(1 << 20,), (1 << 26,)]),
             ("layernorm_chain", [(1024, 1024), (65536, 1024)])]
    for name, shapes in cases:
        path = os.path.join(d, name + ".pt")
        plain = torch.jit.load(path, map_location="cuda").eval()
        frozen = torch.jit.optimize_for_inference(
            torch.jit.freeze(torch.jit.load(path, map_location="cuda").eval()))
        for shape in shapes:
            x = torch.randn(*shape, device="cuda")
            row = []
            for kind, m in [("plain", plain), ("frozen", frozen)]:
                with torch.no_grad():
                    for _ in range(20):  # the profiling executor's runs
                        m(x)
                    torch.cuda.synchronize()
                    call = per_call_us(lambda: m(x))
                    kernels, names = kernel_us(lambda: m(x))
                row.append("%s %.2f us/call, kernels %.2f us (%s)"
                           % (kind, call, kernels, ", ".join(names)[:160]))
            print("%s %s: %s" % (name, "x".join(map(str, shape)),
                                 "; ".join(row)))


if __name__ == "__main__":
    main(sys.argv[1])
