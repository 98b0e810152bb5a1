#!/usr/bin/env python3
"""noalloc's runtime oracle: builds a test input's witnesses (the
`#ifdef NOALLOC_ORACLE` block, see oracle.h) with the heap counter, runs
them, and fails when the heap contradicts a label.

    oracle.py [--stdlib=libstdc++,libc++] FILE [-- COMPILER FLAGS]

C++ inputs are built and run once per standard library (default: both;
libc++ 22 is the one in /usr/lib/llvm-22, installed by scripts/install-deps).
C inputs are built once; Objective-C inputs (.m) once, with the GNU
runtime (GCC's libobjc, which Debian's clang-22 depends on). Prints one
line per label and standard library."""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LLVM = os.environ.get("NOALLOC_LLVM_ROOT", "/usr/lib/llvm-22")


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)


# The Objective-C runtime this platform has, and its exceptions.
OBJC_FLAGS = ["-fobjc-runtime=gcc", "-fexceptions", "-fobjc-exceptions", "-lobjc"]


def build_and_run(src, is_cxx, stdlib, flags, workdir, counter):
    cc = os.path.join(LLVM, "bin", "clang++" if is_cxx else "clang")
    exe = os.path.join(workdir, "witness-" + (stdlib or "c"))
    # -O0: no heap elision, every call the source makes is counted.
    cmd = [cc, "-O0", "-w", "-DNOALLOC_ORACLE", "-I", HERE, src, counter]
    if src.endswith(".m"):
        cmd += OBJC_FLAGS
    if is_cxx:
        cmd += ["-stdlib=" + stdlib]
        if stdlib == "libc++":
            cmd += ["-Wl,-rpath," + os.path.join(LLVM, "lib")]
    cmd += flags + ["-pthread", "-o", exe]
    built = run(cmd)
    if built.returncode != 0:
        return False, "error: witness build failed:\n" + " ".join(cmd) + "\n" + built.stdout
    ran = run([exe])
    return ran.returncode == 0, ran.stdout + (
        "" if ran.returncode == 0 else "exit status %d\n" % ran.returncode)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stdlib", default="libstdc++,libc++")
    parser.add_argument("file")
    parser.add_argument("flags", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    flags = [f for f in args.flags if f != "--"]
    is_cxx = not args.file.endswith((".c", ".m"))
    stdlibs = args.stdlib.split(",") if is_cxx else [None]
    ok = True
    with tempfile.TemporaryDirectory(prefix="noalloc-oracle-") as work:
        counter = os.path.join(work, "count_heap.o")
        built = run([os.path.join(LLVM, "bin", "clang"), "-O2", "-fPIC", "-c",
                     os.path.join(HERE, "count_heap.c"), "-o", counter])
        if built.returncode != 0:
            print("error: cannot build the heap counter\n" + built.stdout)
            return 1
        for stdlib in stdlibs:
            good, out = build_and_run(args.file, is_cxx, stdlib, flags, work,
                                      counter)
            tag = "[%s] " % stdlib if stdlib else ""
            for line in out.splitlines():
                print(tag + line)
            if not good:
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
