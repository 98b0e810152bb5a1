#!/usr/bin/env python3
"""Joins what the runtime oracle measured (libscan-sample.{c,cpp}) with what
noalloc-libscan derived from the machine code of this system's libraries.

  agreement.py NOALLOC_LIBSCAN ORACLE_OUTPUT...

A function allocates on some input when one of its witnesses allocated.
Agreement: the oracle saw it allocate and the machine code reaches the
allocator, or the oracle saw none and the machine code reaches none. A
function the oracle saw allocate that the machine code calls allocation-free
is a miss (the derived facts would be unsound)."""
import re
import subprocess
import sys

RANK = {"none": 0, "releases": 1, "fails-only": 2, "unknown": 3, "allocates": 4}
LABEL = re.compile(r": confirmed: (\S+) '([^']+)': (\d+) acquired, (\d+) released")


def derived(libscan):
    out = subprocess.run([libscan, "--system", "--verdicts"], check=False,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         universal_newlines=True).stdout
    best = {}
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) < 5:
            continue
        symbol, name, _, effect, why = cols[:5]
        for key in {symbol, name}:
            if key and RANK[effect] >= RANK.get(best.get(key, ("none", ""))[0], 0):
                best[key] = (effect, why)
    return best


def observed(files):
    seen = {}
    for path in files:
        for line in open(path):
            m = LABEL.search(line)
            if m:
                name, acq = m.group(2), int(m.group(3))
                seen[name] = max(seen.get(name, 0), acq)
    return seen


def main():
    facts = derived(sys.argv[1])
    seen = observed(sys.argv[2:])
    rows, counts = [], {}
    for name in sorted(seen):
        effect, why = facts.get(name, ("absent", ""))
        allocated = seen[name] > 0
        if effect == "absent":
            verdict = "not exported"
        elif effect == "unknown":
            verdict = "unknown"
        elif allocated:
            verdict = "agree" if effect == "allocates" else "MISS"
        else:
            verdict = "agree" if effect in ("none", "releases", "fails-only") else "over"
        counts[verdict] = counts.get(verdict, 0) + 1
        rows.append("%-40s %-10s %-10s %-12s %s" % (
            name, "allocates" if allocated else "none", effect, verdict, why[:90]))
    print("%-40s %-10s %-10s %-12s %s" % ("function", "oracle", "libscan", "verdict", "path"))
    print("\n".join(rows))
    total = len(seen)
    print("\n%d functions: %s" % (total, ", ".join(
        "%d %s" % (counts[k], k) for k in sorted(counts))))
    alloc = sum(1 for n in seen if seen[n] > 0 and n in facts)
    hit = sum(1 for n in seen if seen[n] > 0 and facts.get(n, ("",))[0] == "allocates")
    print("recall (oracle allocates -> libscan allocates): %d/%d" % (hit, alloc))
    return 1 if counts.get("MISS") else 0


if __name__ == "__main__":
    sys.exit(main())
