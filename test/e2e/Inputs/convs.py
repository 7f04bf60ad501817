"""convs.py OUT: writes OUT/convs.pt, a scripted module of 2-D convolutions
(a 3x3 with bias, a strided dilated 5x5, a depthwise 3x3, and a 1x1 that
ATen's conv2d would run with its own kernels on one image) with a batch
norm that folds into the first; OUT/convs.b1.pt and OUT/convs.b3.pt,
batches of 1 and 3, and OUT/convs.f64.pt, float64 images (the convolution
then reports the interpreter's dtype error)."""
import sys

import torch
import torch.nn as nn


class Convs(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.c2 = nn.Conv2d(8, 8, 5, stride=2, padding=4, dilation=2, bias=False)
        self.dw = nn.Conv2d(8, 8, 3, padding=1, groups=8)
        self.pw = nn.Conv2d(8, 4, 1, bias=False)

    def forward(self, x):
        y = torch.relu(self.bn1(self.c1(x)))
        y = self.c2(y)
        y = torch.relu(self.dw(y)) + y
        return self.pw(y)


if __name__ == "__main__":
    out = sys.argv[1]
    torch.manual_seed(0)
    model = Convs().eval()
    with torch.no_grad():
        model.bn1.running_mean.uniform_(-0.5, 0.5)
        model.bn1.running_var.uniform_(0.5, 1.5)
    torch.jit.script(model).save(out + "/convs.pt")
    torch.save((torch.randn(1, 3, 17, 19),), out + "/convs.b1.pt")
    torch.save((torch.randn(3, 3, 32, 32),), out + "/convs.b3.pt")
    torch.save((torch.randn(1, 3, 17, 19, dtype=torch.float64),),
               out + "/convs.f64.pt")
