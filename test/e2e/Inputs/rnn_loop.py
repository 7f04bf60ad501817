"""rnn_loop.py OUT: writes OUT/rnn.pt, a GRU cell stepped over the first
dimension of its input in a TorchScript loop, and OUT/rnn.inputs.pt."""
import sys

import torch
from torch import Tensor


class Loop(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.cell = torch.nn.GRUCell(8, 16)

    def forward(self, xs: Tensor, h: Tensor) -> Tensor:
        for t in range(xs.size(0)):
            h = self.cell(xs[t], h)
        return torch.tanh(h * 2.0) + 1.0


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.jit.script(Loop().eval()).save(f"{sys.argv[1]}/rnn.pt")
    torch.save((torch.randn(4, 1, 8), torch.zeros(1, 16)),
               f"{sys.argv[1]}/rnn.inputs.pt")
