"""fold_constants.py OUT: writes OUT/fold.pt, whose forward transforms its
weights (a transpose, a scale, an activation) before using them, and
OUT/fold.inputs.pt."""
import sys

import torch


class Fold(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Parameter(torch.randn(4, 6))
        self.b = torch.nn.Parameter(torch.randn(4))

    def forward(self, x):
        return torch.mm(x, self.w.t() * 0.5) + torch.tanh(self.b * 2.0)


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.jit.script(Fold().eval()).save(f"{sys.argv[1]}/fold.pt")
    torch.save((torch.randn(3, 6),), f"{sys.argv[1]}/fold.inputs.pt")
