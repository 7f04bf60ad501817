"""Writes OUTDIR/no_grad.pt: `with torch.no_grad():` around the body, which
may raise inside the block."""
import sys

import torch


@torch.jit.script
def no_grad_body(x: torch.Tensor, fail: bool) -> torch.Tensor:
    with torch.no_grad():
        y = x * 2
        if fail:
            raise ValueError("inside no_grad")
    return y


torch.jit.save(no_grad_body, sys.argv[1] + "/no_grad.pt")
