"""Prints a C program of N roots r0 ... r(N-1): every third one allocates.

  many.py N
"""
import sys

print("#include <stdlib.h>")
for i in range(int(sys.argv[1])):
    body = "malloc(1)" if i % 3 == 0 else "0"
    print("void *r%d(void) { return %s; }" % (i, body))
