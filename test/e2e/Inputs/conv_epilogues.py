"""conv_epilogues.py OUT: writes OUT/conv_epilogues.pt, a scripted module
whose convolutions are followed by what -tsc-fuse-conv-epilogues folds into
them (a ReLU, a ReLU6, a clamp with one bound, `x + conv(x)`, a residual
`+=` then an in-place ReLU) and by adds that oneDNN cannot apply as a
post-op (a broadcast `+=` into the convolution's result, and a sum that
broadcasts to larger sizes than the convolution's); OUT/conv_epilogues.b1.pt
and OUT/conv_epilogues.b2.pt, batches of 1 and 2, and
OUT/conv_epilogues.f64.pt (float64: the interpreter's dtype error)."""
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvEpilogues(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, 2, 1)
        self.bn = nn.BatchNorm2d(16)
        self.dw = nn.Conv2d(16, 16, 3, 1, 1, groups=16, bias=False)
        self.pw = nn.Conv2d(16, 16, 1)
        self.c3 = nn.Conv2d(16, 16, 3, 1, 1)
        self.c4 = nn.Conv2d(16, 16, 3, 1, 1)
        self.c5 = nn.Conv2d(16, 16, 1)
        self.c6 = nn.Conv2d(16, 16, 1)
        self.relu6 = nn.ReLU6(inplace=True)

    def forward(self, x, channel_bias, row):
        y = torch.relu(self.bn(self.stem(x)))
        y = self.relu6(self.dw(y))
        y = y + self.pw(y)
        z = self.c3(y).clamp(max=1.5)
        out = self.c4(z)
        out += y
        out = F.relu(out, inplace=True)
        # Broadcast adds: in place into the convolution's result (oneDNN's
        # post-op needs equal sizes), and out of place to larger sizes.
        b = self.c5(out)
        b += channel_bias
        wide = self.c6(F.adaptive_avg_pool2d(out, [1, 1])) + row
        return b, wide


if __name__ == "__main__":
    out = sys.argv[1]
    torch.manual_seed(0)
    model = ConvEpilogues().eval()
    with torch.no_grad():
        model.bn.running_mean.uniform_(-0.5, 0.5)
        model.bn.running_var.uniform_(0.5, 1.5)
    torch.jit.script(model).save(out + "/conv_epilogues.pt")
    for name, n, dtype in [("b1", 1, torch.float32), ("b2", 2, torch.float32),
                           ("f64", 1, torch.float64)]:
        torch.save((torch.randn(n, 3, 30, 26, dtype=dtype),
                    torch.randn(16, 1, 1, dtype=dtype),
                    torch.randn(1, 16, 5, 1, dtype=dtype)),
                   out + "/conv_epilogues." + name + ".pt")
    # A bias that broadcasts the in-place sum to two images: aten::add_'s
    # error.
    torch.save((torch.randn(1, 3, 30, 26), torch.randn(2, 16, 1, 1),
                torch.randn(1, 16, 5, 1)), out + "/conv_epilogues.wide.pt")
