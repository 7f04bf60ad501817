"""compare.py GOT.bin EXPECTED.bin: float32 files of the same size; prints
the largest absolute error and exits 1 unless every value is within
1e-5 + 1e-5 * |expected| (torch.allclose's default test at 1e-5)."""
import sys

import numpy as np

got = np.fromfile(sys.argv[1], np.float32)
expected = np.fromfile(sys.argv[2], np.float32)
if got.shape != expected.shape:
    print("mismatch: %d values, expected %d" % (got.size, expected.size))
    sys.exit(1)
error = float(np.max(np.abs(got - expected))) if got.size else 0.0
ok = np.allclose(got, expected, rtol=1e-5, atol=1e-5)
print("max abs error %.3g%s" % (error, "" if ok else "  MISMATCH"))
sys.exit(0 if ok else 1)
