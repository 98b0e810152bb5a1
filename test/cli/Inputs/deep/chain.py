"""Prints a C program whose functions call each other in a chain N deep:
f0 calls f1, ..., f(N-1) calls malloc (each defined before its caller).

  chain.py N
"""
import sys

n = int(sys.argv[1])
print("#include <stdlib.h>")
for i in range(n - 1, -1, -1):
    body = "return malloc(16);" if i == n - 1 else "return f%d(x + 1);" % (i + 1)
    print("void *f%d(int x) { %s }" % (i, body))
