"""lone_transcendentals.py OUT: writes OUT/lone.pt, a scripted module whose
tanh and sigmoid each stand alone between matrix products, and whose exp
stands alone after a mean (a subtraction and relu between them are a
chain), and OUT/lone.in.pt, a 48x48 matrix."""
import sys

import torch
import torch.nn as nn


class Lone(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(48, 48) * 0.2)

    def forward(self, x):
        a = torch.tanh(x)
        b = torch.sigmoid(a @ self.w)
        c = torch.relu(b @ self.w - 1.0)
        return torch.exp(c.mean(0))


if __name__ == "__main__":
    out = sys.argv[1]
    torch.manual_seed(0)
    torch.jit.script(Lone().eval()).save(out + "/lone.pt")
    torch.save((torch.randn(48, 48),), out + "/lone.in.pt")
