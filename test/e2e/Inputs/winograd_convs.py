"""winograd_convs.py OUT: writes OUT/winograd_convs.pt, a scripted module of
three 3x3 convolutions: two of stride 1 on 16 and 32 channels (the second
with a residual add, both with a ReLU), large enough for oneDNN's Winograd
kernel, then one of stride 2 that stays direct; OUT/winograd.b1.pt and
OUT/winograd.b2.pt, batches of 1 (32x32 images) and 2 (30x30), and
OUT/winograd.f64.pt, float64 images (the convolution then reports the
interpreter's dtype error)."""
import sys

import torch
import torch.nn as nn


class WinogradConvs(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(16, 32, 3, padding=1)
        self.c2 = nn.Conv2d(32, 32, 3, padding=1, bias=False)
        self.c3 = nn.Conv2d(32, 16, 3, stride=2, padding=1)

    def forward(self, x):
        y = torch.relu(self.c1(x))
        y = torch.relu(self.c2(y) + y)
        return self.c3(y)


if __name__ == "__main__":
    out = sys.argv[1]
    torch.manual_seed(0)
    torch.jit.script(WinogradConvs().eval()).save(out + "/winograd_convs.pt")
    torch.save((torch.randn(1, 16, 32, 32),), out + "/winograd.b1.pt")
    torch.save((torch.randn(2, 16, 30, 30),), out + "/winograd.b2.pt")
    torch.save((torch.randn(1, 16, 32, 32, dtype=torch.float64),),
               out + "/winograd.f64.pt")
