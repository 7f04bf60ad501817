"""linear_fusion.py OUT: models whose linear layers (constant weights after
freezing) become fusion kernels, and their argument sets, in OUT."""
import sys
from typing import Tuple

import torch
from torch import Tensor


class Cells(torch.nn.Module):
    """Every recurrent cell -tsc-decompose-rnn-cells takes: 19 hidden units
    (whole vectors and a remainder at any vector width), 7 inputs (a
    partial sum of four and three more)."""

    def __init__(self):
        super().__init__()
        self.gru = torch.nn.GRUCell(7, 19)
        self.lstm = torch.nn.LSTMCell(7, 19)
        self.tanh = torch.nn.RNNCell(7, 19)
        self.relu = torch.nn.RNNCell(7, 19, nonlinearity="relu", bias=False)

    def forward(self, x: Tensor, h: Tensor,
                c: Tensor) -> Tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
        g = self.gru(x, h)
        hl, cl = self.lstm(x, (h, c))
        return g, hl, cl, self.tanh(x, h), self.relu(x, g)


class MLP(torch.nn.Module):
    """Linear layers with and without bias, an activation between them and
    an elementwise input after the last (broadcast from one row)."""

    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(37, 40)
        self.fc2 = torch.nn.Linear(40, 3, bias=False)

    def forward(self, x: Tensor, shift: Tensor) -> Tensor:
        y = torch.relu(self.fc1(x))
        return torch.sigmoid(self.fc2(y) + shift)


class Stacked(torch.nn.Module):
    """aten::lstm: two layers with biases from given states, and one layer
    without biases from zeros (nn.LSTM makes them); one batch-first LSTM,
    which stays ATen's."""

    def __init__(self):
        super().__init__()
        self.deep = torch.nn.LSTM(7, 19, num_layers=2)
        self.plain = torch.nn.LSTM(19, 5, bias=False)
        self.batch_first = torch.nn.LSTM(7, 3, batch_first=True)

    def forward(self, x: Tensor, h0: Tensor,
                c0: Tensor) -> Tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
        y, (h, c) = self.deep(x, (h0, c0))
        z, _ = self.plain(y)
        w, _ = self.batch_first(x)
        return y, h, c, z, w


class Wide(torch.nn.Module):
    """300 x 260 weights: enough multiply-adds per call to split the
    columns across threads, in blocks of 64 (the last one 4 wide)."""

    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(300, 260)

    def forward(self, x: Tensor) -> Tensor:
        return torch.tanh(self.fc(x))


class Double(torch.nn.Module):
    """float64 layers, which no kernel takes: 256 x 300 (large enough for a
    matrix-vector product on one row) and 300 x 10 without bias."""

    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(256, 300).double()
        self.fc2 = torch.nn.Linear(300, 10, bias=False).double()

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(torch.relu(self.fc1(x)))


def main(out):
    torch.manual_seed(0)
    torch.jit.script(Cells().eval()).save(f"{out}/cells.pt")
    torch.jit.script(MLP().eval()).save(f"{out}/mlp.pt")
    torch.jit.script(Stacked().eval()).save(f"{out}/lstm.pt")
    torch.jit.script(Wide().eval()).save(f"{out}/wide.pt")
    torch.jit.script(Double().eval()).save(f"{out}/double.pt")

    def cells(batch):
        return (torch.randn(batch, 7), torch.randn(batch, 19),
                torch.randn(batch, 19))

    args = {
        "cells.b1": cells(1),
        "cells.b5": cells(5),
        # More rows than the kernels take: the operators (BLAS) run.
        "cells.b40": cells(40),
        "lstm.seq": (torch.randn(6, 3, 7), torch.randn(2, 3, 19),
                     torch.randn(2, 3, 19)),
        "lstm.one": (torch.randn(1, 1, 7), torch.randn(2, 1, 19),
                     torch.randn(2, 1, 19)),
        "wide.rows": (torch.randn(2, 300),),
        "mlp.row": (torch.randn(1, 37), torch.randn(3)),
        "mlp.3d": (torch.randn(2, 3, 37), torch.randn(2, 3, 3)),
        "mlp.strided": (torch.randn(37, 4).t(), torch.randn(1)),
        "mlp.vector": (torch.randn(37), torch.randn(3)),
        "mlp.f64": (torch.randn(2, 37).double(), torch.randn(3).double()),
        "mlp.short": (torch.randn(2, 36), torch.randn(3)),
        "double.row": (torch.randn(1, 256, dtype=torch.float64),),
        "double.3d": (torch.randn(1, 1, 256, dtype=torch.float64),),
        "double.rows": (torch.randn(3, 256, dtype=torch.float64),),
        "double.f32": (torch.randn(1, 256),),
        "mlp.many": (torch.randn(4, 10, 37), torch.randn(3)),
        "mlp.many_strided": (torch.randn(37, 40).t(), torch.randn(3)),
    }
    for name, a in args.items():
        torch.save(a, f"{out}/{name}.pt")


if __name__ == "__main__":
    main(sys.argv[1])
