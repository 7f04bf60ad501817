"""Makes the end-to-end fixtures: TorchScript archives and their inputs.

Usage: /usr/bin/python3 make_models.py OUTDIR NAME...

Each NAME writes OUTDIR/NAME.pt (the archive) and OUTDIR/NAME.in.pt (a
torch.save'd tuple of forward's arguments); some also write extra inputs.
Weights come from a fixed seed, so fixtures are the same on every run.
"""
import os
import sys

import torch

# The demo's model (examples/mycell) is the fixture: tests compile what the
# README shows.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "examples", "mycell"))
from make_model import MyCell  # noqa: E402


class MyDecisionGate(torch.nn.Module):
    def forward(self, x):
        if x.sum() > 0:
            return x
        else:
            return -x


class MyGatedCell(torch.nn.Module):
    """The tutorial's cell with the scripted decision gate."""

    def __init__(self, dg):
        super().__init__()
        self.dg = dg
        self.linear = torch.nn.Linear(4, 4)

    def forward(self, x, h):
        new_h = torch.tanh(self.dg(self.linear(x)) + h)
        return new_h, new_h


def two_x_plus_y(x, y):
    return 2 * x + y


def cell_inputs():
    return (torch.rand(3, 4), torch.rand(3, 4))


def make(name, out):
    torch.manual_seed(0)
    path = os.path.join(out, name)
    if name == "mycell_traced":
        cell = MyCell()
        args = cell_inputs()
        torch.jit.save(torch.jit.trace(cell, args), path + ".pt")
    elif name == "mycell_scripted":
        cell = MyCell()
        args = cell_inputs()
        torch.jit.save(torch.jit.script(cell), path + ".pt")
    elif name == "mycell_gate":
        cell = MyGatedCell(torch.jit.script(MyDecisionGate()))
        args = cell_inputs()
        torch.jit.save(torch.jit.script(cell), path + ".pt")
        # Inputs that take the gate's other branch.
        torch.save((-10 * torch.rand(3, 4), torch.rand(3, 4)), path + ".neg.in.pt")
    elif name == "two_x_plus_y_traced":
        args = (torch.rand(3), torch.rand(3))
        torch.jit.save(torch.jit.trace(two_x_plus_y, args), path + ".pt")
    elif name == "script_calls_traced":
        traced = torch.jit.trace(two_x_plus_y, (torch.rand(3), torch.rand(3)))

        @torch.jit.script
        def calls_traced(x: torch.Tensor) -> torch.Tensor:
            return traced(x, x) * 3

        args = (torch.rand(3),)
        torch.jit.save(calls_traced, path + ".pt")
    else:
        sys.exit("make_models.py: unknown fixture " + name)
    torch.save(args, path + ".in.pt")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name in sys.argv[2:]:
        make(name, out)


if __name__ == "__main__":
    main()
