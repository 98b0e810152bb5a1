#!/usr/bin/env python3
"""Writes generated C++ programs for the scale benchmark.

  generate.py program DIR N [SEED]     N translation units with a realistic
                                       call structure, and compile_commands.json
  generate.py pathological DIR CASE SIZE
                                       one source file: chain, rooted, dense,
                                       mutual, huge, table or macro

The program: each unit defines FUNCTIONS functions and a Task subclass. A
function calls two or three others, most in its own unit and the rest in
units further down (a layered program, with a little recursion), through
direct calls, a virtual call and a function-pointer table. A few functions
allocate (new, malloc, a header-defined Buffer::grow that every unit
instantiates), so chains cross units. Parsing stays cheap (no standard
library headers but <stdlib.h>), so N = 10,000 fits in minutes.
"""
import json
import os
import random
import sys

FUNCTIONS = 8

COMMON_H = """\
#pragma once
#include <stdlib.h>
// Defined in a header: every unit that uses it has its own copy of the facts.
template <typename T> struct Buffer {
  T *data = nullptr;
  int size = 0;
  void grow(int n) {
    T *bigger = new T[n];
    for (int i = 0; i < size; ++i)
      bigger[i] = data[i];
    delete[] data;
    data = bigger;
    size = n;
  }
  ~Buffer() { delete[] data; }
};
struct Task {
  virtual ~Task() = default;
  virtual int run(int) = 0;
};
using Handler = int (*)(int);
"""


def write_program(directory, n, seed=1):
    rng = random.Random(seed)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "common.h"), "w") as f:
        f.write(COMMON_H)
    entries = []
    for unit in range(n):
        header = ["#pragma once", '#include "common.h"']
        header += ["int m%d_f%d(int);" % (unit, j) for j in range(FUNCTIONS)]
        header.append("Task *m%d_task();" % unit)
        with open(os.path.join(directory, "m%d.h" % unit), "w") as f:
            f.write("\n".join(header) + "\n")
        includes, body = set(), []
        for j in range(FUNCTIONS):
            calls = []
            for _ in range(rng.randint(2, 3)):
                if unit + 1 < n and rng.random() < 0.35:
                    # Down the layers, mostly nearby; sometimes back up
                    # (recursion across units).
                    if rng.random() < 0.03 and unit > 0:
                        other = rng.randrange(0, unit)
                    else:
                        other = min(n - 1, unit + 1 + int(rng.expovariate(1 / 20.0)))
                    includes.add(other)
                    calls.append("m%d_f%d(x + %d)" % (other, rng.randrange(FUNCTIONS), j))
                elif j + 1 < FUNCTIONS:
                    calls.append("m%d_f%d(x - 1)" % (unit, rng.randrange(j + 1, FUNCTIONS)))
            kind = rng.random()
            lines = ["int m%d_f%d(int x) {" % (unit, j), "  int r = x;"]
            if kind < 0.04:
                lines.append("  int *p = new int(x); r += *p; delete p;")
            elif kind < 0.07:
                lines.append("  char *c = static_cast<char *>(malloc(16)); r += c != nullptr; free(c);")
            elif kind < 0.10:
                lines.append("  Buffer<int> b; b.grow(x & 15); r += b.size;")
            if calls:
                lines.append("  if (x > 0) {")
                lines += ["    r += %s;" % c for c in calls]
                lines.append("  }")
            lines += ["  return r;", "}"]
            body.append("\n".join(lines))
        target = min(n - 1, unit + 1)
        includes.add(target)
        body.append(
            "namespace {\nstruct Worker%d : Task {\n  int run(int x) override { return m%d_f0(x); }\n};\n"
            "Handler table[] = {m%d_f0, m%d_f1};\n}\n"
            "Task *m%d_task() { static Worker%d w; return &w; }\n"
            "int m%d_dispatch(int x) { return table[x & 1](x) + m%d_task()->run(x); }"
            % (unit, target, unit, unit, unit, unit, unit, unit))
        text = '#include "m%d.h"\n' % unit
        text += "".join('#include "m%d.h"\n' % i for i in sorted(includes) if i != unit)
        text += "\n" + "\n\n".join(body) + "\n"
        source = os.path.join(directory, "m%d.cpp" % unit)
        with open(source, "w") as f:
            f.write(text)
        entries.append({"directory": directory, "file": source,
                        "arguments": ["clang++-22", "-std=c++17", "-c", source,
                                      "-o", "/dev/null"]})
    with open(os.path.join(directory, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=0)
    return directory


# (case, size) run by scale.py pathological; sizes below the (a
# 10,000-deep chain, 100,000 functions) keep the whole run within minutes on
# two cores: pass larger sizes to generate.py by hand.
PATHOLOGICAL = [("chain", 1000), ("rooted", 1000), ("dense", 500),
                ("mutual", 2000), ("huge", 10000), ("table", 100000),
                ("macro", 1024)]


def pathological_options(case):
    """noalloc's options for a case: 'rooted' is the chain under a root,
    every step of which is reached from it."""
    return ["--config={CheckOptions: {Roots: 'f0'}}"] if case == "rooted" else []


def pathological_text(case, size):
    out = ["#include <stdlib.h>"]
    if case in ("chain", "rooted"):  # f0 -> f1 -> ... -> malloc: each call a finding
        out.append("void *f%d() { return malloc(1); }" % (size - 1))
        for i in range(size - 2, -1, -1):
            out.append("void *f%d() { return f%d(); }" % (i, i + 1))
    elif case == "dense":  # every function calls twenty others
        rng = random.Random(size)
        out += ["void g%d(int);" % i for i in range(size)]
        out.append("void g0(int x) { if (x) free(malloc(x)); }")
        for i in range(1, size):
            calls = " ".join("g%d(x - 1);" % rng.randrange(size) for _ in range(20))
            out.append("void g%d(int x) { if (x > 0) { %s } }" % (i, calls))
    elif case == "mutual":  # one cycle through every function
        out += ["void h%d(int);" % i for i in range(size)]
        for i in range(size):
            extra = " free(malloc(1));" if i == 0 else ""
            out.append("void h%d(int x) { if (x) h%d(x - 1);%s }" % (i, (i + 1) % size, extra))
    elif case == "huge":  # many small functions, each with a new
        for i in range(size):
            out.append("int *k%d() { return new int(%d); }" % (i, i))
    elif case == "table":  # a large data table and one malloc
        rows = ",".join(str(i % 997) for i in range(size))
        out.append("static const int table[] = {%s};" % rows)
        out.append("void *grab(int i) { return malloc(table[i]); }")
    elif case == "macro":  # macros that expand to many allocating calls
        out.append("#define A(x) free(malloc(x));")
        out.append("#define B(x) A(x) A(x + 1) A(x + 2) A(x + 3)")
        out.append("#define C(x) B(x) B(x + 4) B(x + 8) B(x + 12)")
        for i in range(size // 16):
            out.append("void m%d() { C(%d) }" % (i, i))
            out.append("void n%d() { m%d(); }" % (i, i))
    else:
        raise ValueError(case)
    return "\n".join(out) + "\n"


def write_pathological(directory, case, size):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "%s.cpp" % case)
    with open(path, "w") as f:
        f.write(pathological_text(case, size))
    return path


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "program":
        write_program(sys.argv[2], int(sys.argv[3]),
                      int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    elif len(sys.argv) == 5 and sys.argv[1] == "pathological":
        print(write_pathological(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    else:
        sys.exit(__doc__)
