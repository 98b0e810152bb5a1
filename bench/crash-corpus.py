#!/usr/bin/env python3
"""Crash corpus: noalloc with every check over every unit of real projects.

  crash-corpus.py [PROJECT...] --work DIR [--mirrors DIR]
      PROJECT is a name from bench/corpus.py (checked out at its pinned
      commit and configured under DIR, see corpus.py) or NAME=PATH, a
      directory with compile_commands.json. Default: every corpus project.
  crash-corpus.py --summarize RESULTS.jsonl
      the totals of an earlier (or interrupted) run.

For every unit (each source file of a database once) it runs

  noalloc -p DB FILE --checks='noalloc-*' --no-cache -j1

and, for the units chosen by --syntax (below), the unit's own compile
command with -fsyntax-only, each under a CPU-time measure (os.wait4) and a
wall-clock timeout. A unit is

- a crash: killed by a signal, an exit status above 2, or output with
  "PLEASE submit a bug report", "LLVM ERROR", "Stack dump:" or noalloc's
  own "clang crashed while analysing";
- a hang: killed by the timeout, or noalloc's CPU time above 10 times the
  unit's -fsyntax-only CPU time and above --hang-floor seconds;
- exit 2 (noalloc's "does not compile"): explained when -fsyntax-only
  fails on it too.

--syntax=all runs -fsyntax-only on every unit; the default, --syntax=3,
only where noalloc took 3 CPU seconds or more, exited 2, or the unit is
one in --sample (every 4th): the hang test needs it only for slow units.

Each result is appended to DIR/crash-corpus.jsonl as it is measured, so an
interrupted run keeps what it measured; the summary (DIR/crash-corpus.json
and .md) is written at the end, or by --summarize.
"""
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import corpus  # noqa: E402
import scale  # noqa: E402

CRASH_MARKERS = ("PLEASE submit a bug report", "LLVM ERROR", "Stack dump:",
                 "clang crashed while analysing")


def measure(argv, cwd, timeout):
    """Runs argv under `timeout` wall seconds. Returns a dict: exit (negative:
    the signal), cpu_s, rss_mb, wall_s, timed_out, tail (the last 4 KiB of
    output) and markers (crash markers found anywhere in the output)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        timed_out = []

        def kill():
            timed_out.append(True)
            os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = 0  # reaped by wait4
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode(errors="replace")
    return {"exit": os.waitstatus_to_exitcode(status),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "rss_mb": round(usage.ru_maxrss / 1024.0, 1), "wall_s": round(wall, 3),
            "timed_out": bool(timed_out), "tail": text[-4096:],
            "markers": [m for m in CRASH_MARKERS if m in text]}


def wants_syntax(args, index, noalloc):
    if args.syntax == "all":
        return True
    return (noalloc["cpu_s"] >= float(args.syntax) or noalloc["exit"] == 2
            or noalloc["timed_out"] or index % args.sample == 0)


def classify(noalloc, syntax, hang_floor):
    crash = (noalloc["exit"] < 0 or noalloc["exit"] > 2 or bool(noalloc["markers"]))
    hang = noalloc["timed_out"] or bool(
        syntax and noalloc["cpu_s"] > hang_floor
        and noalloc["cpu_s"] > 10 * max(syntax["cpu_s"], 0.01))
    return crash and not noalloc["timed_out"], hang


def syntax_only(commands, timeout):
    """-fsyntax-only with each command: CPU and wall added up, the largest
    RSS, the first failure's exit status and output."""
    total = None
    for entry in commands:
        one = measure(scale.syntax_only_argv(entry), entry["directory"], timeout)
        if total is None:
            total = one
            continue
        for key in ("cpu_s", "wall_s"):
            total[key] = round(total[key] + one[key], 3)
        total["rss_mb"] = max(total["rss_mb"], one["rss_mb"])
        total["timed_out"] |= one["timed_out"]
        if total["exit"] == 0 and one["exit"] != 0:
            total["exit"], total["tail"] = one["exit"], one["tail"]
    return total


def analyse_unit(args, project, database, index, commands):
    unit = commands[0]["file"]
    noalloc = measure([args.noalloc, "-p", database, unit, "--checks=noalloc-*",
                       "--no-cache", "-j1"], commands[0]["directory"], args.timeout)
    syntax = None
    if wants_syntax(args, index, noalloc):
        syntax = syntax_only(commands, args.timeout)
    crash, hang = classify(noalloc, syntax, args.hang_floor)
    result = {"project": project, "unit": unit, "commands": len(commands),
              "noalloc": noalloc, "syntax": syntax, "crash": crash, "hang": hang}
    if not (crash or hang or noalloc["exit"] == 2):
        noalloc["tail"] = ""  # kept only where someone has to read it
    if syntax and syntax["exit"] == 0:
        syntax["tail"] = ""
    return result


def commands_of(database):
    """{file: [distinct compile commands]}: noalloc (as clang-tidy) parses a
    file once per command that compiles it, so its -fsyntax-only does too."""
    with open(os.path.join(database, "compile_commands.json")) as f:
        entries = json.load(f)
    commands = collections.defaultdict(dict)
    for e in entries:
        e = dict(e, file=os.path.normpath(os.path.join(e["directory"], e["file"])))
        key = (e["directory"], tuple(scale.syntax_only_argv(e)))
        commands[e["file"]].setdefault(key, e)
    return {f: list(c.values()) for f, c in commands.items()}


def units_of(projects):
    for name, database in projects:
        commands = commands_of(database)
        for index, entry in enumerate(scale.load_entries(database, 0)):
            if os.path.exists(entry["file"]):
                yield name, database, index, commands[entry["file"]]


def run_corpus(args, projects, results_path):
    measured = {}
    if os.path.exists(results_path) and args.resume:
        with open(results_path) as f:
            measured = {r["unit"]: r for r in map(json.loads, filter(str.strip, f))}

    def done(commands):
        # Measured before, unless -fsyntax-only then ran one command of several.
        r = measured.get(commands[0]["file"])
        return r and ("commands" in r or not r["syntax"] or len(commands) == 1)

    lock = threading.Lock()
    units = [u for u in units_of(projects) if not done(u[3])]
    print("crash-corpus: %d units to analyse (%d measured before)"
          % (len(units), len(measured)), flush=True)
    with open(results_path, "a") as out, ThreadPoolExecutor(args.jobs) as pool:
        def one(unit):
            result = analyse_unit(args, *unit)
            with lock:
                out.write(json.dumps(result) + "\n")
                out.flush()
                flag = "CRASH " if result["crash"] else "HANG " if result["hang"] else ""
                print("%s%s %s exit %d %.1f s %.0f MiB" % (
                    flag, result["project"], os.path.basename(result["unit"]),
                    result["noalloc"]["exit"], result["noalloc"]["cpu_s"],
                    result["noalloc"]["rss_mb"]), flush=True)
        list(pool.map(one, units))


def summarize(results):
    by_project = collections.OrderedDict()
    for r in results:
        by_project.setdefault(r["project"], []).append(r)
    rows = [summary_of(name, rs) for name, rs in by_project.items()]
    total = summary_of("total", results)
    exit2 = [{"unit": r["unit"], "syntax_exit": r["syntax"]["exit"] if r["syntax"] else None,
              "tail": r["noalloc"]["tail"][-600:]}
             for r in results if r["noalloc"]["exit"] == 2]
    bad = [{"unit": r["unit"], "crash": r["crash"], "hang": r["hang"],
            "noalloc": {k: v for k, v in r["noalloc"].items() if k != "tail"},
            "syntax_cpu_s": r["syntax"]["cpu_s"] if r["syntax"] else None,
            "tail": r["noalloc"]["tail"][-1500:]}
           for r in results if r["crash"] or r["hang"]]
    return {"projects": rows, "total": total, "exit2": exit2, "crashes_and_hangs": bad}


def summary_of(name, results):
    exits = collections.Counter(str(r["noalloc"]["exit"]) for r in results)
    paired = [r for r in results if r["syntax"] and r["syntax"]["exit"] == 0]
    cpu_ratio = [r["noalloc"]["cpu_s"] / max(r["syntax"]["cpu_s"], 0.01) for r in paired]
    rss_ratio = [r["noalloc"]["rss_mb"] / max(r["syntax"]["rss_mb"], 1) for r in paired]
    peak = max(results, key=lambda r: r["noalloc"]["rss_mb"])
    slowest = max(results, key=lambda r: r["noalloc"]["cpu_s"])
    return {
        "project": name, "units": len(results),
        "crashes": sum(r["crash"] for r in results), "hangs": sum(r["hang"] for r in results),
        "exit_codes": dict(sorted(exits.items())),
        "exit2_syntax_fails_too": sum(1 for r in results if r["noalloc"]["exit"] == 2
                                      and r["syntax"] and r["syntax"]["exit"] != 0),
        "noalloc_cpu_s": round(sum(r["noalloc"]["cpu_s"] for r in results), 1),
        "noalloc_peak_rss_mb": peak["noalloc"]["rss_mb"], "peak_unit": peak["unit"],
        "slowest_cpu_s": slowest["noalloc"]["cpu_s"], "slowest_unit": slowest["unit"],
        "syntax_units": len(paired),
        "syntax_cpu_s": round(sum(r["syntax"]["cpu_s"] for r in paired), 1),
        "noalloc_cpu_s_same_units": round(sum(r["noalloc"]["cpu_s"] for r in paired), 1),
        "syntax_peak_rss_mb": max((r["syntax"]["rss_mb"] for r in paired), default=None),
        "max_cpu_ratio": round(max(cpu_ratio), 2) if cpu_ratio else None,
        "max_rss_ratio": round(max(rss_ratio), 2) if rss_ratio else None,
        "median_rss_ratio": round(sorted(rss_ratio)[len(rss_ratio) // 2], 2) if rss_ratio else None,
    }


def markdown(summary, args_line):
    lines = ["# Crash corpus", "", "`%s`" % args_line, "",
             "| project | units | crashes | hangs | exit 0/1/2 | exit 2, -fsyntax-only fails too "
             "| noalloc CPU s | peak RSS MiB | units with -fsyntax-only | their CPU noalloc/syntax "
             "| max RSS ratio | median RSS ratio |",
             "|---|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|"]
    for row in summary["projects"] + [summary["total"]]:
        e = row["exit_codes"]
        lines.append("| %s | %d | %d | %d | %s/%s/%s | %d | %.0f | %.0f | %d | %.1f / %.1f | %s | %s |" % (
            row["project"], row["units"], row["crashes"], row["hangs"], e.get("0", 0),
            e.get("1", 0), e.get("2", 0), row["exit2_syntax_fails_too"], row["noalloc_cpu_s"],
            row["noalloc_peak_rss_mb"], row["syntax_units"], row["noalloc_cpu_s_same_units"],
            row["syntax_cpu_s"], row["max_rss_ratio"], row["median_rss_ratio"]))
    other = {k: v for k, v in summary["total"]["exit_codes"].items() if k not in ("0", "1", "2")}
    if other:
        lines += ["", "Other exit codes: %s" % other]
    for r in summary["crashes_and_hangs"]:
        lines += ["", "- %s %s: exit %d, %.1f CPU s" % ("crash" if r["crash"] else "hang",
                                                        r["unit"], r["noalloc"]["exit"],
                                                        r["noalloc"]["cpu_s"])]
    for r in summary["exit2"]:
        lines += ["", "- exit 2 %s (-fsyntax-only exit %s)" % (r["unit"], r["syntax_exit"])]
    return "\n".join(lines) + "\n"


def projects_from(args):
    named, wanted = [], []
    for item in args.projects or list(corpus.PROJECTS):
        if "=" in item:
            name, path = item.split("=", 1)
            named.append((name, os.path.abspath(path)))
        else:
            wanted.append(item)
    ready = corpus.setup(wanted, args.work, args.mirrors) if wanted else {}
    return [(n, ready[n]) for n in wanted if n in ready] + named


def main():
    parser = corpus.parser_for(__doc__)
    parser.add_argument("projects", nargs="*")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="wall seconds before a process counts as hung (default 600)")
    parser.add_argument("--hang-floor", type=float, default=5.0,
                        help="CPU seconds below which no unit is a hang (default 5)")
    parser.add_argument("--syntax", default="3",
                        help="'all', or the noalloc CPU seconds from which -fsyntax-only runs")
    parser.add_argument("--sample", type=int, default=4,
                        help="also run -fsyntax-only on every Nth unit of a project")
    parser.add_argument("--resume", action="store_true",
                        help="skip the units already in the results file")
    parser.add_argument("--summarize", default="", help="only summarize this results file")
    args = parser.parse_args()
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    results_path = args.summarize or os.path.join(args.work, "crash-corpus.jsonl")
    if not args.summarize:
        if not args.resume and os.path.exists(results_path):
            os.remove(results_path)
        run_corpus(args, projects_from(args), results_path)
    with open(results_path) as f:
        # The last measure of each unit (a resumed run measures some again).
        results = list({r["unit"]: r for r in map(json.loads, filter(str.strip, f))}.values())
    if not results:
        sys.exit("crash-corpus: no unit was analysed")
    summary = summarize(results)
    base = os.path.splitext(results_path)[0]
    with open(base + ".json", "w") as f:
        json.dump(summary, f, indent=1)
    text = markdown(summary, " ".join(sys.argv[1:]))
    with open(base + ".md", "w") as f:
        f.write(text)
    print(text)
    total = summary["total"]
    sys.exit(1 if total["crashes"] or total["hangs"] else 0)


if __name__ == "__main__":
    main()
