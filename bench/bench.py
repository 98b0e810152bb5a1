#!/usr/bin/env python3
"""Times noalloc against clang++-22 -fsyntax-only and clang-tidy-22.

All three see the same files with the same flags (the example project and
bench/heavy), one file at a time, several runs each; the median wall time of
each is printed with the ratios.
"""
import glob
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def database(work):
    subprocess.run(["cmake", "-G", "Ninja", "-S", os.path.join(ROOT, "examples"),
                    "-B", os.path.join(work, "examples"),
                    "-DCMAKE_C_COMPILER=clang-22", "-DCMAKE_CXX_COMPILER=clang++-22"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(work, "examples", "compile_commands.json")) as f:
        entries = json.load(f)
    for path in sorted(glob.glob(os.path.join(ROOT, "bench", "heavy", "*.cpp"))):
        entries.append({"directory": work, "file": path,
                        "command": "clang++-22 -std=c++17 -c %s -o /dev/null" % path})
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    return entries


def syntax_only_commands(entries):
    commands = []
    for e in entries:
        args = shlex.split(e["command"]) if "command" in e else e["arguments"]
        kept, skip = [], False
        for a in args[1:]:
            if skip:
                skip = False
            elif a == "-o":
                skip = True
            elif a != "-c":
                kept.append(a)
        compiler = "clang-22" if e["file"].endswith(".c") else "clang++-22"
        commands.append(([compiler, "-fsyntax-only"] + kept, e["directory"]))
    return commands


def timed(run, runs):
    run()  # warm the file cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    build, runs = sys.argv[1], int(sys.argv[2])
    noalloc = os.path.join(build, "tool", "noalloc")
    with tempfile.TemporaryDirectory() as work:
        entries = database(work)
        files = [e["file"] for e in entries]
        commands = syntax_only_commands(entries)

        def syntax_only():
            for argv, cwd in commands:
                subprocess.run(argv, cwd=cwd, check=True)

        def run_noalloc():
            r = subprocess.run([noalloc, "-j1", "--quiet", "--no-cache", "-p", work],
                               stdout=subprocess.DEVNULL)
            assert r.returncode in (0, 1), r.returncode

        def run_noalloc_parallel():
            r = subprocess.run([noalloc, "-j2", "--quiet", "--no-cache", "-p", work],
                               stdout=subprocess.DEVNULL)
            assert r.returncode in (0, 1), r.returncode

        cache = os.path.join(work, "cache")

        def run_cold():
            subprocess.run(["rm", "-rf", cache], check=True)
            r = subprocess.run([noalloc, "-j1", "--quiet", "--cache-dir", cache,
                                "-p", work], stdout=subprocess.DEVNULL)
            assert r.returncode in (0, 1), r.returncode

        def run_warm():
            r = subprocess.run([noalloc, "-j1", "--quiet", "--cache-dir", cache,
                                "-p", work], stdout=subprocess.DEVNULL)
            assert r.returncode in (0, 1), r.returncode

        def run_tidy():
            # The closest clang-tidy checks, so that both parse and match.
            subprocess.run(["clang-tidy-22", "--quiet", "-p", work,
                            "--checks=-*,cppcoreguidelines-no-malloc,"
                            "cppcoreguidelines-owning-memory"] + files,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        syntax = timed(syntax_only, runs)
        tidy = timed(run_tidy, runs)
        ours = timed(run_noalloc, runs)
        parallel = timed(run_noalloc_parallel, runs)
        cold = timed(run_cold, runs)
        run_cold()
        warm = timed(run_warm, runs)
    print("files: %d, runs: %d (median wall time, one file at a time)" % (len(files), runs))
    print("  clang++-22 -fsyntax-only   %7.3f s" % syntax)
    print("  clang-tidy-22 (no-malloc)  %7.3f s" % tidy)
    print("  noalloc -j1                %7.3f s" % ours)
    print("noalloc / -fsyntax-only: %.2fx" % (ours / syntax))
    print("  noalloc -j2                %7.3f s" % parallel)
    print("noalloc / clang-tidy:    %.2fx" % (ours / tidy))
    print("noalloc -j1 / -j2:       %.2fx" % (ours / parallel))
    print("  cold cache -j1             %7.3f s" % cold)
    print("  warm cache -j1             %7.3f s" % warm)
    print("warm / cold:             %.1f%%" % (100 * warm / cold))


if __name__ == "__main__":
    main()
