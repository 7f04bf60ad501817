"""residual.py OUT: writes OUT/residual.pt, a small residual network (the
layers -tsc-mkldnn-layout keeps in oneDNN's blocked layout: convolutions,
in-place ReLUs, residual adds with a downsampling branch, max and adaptive
average pooling) with a broadcast add (a squeeze-excitation-like scale
that oneDNN's sum cannot add), a dilated max pool and a view that is
changed in place; OUT/residual.b1.pt and OUT/residual.b2.pt, batches of 1
and 2, and OUT/residual.f64.pt (float64: the layout conversions leave it
alone, and the convolution reports the interpreter's error)."""
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU(inplace=True)
        self.down = nn.Conv2d(cin, cout, 1, stride, bias=False)

    def forward(self, x):
        out = self.relu(self.b1(self.c1(x)))
        out = self.b2(self.c2(out))
        out += self.down(x)
        return self.relu(out)


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 5, 2, 2)
        self.block1 = Block(16, 16, 1)
        self.block2 = Block(16, 32, 2)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        y = F.max_pool2d(torch.relu(self.stem(x)), 3, 2, 1)
        y = self.block1(y)
        y = self.block2(y)
        # A broadcast add on blocked tensors.
        scale = F.adaptive_avg_pool2d(y, [1, 1])
        y = y + scale
        # A dilated pool reads it plainly; a view of it changed in place.
        side = F.max_pool2d(y, 2, 2, 0, 2)
        flat = y.flatten(2)
        flat.mul_(0.5)
        y = F.adaptive_avg_pool2d(y, [1, 1]).flatten(1)
        return self.fc(y), side.sum()


if __name__ == "__main__":
    out = sys.argv[1]
    torch.manual_seed(0)
    model = Residual().eval()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 1.5)
    torch.jit.script(model).save(out + "/residual.pt")
    torch.save((torch.randn(1, 3, 40, 36),), out + "/residual.b1.pt")
    torch.save((torch.randn(2, 3, 33, 33),), out + "/residual.b2.pt")
    torch.save((torch.randn(1, 3, 40, 36, dtype=torch.float64),),
               out + "/residual.f64.pt")
