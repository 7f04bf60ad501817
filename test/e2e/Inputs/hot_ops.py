"""hot_ops.py OUT: writes OUT/hot_ops.pt, a scripted module using every
operator with a typed runtime entry point (HotOps.def), each the way that
selects it (tensors, native scalars, lists built in place), and
OUT/hot_ops.inputs.pt."""
import sys
from typing import List

import torch
import torch.nn.functional as F


class HotOps(torch.nn.Module):
    def forward(self, x: torch.Tensor, img: torch.Tensor, w: torch.Tensor,
                idx: torch.Tensor, k: int, f: float) -> List[torch.Tensor]:
        out: List[torch.Tensor] = []
        p = torch.abs(x) + 0.5
        out.append(torch.relu(x))
        out.append(torch.sigmoid(x))
        out.append(torch.tanh(x))
        out.append(F.silu(x))
        out.append(torch.neg(x))
        out.append(torch.exp(x))
        out.append(torch.log(p))
        out.append(torch.sqrt(p))
        out.append(torch.abs(x))
        out.append(F.gelu(x, approximate="tanh"))
        out.append(F.hardtanh(x, -0.5, 0.5))
        y = x.clone()
        out.append(torch.relu_(y))
        y = x.clone()
        out.append(torch.sigmoid_(y))
        y = x.clone()
        out.append(F.hardtanh_(y, 0.0, 6.0))
        y = x.clone()
        out.append(y.add_(p, alpha=2))
        y = x.clone()
        out.append(y.mul_(p))
        out.append(torch.add(x, p, alpha=k))
        out.append(torch.sub(x, p, alpha=f))
        out.append(x * p)
        out.append(x / p)
        out.append(torch.add(x, f, alpha=2))
        out.append(torch.sub(x, k))
        out.append(x * k)
        out.append(x / f)
        out.append((x == p).int())
        out.append((x != p).int())
        out.append((x < p).int())
        out.append((x <= p).int())
        out.append((x > p).int())
        out.append((x >= p).int())
        out.append((x == f).int())
        out.append((x != k).int())
        out.append((x < f).int())
        out.append((x <= f).int())
        out.append((x > k).int())
        out.append((x >= 0).int())
        m = x.reshape(4, 6)
        out.append(F.linear(m, w, None))
        out.append(F.linear(m, w, w[0, :5]))
        out.append(torch.matmul(m, w.t()))
        out.append(torch.mm(m, w.t()))
        out.append(torch.bmm(m.unsqueeze(0), w.t().unsqueeze(0)))
        out.append(torch.addmm(w[0, :5], m, w.t(), beta=0.5, alpha=2))
        c = img[:, :, :, 0]
        out.append(torch.conv1d(c, torch.ones(2, 3, 3), None, [1], [1], [1], 1))
        out.append(torch.conv2d(img, torch.ones(2, 3, 3, 3), torch.ones(2), [1, 1], [k, k], [1, 1], 1))
        out.append(torch.conv3d(img.unsqueeze(2), torch.ones(2, 3, 1, 3, 3), None, [1, 1, 1], [0, 1, 1], [1, 1, 1], 1))
        out.append(torch._convolution(img, torch.ones(2, 3, 3, 3), None, [1, 1], [1, 1], [1, 1], False, [0, 0], 1, False, False, True, True))
        out.append(torch.batch_norm(img, torch.ones(3), None, torch.zeros(3), torch.ones(3), False, 0.1, 1e-5, False))
        out.append(torch.layer_norm(img, [img.size(3)], None, None, 1e-5, False))
        out.append(torch.max_pool2d(img, [2, 2], [2, 2], [0, 0], [1, 1], False))
        out.append(torch._C._nn.avg_pool2d(img, [2, 2], [1, 1], [0, 0], True, False, None))
        out.append(torch._C._nn.avg_pool2d(img, [2, 2], [1, 1], [1, 1], False, True, 3))
        out.append(F.adaptive_avg_pool2d(img, [1, 2]))
        out.append(torch.softmax(x, 1))
        out.append(torch.softmax(x, 0, torch.float64))
        out.append(torch.log_softmax(x, -1))
        out.append(torch.mean(img, [2, 3], True))
        out.append(torch.mean(img, [1], False, dtype=torch.float64))
        out.append(torch.embedding(w, idx, -1, False, False))
        out.append(torch.cat([x, p, x], k - 1))
        out.append(x.view([6, 4]))
        out.append(x.view([x.size(1), -1]))
        out.append(torch.reshape(x, [k, -1]))
        out.append(x.permute([1, 0]))
        out.append(x.transpose(0, 1))
        out.append(img.flatten(1, -1))
        out.append(x.unsqueeze(k))
        out.append(x.unsqueeze(0).squeeze(0))
        out.append(x.select(1, k))
        out.append(x[:, 1:k + 2])
        out.append(x[:, ::2])
        out.append(x.t().contiguous())
        return out


torch.manual_seed(0)
out = sys.argv[1]
torch.jit.script(HotOps()).save(out + "/hot_ops.pt")
torch.save((torch.randn(4, 6), torch.randn(2, 3, 5, 6), torch.randn(5, 6),
            torch.tensor([[0, 2], [4, 1]]), 1, 0.75), out + "/hot_ops.inputs.pt")
