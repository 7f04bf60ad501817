"""fusion.py OUT: writes OUT/ops.pt, a scripted module whose forward uses
every elementwise operator that -tsc-fuse-elementwise fuses, and argument
sets that take the fusion kernel's paths or make the runtime decline it:

  f32.pt      dense float32 x and y of one size (vector loop and remainder)
  bcast.pt    y of shape [33], broadcast along x's rows (made dense)
  scalar.pt   y a 0-d tensor (stride 0: the element-by-element loop)
  strided.pt  x a transposed view (made contiguous first)
  f64.pt      float64 tensors (declined: the operators run)

OUT/chain.pt, a short chain, with chain.f32.pt, chain.int.pt (int64:
declined) and chain.mismatch.pt (sizes that do not broadcast: declined, and
the operator reports the error); OUT/partial.pt, whose group has an
output of fewer elements than the broadcast (declined), with
partial.inputs.pt; and OUT/rows.pt, chains through a layer norm, a softmax
and a log_softmax (row kernels), with rows.f32.pt, rows.bcast.pt (a row
broadcast to all), rows.3d.pt (log_softmax's dimension 1 is then not the
last: declined) and rows.short.pt (rows shorter than the layer norm's:
declined, and the operator reports the error)."""
import sys
from typing import Tuple

import torch
import torch.nn.functional as F
from torch import Tensor


class Ops(torch.nn.Module):
    def forward(self, x: Tensor, y: Tensor):
        z = x * 1.25 + y
        p = torch.abs(x) + 0.5
        return (
            torch.relu(z),
            torch.sigmoid(z),
            torch.tanh(z),
            F.silu(z),
            -z,
            torch.exp(z * 0.5),
            torch.log(p),
            torch.sqrt(p),
            torch.rsqrt(p),
            torch.abs(z),
            torch.sin(z),
            torch.cos(z),
            F.gelu(z),
            F.gelu(z, approximate="tanh"),
            F.hardtanh(z, -0.5, 0.5),
            F.relu6(z * 4.0),
            F.hardswish(z * 4.0),
            F.hardsigmoid(z * 4.0),
            F.leaky_relu(z, 0.2),
            F.elu(z, 1.5),
            torch.clamp(z, min=-0.3),
            torch.clamp(z, max=0.3),
            torch.clamp(z, -0.2, 0.4),
            p ** 2,
            p ** 3,
            p ** 0.5,
            p ** -0.5,
            p ** -1,
            p ** -2,
            p ** 1.7,
            torch.add(x, y, alpha=2) * 0.5,
            torch.sub(x, y, alpha=0.5) * 0.5,
            x * y / p,
            z + 2,
            z - 2,
            2 - z,
            z * 3,
            z / 3,
        )


class Chain(torch.nn.Module):
    def forward(self, x: Tensor, y: Tensor) -> Tensor:
        return torch.relu(x * 2 + y)


class Rows(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.norm = torch.nn.LayerNorm(37)
        with torch.no_grad():
            self.norm.weight.uniform_()
            self.norm.bias.uniform_()

    def forward(self, x: Tensor, y: Tensor):
        a = torch.relu(self.norm(x * 2.0 - y))
        b = F.softmax(x * 0.5, dim=-1) + y
        c = F.log_softmax(x + 1.0, 1) * 2.0
        return a, b, c


class Gelu(torch.nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return F.gelu(x * 2.0)


class Partial(torch.nn.Module):
    def forward(self, x: Tensor, s: Tensor) -> Tuple[Tensor, Tensor]:
        a = s * 2.0 + 1.0
        return a, a * x


def main(out):
    torch.manual_seed(0)
    torch.jit.script(Ops()).save(f"{out}/ops.pt")
    torch.jit.script(Chain()).save(f"{out}/chain.pt")
    torch.jit.script(Partial()).save(f"{out}/partial.pt")
    torch.jit.script(Gelu()).save(f"{out}/gelu.pt")
    torch.jit.script(Rows().eval()).save(f"{out}/rows.pt")
    x = torch.randn(64, 33)
    y = torch.randn(64, 33)
    args = {
        "f32": (x, y),
        "bcast": (x, torch.randn(33)),
        "scalar": (x, torch.tensor(0.75)),
        "strided": (torch.randn(33, 64).t(), y),
        "f64": (x.double(), y.double()),
        "chain.f32": (x, y),
        "chain.int": ((x * 10).long(), (y * 10).long()),
        "chain.mismatch": (torch.randn(3, 4), torch.randn(5)),
        "rows.f32": (torch.randn(64, 37), torch.randn(64, 37)),
        "rows.bcast": (torch.randn(64, 37), torch.randn(37)),
        "rows.3d": (torch.randn(4, 8, 37), torch.randn(4, 8, 37)),
        "rows.short": (torch.randn(64, 20), torch.randn(64, 20)),
        # GELU's argument from -12 to 12 in steps of 1/1024: its tails too.
        "gelu.wide": (torch.linspace(-6.0, 6.0, 12289),),
    }
    for name, a in args.items():
        torch.save(a, f"{out}/{name}.pt")
    torch.save((x, torch.randn(1)), f"{out}/partial.inputs.pt")


if __name__ == "__main__":
    main(sys.argv[1])
