# TorchScript source with a class and functions that refer to each other in
# any order, as Python allows.
class Accumulator:
    def __init__(self, start: Tensor):
        self.total = start
        self.steps = 0

    def add(self, x: Tensor) -> None:
        self.total = self.total + scale(x)
        self.steps += 1

    def mean(self) -> Tensor:
        return self.total / self.steps


def average(xs: List[Tensor]) -> Tensor:
    acc = Accumulator(torch.zeros(2))
    for x in xs:
        acc.add(x)
    return acc.mean()


def scale(x: Tensor) -> Tensor:
    return x * 2.0
