"""The frontend's fixture corpus: TorchScript models and functions touching
every section of the TorchScript language reference (types, expressions,
statements, builtins, modules, classes), plus torchvision's and torch.nn's
larger models.

    corpus.py OUTDIR [NAME...]

writes OUTDIR/<name>.pt (torch.jit.save) and OUTDIR/<name>.inputs.pt (the
example arguments, as a tuple for tsc-run) for every entry, or for the
named ones, and OUTDIR/<name>.tolerance (tsc-run options) for entries
whose comparison needs a looser one than tsc-run's default. `corpus.py
--list` prints the names.
"""

import enum
import math
import os
import sys
from collections import OrderedDict
from typing import Any, Dict, List, NamedTuple, Optional, Tuple, Union

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

ENTRIES = OrderedDict()


# The deep convolutional nets' logits (up to about 6) carry the rounding of
# some 20 float32 layers, and any change in summation order (batch norm
# folded into the weights, oneDNN's blocking for the CPU at hand) moves
# them by a few 1e-6: on an AMD EPYC (AVX2), resnet18's interpreter and
# tsc's object were both 2.2e-6 from a float64 evaluation and 2.9e-6 from
# each other, and LibTorch's own frozen and optimized module 2.4e-6 from
# its interpreter. Their outputs are compared with an absolute tolerance
# of 1e-5 instead of 1e-6; a wrong operator is off by far more.
TOLERANCES = {}


def entry(name, inputs, kind="script"):
    """Registers a module class or function. kind: script, trace, or a
    callable returning the ScriptModule."""

    def register(obj):
        ENTRIES[name] = (obj, inputs, kind)
        return obj

    return register


def t(*shape):
    return torch.randn(*shape)


# ---------------------------------------------------------------- types


@entry("types_scalars", lambda: (3, 2.5, True))
def types_scalars(i: int, f: float, b: bool) -> Tuple[int, float, bool]:
    return i * 2, f / 2.0, not b


@entry("types_str", lambda: ("torch",))
def types_str(s: str) -> str:
    return s + "script" + str(len(s))


@entry("types_list", lambda: ([1, 2, 3],))
def types_list(xs: List[int]) -> List[int]:
    ys: List[int] = []
    for x in xs:
        ys.append(x * x)
    return ys


@entry("types_tuple", lambda: ((t(2), 3),))
def types_tuple(p: Tuple[Tensor, int]) -> Tuple[int, Tensor]:
    a, n = p
    return n, a * n


@entry("types_dict", lambda: ({"a": 1, "b": 2},))
def types_dict(d: Dict[str, int]) -> Dict[str, int]:
    out: Dict[str, int] = {}
    for k in d.keys():
        out[k + k] = d[k] + 1
    return out


@entry("types_optional", lambda: (t(3), None))
def types_optional(x: Tensor, y: Optional[Tensor]) -> Tensor:
    if y is None:
        return x
    return x + y


class Point(NamedTuple):
    x: Tensor
    y: Tensor


@entry("types_namedtuple", lambda: (t(2), t(2)))
def types_namedtuple(a: Tensor, b: Tensor) -> Point:
    p = Point(a, b)
    return Point(p.y, p.x + p.y)


@entry("types_union", lambda: (4,))
def types_union(v: Union[int, float]) -> float:
    if isinstance(v, int):
        return float(v) * 2.0
    return v


@entry("types_any", lambda: ([1, 2],))
def types_any(xs: List[int]) -> int:
    a: List[Any] = [xs, 1, "s"]
    return len(a)


@entry("types_tensor_dtypes", lambda: (t(3),))
def types_tensor_dtypes(x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
    return x.to(torch.float64), x.to(torch.int32), x > 0


ALL_DTYPES = [torch.float16, torch.bfloat16, torch.float32, torch.float64,
              torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8,
              torch.bool, torch.complex64, torch.complex128]


def all_dtype_tensors():
    return tuple((torch.randn(3) * 100).to(d) for d in ALL_DTYPES)


@entry("types_all_dtypes", all_dtype_tensors)
def types_all_dtypes(a: Tensor, b: Tensor, c: Tensor, d: Tensor, e: Tensor,
                     f: Tensor, g: Tensor, h: Tensor, i: Tensor, j: Tensor,
                     k: Tensor, l: Tensor) -> List[Tensor]:
    return [a * 2, b + 1, c - 1, d / 3, e + e, f * 2, g + 1, h | h, i * 2,
            j ^ j, k * 2, l.abs()]


@entry("types_all_dtype_buffers", lambda: (t(3),))
class ModuleAllDtypeBuffers(nn.Module):
    def __init__(self):
        super().__init__()
        for n, d in enumerate(ALL_DTYPES):
            self.register_buffer("b%d" % n, (torch.arange(3.0) * 7 - 5).to(d))

    def forward(self, x):
        return (x, self.b0, self.b1, self.b2, self.b3, self.b4, self.b5,
                self.b6, self.b7, self.b8, self.b9, self.b10, self.b11)


@entry("types_complex_tensor", lambda: (t(2),))
def types_complex_tensor(x: Tensor) -> Tensor:
    c = torch.complex(x, x)
    return c.abs()


@entry("types_refined_trace", lambda: (t(2, 3),), kind="trace")
class TracedRefined(nn.Module):
    def forward(self, x):
        return x.sum(1) * 2


# ---------------------------------------------------------- expressions


@entry("expr_arithmetic", lambda: (7, 2))
def expr_arithmetic(a: int, b: int) -> Tuple[int, int, int, float, int, int]:
    return a + b, a - b, a * b, a / b, a // b, a % b


@entry("expr_float_math", lambda: (2.0,))
def expr_float_math(x: float) -> Tuple[float, float, float, int]:
    return x ** 2.0, math.sqrt(x), -x, math.floor(x * 1.5)


@entry("expr_comparisons", lambda: (1, 2))
def expr_comparisons(a: int, b: int) -> Tuple[bool, bool, bool, bool]:
    return a < b, a <= b, a == b, a != b


@entry("expr_boolean", lambda: (True, False))
def expr_boolean(a: bool, b: bool) -> Tuple[bool, bool, bool]:
    return a and b, a or b, not a


@entry("expr_ternary", lambda: (t(3), 1))
def expr_ternary(x: Tensor, k: int) -> Tensor:
    return x * 2 if k > 0 else x


@entry("expr_subscript_slice", lambda: (t(4, 5),))
def expr_subscript_slice(x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
    return x[0], x[1:3, ::2], x[..., -1]


@entry("expr_list_slice", lambda: ([1, 2, 3, 4, 5],))
def expr_list_slice(xs: List[int]) -> List[int]:
    return xs[1:4]


@entry("expr_list_comprehension", lambda: ([1, 2, 3],))
def expr_list_comprehension(xs: List[int]) -> List[int]:
    return [x * 10 for x in xs]


@entry("expr_dict_comprehension", lambda: ([1, 2],))
def expr_dict_comprehension(xs: List[int]) -> Dict[str, int]:
    return {str(x): x for x in xs}


@entry("expr_is_none", lambda: (None,))
def expr_is_none(x: Optional[int]) -> bool:
    return x is None


@entry("expr_in", lambda: ([1, 2, 3], 2))
def expr_in(xs: List[int], v: int) -> bool:
    return v in xs


@entry("expr_casts", lambda: (t(1), 3.7))
def expr_casts(x: Tensor, f: float) -> Tuple[int, float, bool, int]:
    return int(f), float(x), bool(x > 0), int(x.item() > 0)


@entry("expr_tensor_operators", lambda: (t(3), t(3)))
def expr_tensor_operators(a: Tensor, b: Tensor) -> Tensor:
    return (a + b) * (a - b) / (b.abs() + 1) @ a.unsqueeze(1) - a ** 2


@entry("expr_matmul_broadcast", lambda: (t(2, 3), t(3, 4)))
def expr_matmul_broadcast(a: Tensor, b: Tensor) -> Tensor:
    return a @ b + 1.0


@entry("expr_views_inplace", lambda: (t(4, 5),))
def expr_views_inplace(x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
    y = x.clone()
    v = y[1]  # a view: writes through it change y
    v.add_(10.0)
    y[0] = 3.0  # indexing assignment
    y[2, 1:3] = torch.ones(2)
    y[:, 4] *= 2.0  # augmented assignment on a slice
    tr = y.t()
    tr[0, 0] = -1.0  # through a transposed view
    y.copy_(y * 2.0)
    return y, v, tr


@entry("expr_mutate_arguments", lambda: (t(3), t(3), [t(2), t(2)]))
def expr_mutate_arguments(x: Tensor, y: Tensor, xs: List[Tensor]) -> Tuple[Tensor, Tensor, Tensor, Tensor]:
    x.add_(y)  # changes the caller's tensor
    xs[0].mul_(2.0)  # and one inside the caller's list
    xs.append(y)  # a list argument is the caller's list
    return x, x.view(3, 1), y, xs[1][0:1]  # results alias arguments


# ----------------------------------------------------------- statements


@entry("stmt_if_else_data", lambda: (t(3),))
def stmt_if_else_data(x: Tensor) -> Tensor:
    if x.sum() > 0:
        y = x * 2
    elif x.sum() < -1:
        y = -x
    else:
        y = x + 1
    return y


@entry("stmt_while", lambda: (10,))
def stmt_while(n: int) -> int:
    i = 0
    s = 0
    while i < n:
        s += i
        i += 1
    return s


@entry("stmt_for_range", lambda: (t(2), 4))
def stmt_for_range(x: Tensor, n: int) -> Tensor:
    for i in range(n):
        x = x * 0.5 + i
    return x


@entry("stmt_for_list", lambda: ([t(2), t(2)],))
def stmt_for_list(xs: List[Tensor]) -> Tensor:
    acc = torch.zeros(2)
    for x in xs:
        acc = acc + x
    return acc


@entry("stmt_break_continue", lambda: (20,))
def stmt_break_continue(n: int) -> int:
    s = 0
    for i in range(n):
        if i % 2 == 0:
            continue
        if i > 9:
            break
        s += i
    return s


@entry("stmt_early_return", lambda: (5,))
def stmt_early_return(n: int) -> int:
    for i in range(n):
        if i == 3:
            return i * 100
    return -1


@entry("stmt_augmented_assign", lambda: (t(3),))
def stmt_augmented_assign(x: Tensor) -> Tensor:
    y = x.clone()
    y += 1
    y *= 2
    y -= x
    return y


@entry("stmt_tuple_unpack", lambda: (t(4),))
def stmt_tuple_unpack(x: Tensor) -> Tensor:
    a, b = x.chunk(2)
    c, d = b, a
    return c - d


@entry("stmt_raise", lambda: (1,))
def stmt_raise(n: int) -> int:
    if n < 0:
        raise ValueError("negative")
    return n


@entry("stmt_assert", lambda: (t(3),))
def stmt_assert(x: Tensor) -> Tensor:
    assert x.dim() == 1, "expected a vector"
    return x


@entry("stmt_with_no_grad", lambda: (t(3),))
def stmt_with_no_grad(x: Tensor) -> Tensor:
    with torch.no_grad():
        y = x * 2
    return y


@entry("stmt_print_pass", lambda: (2,))
def stmt_print_pass(n: int) -> int:
    if n > 100:
        print("big", n)
    else:
        pass
    return n


@entry("stmt_nested_loops", lambda: (3, 4))
def stmt_nested_loops(a: int, b: int) -> List[List[int]]:
    rows: List[List[int]] = []
    for i in range(a):
        row: List[int] = []
        for j in range(b):
            row.append(i * j)
        rows.append(row)
    return rows


@entry("stmt_loop_carried_list", lambda: (t(2), 3))
def stmt_loop_carried_list(x: Tensor, n: int) -> List[Tensor]:
    out: List[Tensor] = []
    for i in range(n):
        out.append(x * i)
    return out


# ------------------------------------------------------------- builtins


@entry("builtin_len_range_enumerate_zip", lambda: ([1, 2, 3], [4, 5, 6]))
def builtin_len_range_enumerate_zip(a: List[int], b: List[int]) -> int:
    s = 0
    for i, v in enumerate(a):
        s += i * v
    for x, y in zip(a, b):
        s += x * y
    return s + len(a)


@entry("builtin_min_max_abs", lambda: (3, -7))
def builtin_min_max_abs(a: int, b: int) -> Tuple[int, int, int]:
    return min(a, b), max(a, b), abs(b)


@entry("builtin_math", lambda: (0.5,))
def builtin_math(x: float) -> Tuple[float, float, float, float]:
    return math.exp(x), math.log(x), math.sin(x), math.pi * x


@entry("builtin_isinstance", lambda: (t(2),))
def builtin_isinstance(x: Union[Tensor, List[Tensor]]) -> Tensor:
    if isinstance(x, Tensor):
        return x
    return x[0]


@entry("builtin_str_methods", lambda: ("Hello World",))
def builtin_str_methods(s: str) -> Tuple[str, str, bool, int, List[str]]:
    return s.lower(), s.upper(), s.startswith("He"), s.find("o"), s.split(" ")


@entry("builtin_str_format", lambda: (3, 1.5))
def builtin_str_format(i: int, f: float) -> str:
    return "{} and {}".format(i, f) + f"{i}"


@entry("builtin_list_methods", lambda: ([3, 1, 2],))
def builtin_list_methods(xs: List[int]) -> List[int]:
    ys = xs.copy()
    ys.insert(0, 9)
    ys.extend([7, 8])
    ys.pop()
    ys.reverse()
    ys.sort()
    return ys


@entry("builtin_dict_methods", lambda: ({"a": t(2), "b": t(2)},))
def builtin_dict_methods(d: Dict[str, Tensor]) -> Tensor:
    acc = torch.zeros(2)
    for k, v in d.items():
        acc = acc + v
    if "a" in d:
        acc = acc + d.get("a", torch.ones(2))
    return acc + len(d.values())


@entry("builtin_torch_functions", lambda: (t(2, 3),))
def builtin_torch_functions(x: Tensor) -> Tuple[Tensor, Tensor, Tensor, Tensor]:
    return (torch.cat([x, x], 0), torch.stack([x, x]), torch.where(x > 0, x, torch.zeros_like(x)),
            torch.arange(6).view(2, 3) + torch.ones(2, 3, dtype=torch.long))


@entry("builtin_tensor_methods", lambda: (t(2, 3),))
def builtin_tensor_methods(x: Tensor) -> Tuple[Tensor, Tensor, List[int], int]:
    return x.t().contiguous(), x.permute(1, 0).reshape(-1), x.size(), x.numel()


@entry("builtin_reductions", lambda: (t(3, 4),))
def builtin_reductions(x: Tensor) -> Tuple[Tensor, Tensor, Tensor, Tensor]:
    v, i = x.max(1)
    return x.sum(), x.mean(0), v, i


@entry("builtin_nn_functional", lambda: (t(1, 2, 8, 8),))
def builtin_nn_functional(x: Tensor) -> Tensor:
    y = F.relu(x)
    y = F.max_pool2d(y, 2)
    y = F.interpolate(y, scale_factor=2.0, mode="nearest")
    return F.softmax(y.flatten(1), dim=1)


@entry("builtin_fork_wait", lambda: (t(3),))
def builtin_fork_wait(x: Tensor) -> Tensor:
    fut = torch.jit.fork(torch.neg, x)
    y = x * 2
    return torch.jit.wait(fut) + y


def _double(x: Tensor) -> Tensor:
    return x * 2


@entry("builtin_fork_user_function", lambda: (t(3),))
def builtin_fork_user_function(x: Tensor) -> Tensor:
    fut = torch.jit.fork(_double, x + 1)
    return torch.jit.wait(fut) - x


@entry("builtin_fork_in_list", lambda: (t(3),))
def builtin_fork_in_list(x: Tensor) -> Tensor:
    futs = [torch.jit.fork(_double, x), torch.jit.fork(_double, x + 1)]
    out = x
    for f in futs:
        out = out + torch.jit.wait(f)
    return out


@entry("builtin_inplace_ops", lambda: (t(3),))
def builtin_inplace_ops(x: Tensor) -> Tensor:
    y = x.clone()
    y.add_(1).mul_(2)
    y.clamp_(min=0.0)
    return y


@entry("builtin_getattr_hasattr_device_dtype", lambda: (t(2),))
def builtin_getattr_hasattr_device_dtype(x: Tensor) -> Tuple[int, bool, bool]:
    return x.dtype, x.device == torch.device("cpu"), x.is_floating_point()


# -------------------------------------------------------------- modules


@entry("module_linear", lambda: (t(2, 4),))
class ModuleLinear(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(x)


@entry("module_sequential", lambda: (t(2, 4),))
class ModuleSequential(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2), nn.Sigmoid())

    def forward(self, x):
        return self.body(x)


@entry("module_modulelist", lambda: (t(2, 4),))
class ModuleList_(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)])

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x) + i
        return x


@entry("module_moduledict", lambda: (t(2, 4),))
class ModuleDict_(nn.Module):
    def __init__(self):
        super().__init__()
        self.heads = nn.ModuleDict({"a": nn.Linear(4, 2), "b": nn.Linear(4, 2)})

    def forward(self, x):
        return self.heads["a"](x) - self.heads["b"](x)


@entry("module_buffers_params", lambda: (t(3),))
class ModuleBuffers(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.full((3,), 2.0))
        self.register_buffer("shift", torch.arange(3.0))

    def forward(self, x):
        return x * self.scale + self.shift


@entry("module_attributes", lambda: (t(3),))
class ModuleAttributes(nn.Module):
    def __init__(self):
        super().__init__()
        self.count: int = 3
        self.ratio: float = 0.5
        self.flag: bool = True
        self.name: str = "attrs"
        self.sizes: List[int] = [1, 2, 3]
        self.table: Dict[str, int] = {"x": 1}
        self.pair: Tuple[int, float] = (1, 2.0)
        self.maybe: Optional[Tensor] = None

    def forward(self, x):
        y = x * self.count * self.ratio + len(self.sizes) + self.table["x"] + self.pair[0]
        if self.flag and self.maybe is None:
            y = y + len(self.name)
        return y


@entry("module_attributes_structured", lambda: (t(2),))
class ModuleAttributesStructured(nn.Module):
    point: Point
    either: Union[int, str]
    nested: List[Tuple[int, str]]

    def __init__(self):
        super().__init__()
        self.point = Point(torch.ones(2), torch.zeros(2))
        self.either = 3
        self.nested = [(1, "a"), (2, "b")]

    def forward(self, x):
        y = x + self.point.x - self.point.y + len(self.nested)
        e = self.either
        if isinstance(e, int):
            y = y * e
        return y


@entry("module_final_constants", lambda: (t(3),))
class ModuleFinal(nn.Module):
    k: torch.jit.Final[int]
    eps: torch.jit.Final[float]

    def __init__(self):
        super().__init__()
        self.k = 4
        self.eps = 1e-3

    def forward(self, x):
        return x * self.k + self.eps


@entry("module_export_methods", lambda: (t(3),))
class ModuleExport(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)

    @torch.jit.export
    def encode(self, x: Tensor) -> Tensor:
        return self.fc(x).tanh()

    @torch.jit.export
    def decode(self, y: Tensor) -> Tensor:
        return y * 2

    def forward(self, x):
        return self.decode(self.encode(x))


def helper_scale(x: Tensor, k: float) -> Tensor:
    return x * k


@entry("module_calls_function", lambda: (t(3),))
class ModuleCallsFunction(nn.Module):
    def forward(self, x):
        return helper_scale(x, 3.0) + helper_scale(x, 1.0)


@entry("module_ignore_unused", lambda: (t(3),))
class ModuleIgnoreUnused(nn.Module):
    @torch.jit.unused
    def debug_only(self, x: Tensor) -> Tensor:
        return x.numpy()

    @torch.jit.ignore
    def python_only(self, x: Tensor) -> Tensor:
        return x

    def forward(self, x):
        if x.dim() > 5:
            return self.debug_only(x)
        return x + 1


@entry("module_state_counter", lambda: (t(3),))
class ModuleStateCounter(nn.Module):
    def __init__(self):
        super().__init__()
        self.calls: int = 0

    def forward(self, x):
        self.calls += 1
        return x * self.calls


@entry("module_state_buffer", lambda: (t(3),))
class ModuleStateBuffer(nn.Module):
    """A buffer changed in place: a running sum kept across calls."""

    def __init__(self):
        super().__init__()
        self.register_buffer("total", torch.zeros(3))
        self.scale = nn.Parameter(torch.full((3,), 0.5))

    def forward(self, x):
        self.total.add_(x)
        return self.total * self.scale


class StateCounter(nn.Module):
    def __init__(self):
        super().__init__()
        self.seen: int = 0

    def forward(self, x: Tensor) -> Tensor:
        self.seen += x.size(0)
        return x + self.seen


@entry("module_state_submodule", lambda: (t(2, 3),))
class ModuleStateSubmodule(nn.Module):
    """State in a submodule and a list attribute, several methods."""

    history: List[float]
    best: Optional[float]

    def __init__(self):
        super().__init__()
        self.counter = StateCounter()
        self.history = []
        self.best = None

    def forward(self, x):
        y = self.counter(x)
        s = float(y.sum())
        self.history.append(s)
        best = self.best
        if best is None or s > best:
            self.best = s
        return y, len(self.history), self.best

    @torch.jit.export
    def reset(self) -> int:
        n = len(self.history)
        self.history.clear()
        self.counter.seen = 0
        self.best = None
        return n


@torch.jit.interface
class Activation(nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        pass


class Shifted(nn.Module):
    def __init__(self, by: float):
        super().__init__()
        self.by = by

    def forward(self, x: Tensor) -> Tensor:
        return torch.relu(x) + self.by


@entry("module_interface", lambda: (t(4),))
class ModuleInterface(nn.Module):
    """A call through a module interface whose module is known."""

    act: Activation

    def __init__(self):
        super().__init__()
        self.act = Shifted(0.5)

    def forward(self, x):
        return self.act.forward(x) * 2


@entry("unsupported_interface_assigned", lambda: (t(4),))
class UnsupportedInterfaceAssigned(nn.Module):
    """A module interface attribute that a method assigns: which module a
    call reaches is only known at run time."""

    act: Activation

    def __init__(self):
        super().__init__()
        self.act = Shifted(0.5)
        self.other = Shifted(1.0)

    def forward(self, x):
        return self.act.forward(x)

    @torch.jit.export
    def swap(self):
        self.act = self.other


@entry("unsupported_quantized_dynamic", lambda: (t(2, 4),), kind="factory")
def unsupported_quantized_dynamic():
    """Dynamic quantization: packed weights are TorchBind objects."""
    q = torch.quantization.quantize_dynamic(
        nn.Sequential(nn.Linear(4, 4)), {nn.Linear}, dtype=torch.qint8)
    return torch.jit.script(q)


@entry("module_nested_submodules", lambda: (t(2, 4),))
class ModuleNested(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = nn.Sequential(OrderedDict(
            conv=nn.Conv1d(2, 2, 3, padding=1), bn=nn.BatchNorm1d(2), act=nn.GELU()))
        self.shared = nn.Linear(4, 4)
        self.again = self.shared

    def forward(self, x):
        return self.again(self.shared(self.block(x.unsqueeze(0)).squeeze(0)))


class TracedInner(nn.Module):
    def forward(self, x):
        return torch.relu(x) * 2


@entry("module_traced_in_scripted", lambda: (t(3),))
class ModuleTracedInScripted(nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = torch.jit.trace(TracedInner(), torch.randn(3))

    def forward(self, x):
        if x.sum() > 0:
            return self.inner(x)
        return x


@torch.jit.script
def scripted_gate(x: Tensor) -> Tensor:
    if x.mean() > 0:
        return x
    return -x


class ScriptedInTraced(nn.Module):
    def forward(self, x):
        return scripted_gate(x) + 1


@entry("module_scripted_in_traced", lambda: (t(3),), kind="trace")
class ScriptedInTracedEntry(ScriptedInTraced):
    pass


@entry("module_conv_bn_relu", lambda: (t(1, 3, 8, 8),))
class ModuleConvBnRelu(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.bn = nn.BatchNorm2d(4)
        self.drop = nn.Dropout(0.2)

    def forward(self, x):
        return self.drop(F.relu(self.bn(self.conv(x))))


@entry("module_methods_call_methods", lambda: (t(3),))
class ModuleMethodsCallMethods(nn.Module):
    def step(self, x: Tensor, k: int) -> Tensor:
        return x + k

    def twice(self, x: Tensor) -> Tensor:
        return self.step(self.step(x, 1), 2)

    def forward(self, x):
        return self.twice(x)


# -------------------------------------------------------------- classes


@torch.jit.script
class Accumulator:
    def __init__(self, start: Tensor):
        self.total = start
        self.steps = 0

    def add(self, x: Tensor) -> None:
        self.total = self.total + x
        self.steps += 1

    def mean(self) -> Tensor:
        return self.total / self.steps


@entry("class_user_class", lambda: ([t(2), t(2), t(2)],))
def class_user_class(xs: List[Tensor]) -> Tensor:
    acc = Accumulator(torch.zeros(2))
    for x in xs:
        acc.add(x)
    return acc.mean()


class Color(enum.Enum):
    RED = 1
    GREEN = 2


@entry("class_enum", lambda: (t(2),))
def class_enum(x: Tensor) -> Tensor:
    c = Color.GREEN
    if c == Color.RED:
        return x
    return x * c.value


@entry("class_attribute_object", lambda: (t(2),))
class ModuleWithObject(nn.Module):
    def __init__(self):
        super().__init__()
        self.acc = Accumulator(torch.ones(2))

    def forward(self, x):
        return x + self.acc.total


@entry("class_namedtuple_module", lambda: (t(2),))
class ModuleNamedTuple(nn.Module):
    def forward(self, x) -> Point:
        return Point(x, x * 2)


# ----------------------------------------------------- larger models


def torchvision_model(name, trace):
    def make():
        import torchvision
        m = getattr(torchvision.models, name)().eval()
        if trace:
            return torch.jit.trace(m, torch.randn(1, 3, 224, 224))
        return torch.jit.script(m)
    return make


for _name in ["resnet18", "mobilenet_v2", "squeezenet1_0", "shufflenet_v2_x1_0"]:
    for _trace in (False, True):
        ENTRIES["tv_%s_%s" % (_name, "traced" if _trace else "scripted")] = (
            torchvision_model(_name, _trace), (lambda: (t(1, 3, 224, 224),)), "factory")
        TOLERANCES["tv_%s_%s" % (_name, "traced" if _trace else "scripted")] = (
            "--atol 1e-5")

class LSTMModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(4, 8, 2)

    def forward(self, x: Tensor) -> Tuple[Tensor, Tuple[Tensor, Tensor]]:
        return self.lstm(x)


ENTRIES["nn_lstm"] = (LSTMModel, lambda: (t(5, 2, 4),), "script")
ENTRIES["nn_transformer_encoder_layer"] = (
    lambda: torch.jit.script(nn.TransformerEncoderLayer(16, 2).eval()),
    lambda: (t(7, 3, 16), None, None), "factory")


def build(name):
    obj, inputs, kind = ENTRIES[name]
    torch.manual_seed(0)
    if kind == "factory":
        module = obj()
    elif kind == "trace":
        module = torch.jit.trace(obj().eval(), inputs())
    elif isinstance(obj, type):
        module = torch.jit.script(obj().eval())
    else:
        module = torch.jit.script(obj)
    torch.manual_seed(1)
    return module, inputs()


def main(argv):
    if argv[1:] == ["--list"]:
        print("\n".join(ENTRIES))
        return
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for name in argv[2:] or list(ENTRIES):
        module, inputs = build(name)
        torch.jit.save(module, os.path.join(out, name + ".pt"))
        torch.save(inputs, os.path.join(out, name + ".inputs.pt"))
        if name in TOLERANCES:
            with open(os.path.join(out, name + ".tolerance"), "w") as f:
                f.write(TOLERANCES[name] + "\n")


if __name__ == "__main__":
    main(sys.argv)
