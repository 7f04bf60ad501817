"""cuda_exec.py models OUT: writes OUT/ew.pt (an elementwise chain through
most fusible operators), OUT/softmax.pt and OUT/layernorm.pt (row kernels),
each one fusion group with the single input x, OUT/bcast.pt (a group of
two inputs, the second broadcast from one element), and OUT/x.bin (1000003
float32 values: not a multiple of any block or vector) and OUT/rows.bin
(rows of 777 values, 129 of them).

cuda_exec.py check MODEL X.bin[,S.bin] OUT.bin D0[xD1...]: runs MODEL with
LibTorch's interpreter on X.bin's values of that shape (and S.bin's, as
they are) and compares with
OUT.bin, the GPU kernel's output; prints the largest error, exits 1 on a
mismatch."""
import sys

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor


class Elementwise(torch.nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        y = F.gelu(x * 1.5 + 0.25) + torch.sigmoid(x) * torch.tanh(x)
        z = torch.exp(x * 0.5) - torch.sqrt(torch.abs(x) + 1.0)
        return F.silu(y) + torch.clamp(z, -3.0, 3.0) + torch.pow(torch.abs(x), 1.5)


class Broadcast(torch.nn.Module):
    """Two inputs, the second of one element: the runtime passes it with
    stride 0."""

    def forward(self, x: Tensor, s: Tensor) -> Tensor:
        return torch.sigmoid(x * s) + s


class Softmax(torch.nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return torch.softmax(x * 2.0 + 1.0, -1) * 3.0


class LayerNorm(torch.nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return torch.relu(F.layer_norm(x * 2.0, [777]))


def models(out):
    torch.manual_seed(0)
    for name, module in [("ew", Elementwise()), ("softmax", Softmax()),
                         ("layernorm", LayerNorm()), ("bcast", Broadcast())]:
        torch.jit.script(module.eval()).save("%s/%s.pt" % (out, name))
    (torch.randn(1000003) * 2).numpy().astype(np.float32).tofile(out + "/x.bin")
    (torch.randn(129, 777) * 3).numpy().astype(np.float32).tofile(out + "/rows.bin")
    np.array([0.75], dtype=np.float32).tofile(out + "/s.bin")


def check(model, x_paths, out_path, shape):
    sizes = [int(d) for d in shape.split("x")]
    first, *rest = x_paths.split(",")
    x = torch.from_numpy(np.fromfile(first, dtype=np.float32).reshape(sizes))
    more = [torch.from_numpy(np.fromfile(p, dtype=np.float32)) for p in rest]
    expected = torch.jit.load(model)(x, *more)
    got = torch.from_numpy(np.fromfile(out_path, dtype=np.float32).reshape(sizes))
    error = (got - expected).abs().max().item()
    print("max abs error %.3g" % error)
    if not torch.allclose(got, expected, rtol=1e-5, atol=1e-5):
        print("mismatch")
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "models":
        models(sys.argv[2])
    else:
        sys.exit(check(*sys.argv[2:6]))
