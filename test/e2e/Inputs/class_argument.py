# A function whose first argument is an object of a user class is a plain
# method of the compiled model, not a method of a module (`self`).
class Rect:
    def __init__(self, w: float, h: float):
        self.w = w
        self.h = h


def area(r: Rect) -> float:
    return r.w * r.h


def forward(x: float) -> float:
    return area(Rect(x, 2.0))
