#!/usr/bin/env python3
"""schedule.py DB NOALLOC [--units K] [--syntax] [--serial S] [--json FILE]:
what -j2 can give on the units of DB whatever the load of the machine, and
what one worker holds.

Runs `NOALLOC -j1 --no-cache` on each unit of DB alone (--units K: the K
units scale.py real takes) and takes its CPU time (user + system: unlike
wall time, about the same on a loaded machine) and peak RSS, then replays
the units on two workers in three orders: largest main file first (the
driver's), most CPU first (the best greedy order) and the database's. The
speed-up printed is the sum of the units' CPU over the two-worker makespan
plus S seconds run serially (start, link, report). Each unit's time
includes a process start, which a whole run pays once.

--syntax also runs `clang++-22 -fsyntax-only` on each unit alone (the
command scale.py real runs) and prints, per unit and for the largest, the
ratio of noalloc's peak RSS to the parse's: issue 11's "peak RSS per
worker at most 1.1x the largest -fsyntax-only"."""
import argparse
import heapq
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scale  # noqa: E402


def unit_costs(db, noalloc, units, syntax):
    costs = {}
    for e in scale.load_entries(db, units):
        f = e["file"]
        _, rss, _, _ = scale.run([noalloc, "-j1", "--no-cache", "--quiet", "-p", db, f])
        costs[f] = {"cpu": scale.CPU[0], "rss_mb": rss, "size": os.path.getsize(f)}
        line = "%7.2f s CPU %6.0f MiB" % (costs[f]["cpu"], rss)
        if syntax:
            _, srss, _, _ = scale.run(scale.syntax_only_argv(e), cwd=e["directory"])
            costs[f].update(syntax_cpu=scale.CPU[0], syntax_rss_mb=srss)
            line += "  -fsyntax-only %6.2f s %6.0f MiB (RSS %.2fx)" % (
                scale.CPU[0], srss, rss / srss)
        print("%s %9d bytes  %s" % (line, costs[f]["size"], f), flush=True)
    return costs


def makespan(costs, order, workers=2):
    ends = [0.0] * workers
    for f in order:
        heapq.heappush(ends, heapq.heappop(ends) + costs[f]["cpu"])
    return max(ends)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("noalloc")
    parser.add_argument("--units", type=int, default=0)
    parser.add_argument("--syntax", action="store_true")
    parser.add_argument("--serial", type=float, default=0.0)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    print("load average %.1f %.1f %.1f" % os.getloadavg(), flush=True)
    costs = unit_costs(os.path.abspath(args.db), os.path.abspath(args.noalloc),
                       args.units, args.syntax)
    total = sum(c["cpu"] for c in costs.values())
    orders = {
        "largest file first": sorted(costs, key=lambda f: -costs[f]["size"]),
        "most CPU first": sorted(costs, key=lambda f: -costs[f]["cpu"]),
        "database order": list(costs),
    }
    print("%d units, %.2f s CPU, the largest %.2f s; load average %.1f %.1f %.1f" %
          ((len(costs), total, max(c["cpu"] for c in costs.values())) + os.getloadavg()))
    for name, order in orders.items():
        end = makespan(costs, order) + args.serial
        print("  -j2, %-18s: %.2f s, %.3fx" % (name, end, (total + args.serial) / end))
    if args.syntax:
        worst = max(costs, key=lambda f: costs[f]["rss_mb"] / costs[f]["syntax_rss_mb"])
        print("  peak RSS alone: noalloc's largest %.0f MiB, -fsyntax-only's largest %.0f MiB"
              " (%.2fx); the highest ratio of one unit %.2fx (%s)" % (
                  max(c["rss_mb"] for c in costs.values()),
                  max(c["syntax_rss_mb"] for c in costs.values()),
                  max(c["rss_mb"] for c in costs.values()) /
                  max(c["syntax_rss_mb"] for c in costs.values()),
                  costs[worst]["rss_mb"] / costs[worst]["syntax_rss_mb"],
                  os.path.basename(worst)))
    if args.json:
        json.dump(costs, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()
