"""prepare.py DIR: on the build machine (LibTorch's Python, tsc built), after
`make_models.py DIR gelu_chain layernorm_chain swish_chain` and
`cuda_exec.py models DIR`: writes each case's float32 inputs, in the order
its kernel takes them, and the interpreter's output on them (the expected
result), and DIR/cases.txt, one case a line:

  NAME PTX (elements N | rows R L) INPUT[,INPUT...] EXPECTED

which run.sh reads on the GPU machine. Run with /usr/bin/python3."""
import os
import sys

import numpy as np
import torch


def write(path, tensor):
    tensor.detach().contiguous().numpy().astype(np.float32).tofile(path)
    return os.path.basename(path)


def main(out):
    torch.manual_seed(0)
    lines = []

    def case(name, archive, ptx, inputs, x, *more):
        expected = torch.jit.load(os.path.join(out, archive))(x, *more)
        files = [write(os.path.join(out, "%s.in%d.bin" % (name, i)), t)
                 for i, t in enumerate(inputs)]
        size = ("elements %d" % x.numel() if x.dim() == 1 else
                "rows %d %d" % (x.shape[0], x.shape[1]))
        lines.append("%s %s %s %s %s" % (
            name, ptx, size, ",".join(files),
            write(os.path.join(out, name + ".expected.bin"), expected)))

    # The execution test's kernels (test/e2e/cuda_exec.test), on its inputs.
    xs = torch.from_numpy(np.fromfile(os.path.join(out, "x.bin"), np.float32))
    rows = torch.from_numpy(np.fromfile(os.path.join(out, "rows.bin"),
                                        np.float32)).reshape(129, 777)
    case("ew", "ew.pt", "ew.ptx", [xs], xs)
    case("softmax", "softmax.pt", "softmax.ptx", [rows], rows)
    case("layernorm", "layernorm.pt", "layernorm.ptx", [rows], rows)
    # A second input of one element, which the kernel reads with stride 0.
    s = torch.tensor([0.75])
    case("bcast", "bcast.pt", "bcast.ptx", [xs, s], xs, s)

    # The benchmark's chains, at the benchmark's sizes, on their own inputs.
    for name in ["gelu_chain", "swish_chain"]:
        (x,) = torch.load(os.path.join(out, name + ".inputs.pt"))
        case(name, name + ".pt", name + ".ptx", [x], x)
    # LayerNorm's weight and bias are constants of the model that the
    # runtime passes to the kernel after x (the fusion group's operands).
    (x,) = torch.load(os.path.join(out, "layernorm_chain.inputs.pt"))
    module = torch.jit.load(os.path.join(out, "layernorm_chain.pt"))
    norm = module.norm
    case("layernorm_chain", "layernorm_chain.pt", "layernorm_chain.ptx",
         [x, norm.weight, norm.bias], x)

    # Rows whose length is a multiple of four take the row kernels'
    # version with vector accesses (777 does not).
    case("softmax_1024", "softmax.pt", "softmax.ptx", [x], x)

    with open(os.path.join(out, "cases.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
