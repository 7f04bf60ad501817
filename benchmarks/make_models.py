"""make_models.py OUT [NAME...]: writes the benchmark's models to OUT as
NAME.pt (a TorchScript archive), NAME.inputs.pt (the example arguments,
a tuple) and NAME.shapes (tsc's --input-shape options for the example's
float32 tensor arguments, one per line). Without names, all of them. Run
with /usr/bin/python3."""
import sys
from typing import Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

MODELS = {}


def model(name, inputs, kind="script"):
    def register(obj):
        MODELS[name] = (obj, inputs, kind)
        return obj
    return register


@model("mycell", lambda: (torch.rand(3, 4), torch.rand(3, 4)), kind="trace")
class MyCell(nn.Module):
    """The TorchScript tutorial's cell: a linear layer and a tanh."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 4)

    def forward(self, x, h):
        new_h = torch.tanh(self.linear(x) + h)
        return new_h, new_h


@model("gru_loop", lambda: (torch.randn(16, 1, 32), torch.zeros(1, 64)))
class GRULoop(nn.Module):
    """A GRU cell stepped over a sequence in a TorchScript loop."""

    def __init__(self):
        super().__init__()
        self.cell = nn.GRUCell(32, 64)

    def forward(self, xs: Tensor, h: Tensor) -> Tensor:
        for t in range(xs.size(0)):
            h = self.cell(xs[t], h)
        return h


@model("lstm", lambda: (torch.randn(16, 1, 32),))
class LSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(32, 64, 2)

    def forward(self, x):
        return self.lstm(x)[0]


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(256, 512), nn.ReLU(),
                                    nn.Linear(512, 512), nn.ReLU(),
                                    nn.Linear(512, 10))

    def forward(self, x):
        return self.layers(x)


model("mlp_b1", lambda: (torch.randn(1, 256),))(MLP)
model("mlp_b256", lambda: (torch.randn(256, 256),))(MLP)

N = 1 << 20  # elements of the elementwise chains


@model("gelu_chain", lambda: (torch.randn(N),))
class GELUChain(nn.Module):
    def forward(self, x):
        return F.gelu(x * 1.5 + 0.25)


@model("layernorm_chain", lambda: (torch.randn(1024, 1024),))
class LayerNormChain(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm = nn.LayerNorm(1024)

    def forward(self, x):
        return torch.relu(self.norm(x * 2.0))


@model("swish_chain", lambda: (torch.randn(N),))
class SwishChain(nn.Module):
    def forward(self, x):
        y = x * torch.sigmoid(x)
        return y * 0.5 + x


@model("control_flow", lambda: (torch.randn(64, 64), 12))
class ControlFlow(nn.Module):
    """Data-dependent control flow: a loop whose trip count is an argument
    and a branch on a tensor's value."""

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(64, 64) * 0.1)

    def forward(self, x: Tensor, steps: int) -> Tensor:
        for i in range(steps):
            if bool(x.sum() > 0):
                x = torch.tanh(x @ self.w)
            else:
                x = torch.relu(x - 0.1)
        return x


def torchvision_model(name):
    def make():
        import torchvision
        torch.manual_seed(0)
        return torch.jit.script(getattr(torchvision.models, name)().eval())
    return make


MODELS["resnet18"] = (torchvision_model("resnet18"),
                      lambda: (torch.randn(1, 3, 224, 224),), "factory")
MODELS["mobilenet_v2"] = (torchvision_model("mobilenet_v2"),
                          lambda: (torch.randn(1, 3, 224, 224),), "factory")
MODELS["transformer_layer"] = (
    lambda: torch.jit.script(nn.TransformerEncoderLayer(256, 4, 512).eval()),
    lambda: (torch.randn(32, 1, 256), None, None), "factory")


def build(name):
    obj, inputs, kind = MODELS[name]
    torch.manual_seed(0)
    args = inputs()
    if kind == "factory":
        module = obj()
    elif kind == "trace":
        module = torch.jit.trace(obj().eval(), args)
    else:
        module = torch.jit.script(obj().eval())
    return module, args


def input_shapes(module, args):
    """--input-shape NAME=AxB:f32 for each float32 tensor argument."""
    names = [a.name for a in module.forward.schema.arguments[1:]]
    return ["--input-shape=%s=%s:f32" % (n, "x".join(map(str, a.shape)))
            for n, a in zip(names, args)
            if isinstance(a, torch.Tensor) and a.dtype == torch.float32
            and a.dim() > 0]


def main(argv):
    out = argv[1]
    for name in argv[2:] or sorted(MODELS):
        module, args = build(name)
        module.save("%s/%s.pt" % (out, name))
        torch.save(args, "%s/%s.inputs.pt" % (out, name))
        with open("%s/%s.shapes" % (out, name), "w") as f:
            f.writelines(o + "\n" for o in input_shapes(module, args))


if __name__ == "__main__":
    main(sys.argv)
