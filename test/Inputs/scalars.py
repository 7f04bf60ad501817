# Scalars, lists and exceptions across the boxed entry point.
def total(xs: List[int], big: int) -> int:
    s = big
    for x in xs:
        s = s + x
    return s


def checked(x: int) -> int:
    assert x >= 0, "x must be non-negative"
    return x * 2


def scale(x: Tensor, k: float, flip: bool) -> Tuple[Tensor, float]:
    if flip:
        return -x * k, k
    return x * k, k + 1.0
