"""Writes the demo model: the TorchScript tutorial's MyCell, scripted.

Usage: /usr/bin/python3 make_model.py OUT.pt
"""
import sys

import torch


class MyCell(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(4, 4)

    def forward(self, x, h):
        new_h = torch.tanh(self.linear(x) + h)
        return new_h, new_h


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.jit.save(torch.jit.script(MyCell()), sys.argv[1])
