#!/usr/bin/env python3
"""schedule.py DB NOALLOC [--serial S] [--json FILE]: what -j2 can give on
the units of DB whatever the load of the machine.

Runs `NOALLOC -j1 --no-cache` on each unit of DB alone and takes its CPU
time (user + system: unlike wall time, about the same on a loaded machine),
then replays the units on two workers in three orders: largest main file
first (the driver's), most CPU first (the best greedy order) and the
database's. The speed-up printed is the sum of the units' CPU over the
two-worker makespan plus S seconds run serially (start, link, report).
Each unit's time includes a process start, which a whole run pays once."""
import argparse
import heapq
import json
import os
import resource
import subprocess


def unit_costs(db, noalloc):
    entries = json.load(open(os.path.join(db, "compile_commands.json")))
    costs = {}
    for e in entries:
        f = os.path.join(e["directory"], e["file"])
        if f in costs:
            continue
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([noalloc, "-j1", "--no-cache", "--quiet", "-p", db, f],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        costs[f] = {"cpu": cpu, "size": os.path.getsize(f)}
        print("%7.2f s CPU %9d bytes  %s" % (cpu, costs[f]["size"], f), flush=True)
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
    parser.add_argument("--serial", type=float, default=0.0)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    costs = unit_costs(args.db, os.path.abspath(args.noalloc))
    total = sum(c["cpu"] for c in costs.values())
    orders = {
        "largest file first": sorted(costs, key=lambda f: -costs[f]["size"]),
        "most CPU first": sorted(costs, key=lambda f: -costs[f]["cpu"]),
        "database order": list(costs),
    }
    print("%d units, %.2f s CPU, the largest %.2f s" %
          (len(costs), total, max(c["cpu"] for c in costs.values())))
    for name, order in orders.items():
        end = makespan(costs, order) + args.serial
        print("  -j2, %-18s: %.2f s, %.3fx" % (name, end, (total + args.serial) / end))
    if args.json:
        json.dump(costs, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()
