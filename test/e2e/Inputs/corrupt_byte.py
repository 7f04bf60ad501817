"""corrupt_byte.py FILE OFFSET: flips the bits of one byte of FILE."""
import sys

with open(sys.argv[1], "r+b") as f:
    f.seek(int(sys.argv[2]))
    b = f.read(1)
    f.seek(int(sys.argv[2]))
    f.write(bytes([b[0] ^ 0xFF]))
