"""models.py DIR NAME inputs: writes DIR/NAME.cuda_inputs.pt, CUDA copies of
DIR/NAME.inputs.pt.

models.py DIR NAME compare KERNEL_CALLS TSC_MS: compares DIR/NAME.out.pt,
the compiled model's output (tsc-run), with TorchScript's on the same GPU
(the archive loaded there, frozen), within 1e-4; prints the largest error
and the two times per call, each call waited for (TSC_MS from tsc-run
--repeat; TorchScript's the median of 50 after 20 warm-up calls). Exits 1
on a mismatch."""
import statistics
import sys
import time

import torch


def cuda(v):
    if isinstance(v, torch.Tensor):
        return v.cuda()
    if isinstance(v, (tuple, list)):
        return type(v)(cuda(x) for x in v)
    return v


def flat(v):
    if isinstance(v, torch.Tensor):
        return [v]
    if isinstance(v, (tuple, list)):
        return [t for x in v for t in flat(x)]
    return []


def per_call_ms(fn, calls=50):
    for _ in range(20):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        torch.cuda.synchronize()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main(d, name, mode, kernel_calls="0", tsc_ms=""):
    path = "%s/%s" % (d, name)
    if mode == "inputs":
        args = torch.load(path + ".inputs.pt", weights_only=False)
        torch.save(cuda(args), path + ".cuda_inputs.pt")
        return 0
    args = torch.load(path + ".cuda_inputs.pt", weights_only=False)
    model = torch.jit.freeze(
        torch.jit.load(path + ".pt", map_location="cuda").eval())
    with torch.no_grad():
        expected = flat(model(*args))
        got = flat(torch.load(path + ".out.pt", weights_only=False))
        ok = len(got) == len(expected)
        worst = 0.0
        for e, g in zip(expected, got):
            if g.shape != e.shape or g.device.type != "cuda":
                print("  %s: an output of %s on %s, expected %s on cuda"
                      % (name, tuple(g.shape), g.device, tuple(e.shape)))
                ok = False
                continue
            if e.numel():
                worst = max(worst, (g - e).abs().max().item())
            ok = ok and torch.allclose(g, e, rtol=1e-4, atol=1e-4)
        ts_ms = per_call_ms(lambda: model(*args))
    print("%-18s %d output(s) on %s, max abs error %.3g, %s tsc kernel "
          "launches in 3 calls; tsc %s ms, TorchScript (frozen) %.4f ms%s"
          % (name, len(got), got[0].device if got else "-", worst,
             kernel_calls, tsc_ms or "-", ts_ms, "" if ok else "  MISMATCH"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
