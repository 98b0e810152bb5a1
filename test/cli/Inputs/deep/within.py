"""Runs a command and says whether it stayed within a CPU time (user +
system: the other tenants of a shared machine do not count) and a peak
resident memory, and its output file within a size.

  within.py SECONDS MIB [--stdout FILE] [--file FILE MB] -- COMMAND...

Prints "exit S, within SECONDS s of CPU, within MIB MiB[, FILE within MB MB]",
with the measured value in place of each bound that was exceeded. In a
sanitized build lit sets NOALLOC_BOUND_FACTOR, by which the CPU and memory
bounds are multiplied (the bounds printed are the ones given).
"""
import os
import resource
import subprocess
import sys

args = sys.argv[1:]
split = args.index("--")
options, command = args[:split], args[split + 1:]
seconds, mib = float(options[0]), float(options[1])
factor = float(os.environ.get("NOALLOC_BOUND_FACTOR", "1"))
stdout, size_check = None, None
rest = options[2:]
while rest:
    if rest[0] == "--stdout":
        stdout, rest = rest[1], rest[2:]
    elif rest[0] == "--file":
        size_check, rest = (rest[1], float(rest[2])), rest[3:]
    else:
        sys.exit("within.py: unknown option " + rest[0])
with open(stdout, "wb") if stdout else open(os.devnull, "rb") as sink:
    status = subprocess.call(command, stdout=sink if stdout else None)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
rss = usage.ru_maxrss / 1024.0
words = ["exit %d" % status,
         "within %g s of CPU" % seconds if cpu < seconds * factor else "%.1f s of CPU" % cpu,
         "within %g MiB" % mib if rss < mib * factor else "%.0f MiB" % rss]
if size_check:
    path, mb = size_check
    size = os.path.getsize(path) / 1e6
    words.append("output within %g MB" % mb if size < mb else "output %.1f MB" % size)
print(", ".join(words))
