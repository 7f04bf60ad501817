"""peel_loops.py OUT: writes OUT/peel.pt, two loops whose first iteration
is special (an accumulator that starts as None, a branch on i == 0), and
OUT/peel.n{0,1,5}.pt, inputs with 0, 1 and 5 iterations."""
import sys
from typing import Optional

import torch
from torch import Tensor


class Peel(torch.nn.Module):
    def forward(self, xs: Tensor, n: int) -> Tensor:
        acc: Optional[Tensor] = None
        for i in range(n):
            if acc is None:
                acc = xs[i] * 2.0
            else:
                acc = acc + xs[i]
        assert acc is not None, "no rows"
        h = torch.zeros_like(xs[0])
        for i in range(n):
            if i == 0:
                h = xs[i]
            else:
                h = h * 0.5 + torch.tanh(xs[i])
        return acc - h


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.jit.script(Peel()).save(f"{sys.argv[1]}/peel.pt")
    xs = torch.randn(5, 3, 4)
    for n in (0, 1, 5):
        torch.save((xs, n), f"{sys.argv[1]}/peel.n{n}.pt")
