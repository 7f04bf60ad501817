"""plan_memory.py OUT: a model whose fusion results -tsc-plan-memory places
in the arena, one of them read through a view after the next group ran."""
import sys

import torch
from torch import Tensor


class Planned(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(32, 48)
        self.fc2 = torch.nn.Linear(48, 48)
        self.fc3 = torch.nn.Linear(48, 8)

    def forward(self, x: Tensor) -> Tensor:
        a = torch.relu(self.fc1(x))
        v = a.view(-1)
        # b must not take a's bytes: v reads them after b is made.
        b = torch.tanh(self.fc2(a))
        return torch.sigmoid(self.fc3(b)) + v[:8]


def main(out):
    torch.manual_seed(0)
    torch.jit.script(Planned().eval()).save(f"{out}/planned.pt")
    torch.save((torch.randn(2, 32),), f"{out}/planned.inputs.pt")
    torch.save((torch.randn(3, 32),), f"{out}/planned.other.pt")


if __name__ == "__main__":
    main(sys.argv[1])
