# The docs' foo(len), a loop and an if on a data-dependent bound, on
# 128 KiB tensors: large enough for the runtime's caching allocator, so
# that threads allocate and free its blocks concurrently.
def work(len: int) -> torch.Tensor:
    rv = torch.zeros(128, 256)
    for i in range(len):
        if i < 10:
            rv = rv - 1.0
        else:
            rv = torch.relu(rv + 1.5) * 2.0
    return rv
