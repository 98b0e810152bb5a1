#!/usr/bin/env python3
"""Scale benchmark: noalloc against clang++-22 -fsyntax-only and clang-tidy-22.

Nothing here is vendored: real projects are source trees or build
directories that you fetched yourself, named on the command line.

  scale.py real PROJECT...      PROJECT is NAME=PATH: a build directory with
                                compile_commands.json, or a source tree of a
                                known layout (json, etl, lua, littlefs, lwip, freertos: a compilation
                                database is written for it, outside the tree)
  scale.py parallel PROJECT...  noalloc -j1 against -j2 on real's units: wall,
                                and the threads' CPU (main thread plus the
                                busiest worker: -j2 on two cores of its own)
  scale.py generated N...       programs of N translation units (generate.py)
  scale.py link N... [--baseline NOALLOC]
                                `noalloc link` alone over the facts of those
                                programs, written once (--work keeps them):
                                CPU and peak RSS per output format, the load
                                average; --baseline runs another binary in
                                turn and compares the reports byte for byte
  scale.py pathological [CASE=SIZE...]
                                deep chains, dense graphs, mutual recursion,
                                huge files, macro explosions; every output
                                format against -fsyntax-only (CPU, RSS)
  scale.py determinism          the same program in two trees: are the
                                --facts-dir files the same bytes?

Common options: --noalloc PATH, --units K (at most K units per project,
spread over the list), --work DIR (scratch, default a temporary directory),
--json FILE (all numbers, machine-readable). real --compare-plugin also runs
the tool on each unit alone and compares its diagnostics with the plugin's.

Each tool sees the same units with the same flags. -fsyntax-only and
clang-tidy run one process per unit (their times add up, their peak RSS is
the largest process's); noalloc runs once over all of them with -j1, so its
peak RSS is what one worker holds. Times are wall-clock seconds of one run.
"""
import argparse
import filecmp
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import generate  # noqa: E402


def run(argv, cwd=None, stdout=subprocess.DEVNULL, env=None):
    """Runs argv; returns (seconds, peak RSS in MiB, exit status, output)."""
    start = time.perf_counter()
    out = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=out if stdout is None else stdout,
                            stderr=subprocess.STDOUT if stdout is None else
                            subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    CPU[0] = usage.ru_utime + usage.ru_stime
    text = ""
    if stdout is None:
        out.seek(0)
        text = out.read().decode(errors="replace")
    return seconds, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status), text


# CPU seconds (user + system) of the last run(): on a shared machine wall
# time also counts the other tenants, CPU time does not.
CPU = [0.0]


def thread_seconds(pid):
    """{thread id: CPU seconds (user + system)} of the threads of pid now."""
    found = {}
    tick = os.sysconf("SC_CLK_TCK")
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return found
    for tid in tids:
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                fields = f.read().rpartition(")")[2].split()
        except OSError:
            continue
        # utime and stime are the stat file's fields 14 and 15.
        found[int(tid)] = (int(fields[11]) + int(fields[12])) / tick
    return found


def run_threads(argv, cwd=None, interval=0.05):
    """run() of a multi-threaded noalloc, sampling its threads' CPU time
    every interval seconds. Returns (seconds, peak RSS in MiB, exit status,
    CPU seconds of the main thread, [CPU seconds of each other thread]).
    The main thread's is the process's CPU (wait4) less the others' last
    samples, so the at most interval seconds of a worker's CPU the last
    sample misses count as serial."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    last = {}
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        last.update(thread_seconds(proc.pid))
        time.sleep(interval)
    seconds = time.perf_counter() - start
    CPU[0] = usage.ru_utime + usage.ru_stime
    proc.returncode = os.waitstatus_to_exitcode(status)
    workers = sorted((s for tid, s in last.items() if tid != proc.pid), reverse=True)
    return (seconds, usage.ru_maxrss / 1024.0, proc.returncode,
            max(0.0, CPU[0] - sum(workers)), workers)


# ---------------------------------------------------------------- databases

def recipe_json(src, directory):
    # CMake generates test_data.hpp; the tests only need it to compile.
    with open(os.path.join(directory, "test_data.hpp"), "w") as f:
        f.write('#define TEST_DATA_DIRECTORY "%s/json_test_data"\n' % directory)
    flags = ["-std=c++11", "-I" + directory, "-I" + os.path.join(src, "single_include"),
             "-I" + os.path.join(src, "tests", "thirdparty", "doctest"),
             "-I" + os.path.join(src, "tests", "thirdparty", "fifo_map"),
             "-DDOCTEST_CONFIG_SUPER_FAST_ASSERTS", "-DJSON_TEST_KEEP_MACROS",
             "-DJSON_TEST_USING_MULTIPLE_HEADERS=0", "-Wno-deprecated"]
    return "clang++-22", flags, sorted(glob.glob(os.path.join(src, "tests", "src", "unit-*.cpp")))


def recipe_etl(src, directory):
    flags = ["-std=c++17", "-I" + os.path.join(src, "include"),
             "-I" + os.path.join(src, "test"),
             "-I" + os.path.join(src, "test", "UnitTest++")]
    return "clang++-22", flags, sorted(glob.glob(os.path.join(src, "test", "test_*.cpp")))


def recipe_lua(src, directory):
    flags = ["-std=gnu99", "-DLUA_COMPAT_5_3", "-DLUA_USE_LINUX"]
    files = [f for f in sorted(glob.glob(os.path.join(src, "*.c")))
             if os.path.basename(f) not in ("onelua.c", "ltests.c")]
    return "clang-22", flags, files


def recipe_littlefs(src, directory):
    # Its Makefile's flags, the library and the block devices.
    flags = ["-std=c99", "-I" + src, "-Wall", "-Wextra", "-pedantic"]
    files = [os.path.join(src, f) for f in ("lfs.c", "lfs_util.c")]
    return "clang-22", flags, files + sorted(glob.glob(os.path.join(src, "bd", "*.c")))


def recipe_lwip(src, directory):
    # The units of CMake's example_app for the unix port (its flags but
    # -Werror), without the host tool makefsdata, a second program that
    # includes core/*.c: one program per run. The application's
    # configuration is the one lwIP's CMake asks the user to copy.
    shutil.copy(os.path.join(src, "contrib", "examples", "example_app", "lwipcfg.h.example"),
                os.path.join(directory, "lwipcfg.h"))
    flags = ["-DLWIP_DEBUG=1", "-I" + os.path.join(src, "src", "include"),
             "-I" + os.path.join(src, "contrib"),
             "-I" + os.path.join(src, "contrib", "ports", "unix", "port", "include"),
             "-I" + os.path.join(src, "contrib", "examples", "example_app"),
             "-I" + directory, "-Wall", "-Wextra", "-pedantic"]
    skip = ("makefsdata", "fsdata.c", "slipif.c", "ethernetif.c", "cgi_example",
            "examples_fsdata.c", "genfiles_example", "post_example", "pcapif.c",
            "vdeif.c")
    files = [f for f in glob.glob(os.path.join(src, "src", "**", "*.c"), recursive=True)
             if not any(part in skip for part in f[len(src):].split(os.sep))]
    for pattern in ("addons/ipv6_static_routing/*.c", "addons/tcp_isn/*.c", "apps/*/*.c",
                    "examples/*/*.c", "examples/*/*/*.c", "ports/unix/port/*.c",
                    "ports/unix/port/netif/*.c", "ports/unix/example_app/*.c"):
        files += [f for f in glob.glob(os.path.join(src, "contrib", pattern))
                  if not any(part in skip for part in f[len(src):].split(os.sep))]
    return "clang-22", flags, sorted(files)


# A minimal FreeRTOSConfig.h for the POSIX simulator port: dynamic and
# static allocation, timers, heap_4's static array of 256 KiB.
FREERTOS_CONFIG = """#ifndef FREERTOS_CONFIG_H
#define FREERTOS_CONFIG_H
#define configUSE_PREEMPTION 1
#define configUSE_IDLE_HOOK 0
#define configUSE_TICK_HOOK 0
#define configUSE_MALLOC_FAILED_HOOK 0
#define configTICK_RATE_HZ 1000
#define configMAX_PRIORITIES 5
#define configMINIMAL_STACK_SIZE 4096
#define configTOTAL_HEAP_SIZE (256 * 1024)
#define configMAX_TASK_NAME_LEN 16
#define configTICK_TYPE_WIDTH_IN_BITS TICK_TYPE_WIDTH_64_BITS
#define configSUPPORT_STATIC_ALLOCATION 1
#define configSUPPORT_DYNAMIC_ALLOCATION 1
#define configKERNEL_PROVIDED_STATIC_MEMORY 1
#define configUSE_TIMERS 1
#define configTIMER_TASK_PRIORITY (configMAX_PRIORITIES - 1)
#define configTIMER_TASK_STACK_DEPTH configMINIMAL_STACK_SIZE
#define configTIMER_QUEUE_LENGTH 10
#define configUSE_MUTEXES 1
#define configUSE_COUNTING_SEMAPHORES 1
#define configCHECK_FOR_STACK_OVERFLOW 0
#define configASSERT(x) do { if (!(x)) { taskDISABLE_INTERRUPTS(); for (;;) {} } } while (0)
#define INCLUDE_vTaskDelay 1
#define INCLUDE_vTaskDelete 1
#define INCLUDE_vTaskSuspend 1
#define INCLUDE_xTaskGetSchedulerState 1
#endif
"""


def recipe_freertos(src, directory):
    # The kernel with heap_4.c (its own allocator over a static array),
    # the POSIX/GCC port and the kernel's CMake example's main.c.
    with open(os.path.join(directory, "FreeRTOSConfig.h"), "w") as f:
        f.write(FREERTOS_CONFIG)
    posix = os.path.join(src, "portable", "ThirdParty", "GCC", "Posix")
    flags = ["-I" + os.path.join(src, "include"), "-I" + posix,
             "-I" + os.path.join(posix, "utils"), "-I" + directory,
             "-Wall", "-Wextra", "-pedantic"]
    files = [os.path.join(src, f) for f in
             ("croutine.c", "event_groups.c", "list.c", "queue.c", "stream_buffer.c",
              "tasks.c", "timers.c", "portable/MemMang/heap_4.c",
              "examples/cmake_example/main.c")]
    files += [os.path.join(posix, "port.c"), os.path.join(posix, "utils", "wait_for_event.c")]
    return "clang-22", flags, sorted(files)


RECIPES = {"json": recipe_json, "etl": recipe_etl, "lua": recipe_lua,
           "littlefs": recipe_littlefs, "lwip": recipe_lwip,
           "freertos": recipe_freertos}


def database_for(name, path, work):
    """A directory holding compile_commands.json for the project."""
    if os.path.exists(os.path.join(path, "compile_commands.json")):
        return path
    kind = name.split("-")[0]
    if kind not in RECIPES:
        sys.exit("%s: no compile_commands.json in %s and no recipe for '%s'"
                 % (name, path, kind))
    directory = os.path.join(work, "db-" + name)
    os.makedirs(directory, exist_ok=True)
    compiler, flags, files = RECIPES[kind](os.path.abspath(path), directory)
    entries = [{"directory": directory, "file": f,
                "arguments": [compiler] + flags + ["-c", f, "-o", "/dev/null"]}
               for f in files]
    with open(os.path.join(directory, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    return directory


def load_entries(directory, limit):
    with open(os.path.join(directory, "compile_commands.json")) as f:
        entries = json.load(f)
    seen, unique = set(), []
    for e in entries:
        path = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if path not in seen and path.endswith((".c", ".cc", ".cpp", ".cxx")):
            seen.add(path)
            e["file"] = path
            unique.append(e)
    unique.sort(key=lambda e: e["file"])
    if limit and len(unique) > limit:
        step = len(unique) / limit
        unique = [unique[int(i * step)] for i in range(limit)]
    return unique


def syntax_only_argv(entry):
    args = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
    kept, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif a not in ("-c", "-MD", "-MMD"):
            kept.append(a)
    compiler = "clang-22" if entry["file"].endswith(".c") else "clang++-22"
    return [compiler, "-fsyntax-only"] + kept


FINDINGS = re.compile(r"noalloc: (\d+) findings? in")
DIAGNOSTIC = re.compile(r"^(.+?):(\d+):(\d+): (warning|error|note): (.*)$")


def diagnostics(text, directory):
    """The set of diagnostic lines of a run, each file name absolute
    (clang-tidy names a header as the compile command found it,
    './lfs_util.h', relative to the command's directory)."""
    found = set()
    for line in text.splitlines():
        m = DIAGNOSTIC.match(line)
        if m:
            path = os.path.normpath(os.path.join(directory, m.group(1)))
            found.add("%s:%s:%s: %s: %s" % ((path,) + m.groups()[1:]))
    return found


def findings_of(text):
    m = FINDINGS.search(text)
    return int(m.group(1)) if m else None


def timing_lines(text):
    return [l for l in text.splitlines() if l.startswith("noalloc: ") and "finding" not in l]


# ---------------------------------------------------------------- measures

def heap_use(args, common, cache):
    """(warnings, user functions that may use the heap) of the run, from its
    JSON report: how many warnings a reader gets per function to look at."""
    # The report alone: errors (a unit that does not compile) go to stderr.
    proc = subprocess.run([args.noalloc, "-j1", "--cache-dir", cache, "--format=json",
                           "--quiet"] + common, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        return None, None
    warnings = sum(1 for f in report["findings"] if f["level"] == "warning")
    functions = sum(1 for f in report["functions"]
                    if f["may_use_heap"] and not f["file"].startswith("/usr/"))
    return warnings, functions


def measure_project(name, directory, args, work):
    entries = load_entries(directory, args.units)
    if not entries:
        print("scale.py: error: %s: no C or C++ translation unit in %s/compile_commands.json"
              % (name, directory), file=sys.stderr)
        sys.exit(2)
    files = [e["file"] for e in entries]
    plugin = os.path.join(os.path.dirname(os.path.dirname(args.noalloc)),
                          "checks", "NoallocTidyPlugin.so")
    syntax_t, syntax_cpu, syntax_rss = 0.0, 0.0, 0.0
    for e in entries:
        t, rss, status, _ = run(syntax_only_argv(e), cwd=e["directory"])
        if status != 0:
            print("  %s: -fsyntax-only fails on %s" % (name, e["file"]), file=sys.stderr)
        syntax_t += t
        syntax_cpu += CPU[0]
        syntax_rss = max(syntax_rss, rss)
    tidy_t, tidy_cpu, tidy_rss = 0.0, 0.0, 0.0
    plugin_warnings, differing = 0, []
    for e in entries:
        t, rss, _, tidy = run(["clang-tidy-22", "--quiet", "--load=" + plugin,
                               "--checks=-*,noalloc-*,-noalloc-unknown-call",
                               "-p", directory, e["file"]], stdout=None)
        tidy_t += t
        tidy_cpu += CPU[0]
        tidy_rss = max(tidy_rss, rss)
        plugin_warnings += sum(1 for d in diagnostics(tidy, e["directory"])
                               if ": warning: " in d)
        if args.compare_plugin:
            # The plugin links one unit: the tool on that unit alone.
            _, _, _, alone = run([args.noalloc, "-j1", "--no-cache", "-p", directory,
                                  e["file"]], stdout=None)
            if diagnostics(alone, e["directory"]) != diagnostics(tidy, e["directory"]):
                differing.append(e["file"])
    common = ["-p", directory] + files
    load1 = os.getloadavg()[0]
    t1, rss1, status, text = run([args.noalloc, "-j1", "--no-cache"] + common, stdout=None)
    cpu1 = CPU[0]
    if status not in (0, 1):
        print(text[-2000:], file=sys.stderr)
    # The breakdown from a run of its own: --timing renders every unit's
    # facts as JSON to count their bytes, which costs time and memory that
    # a user's run does not pay.
    _, _, _, timing = run([args.noalloc, "-j1", "--no-cache", "--timing"] + common,
                          stdout=None)
    # -j2: besides the wall time (the other tenants' as much as ours), the
    # time two cores of its own would take, from its threads' CPU: the
    # main thread's (start, link, report: serial) plus the busiest
    # worker's.
    load2 = os.getloadavg()[0]
    t2, rss2, _, main2, workers2 = run_threads([args.noalloc, "-j2", "--no-cache"] + common)
    cpu2 = CPU[0]
    span2 = main2 + (workers2[0] if workers2 else 0.0)
    cache = os.path.join(work, "cache-" + name)
    subprocess.run(["rm", "-rf", cache])
    cold, _, _, _ = run([args.noalloc, "-j1", "--cache-dir", cache] + common)
    cold_cpu = CPU[0]
    warm, warm_rss, _, _ = run([args.noalloc, "-j1", "--cache-dir", cache] + common)
    warm_cpu = CPU[0]
    warnings, heap_functions = heap_use(args, common, cache)
    result = {
        "project": name, "units": len(files),
        "syntax_s": syntax_t, "syntax_cpu_s": syntax_cpu, "syntax_rss_mb": syntax_rss,
        "tidy_s": tidy_t, "tidy_cpu_s": tidy_cpu, "tidy_rss_mb": tidy_rss,
        "noalloc_j1_s": t1, "noalloc_j1_cpu_s": cpu1, "noalloc_j1_rss_mb": rss1,
        "noalloc_j2_s": t2, "noalloc_j2_rss_mb": rss2, "noalloc_j2_cpu_s": cpu2,
        "noalloc_j2_main_cpu_s": main2, "noalloc_j2_worker_cpu_s": workers2,
        "noalloc_j2_span_s": span2, "load_j1": load1, "load_j2": load2,
        "cold_s": cold, "cold_cpu_s": cold_cpu, "warm_s": warm,
        "warm_cpu_s": warm_cpu, "warm_rss_mb": warm_rss,
        "findings": findings_of(text), "timing": timing_lines(timing),
        "warnings": warnings, "heap_using_functions": heap_functions,
        "plugin_warnings": plugin_warnings,
    }
    if args.compare_plugin:
        result["plugin_differs_on"] = differing
    print_project(result)
    return result


def print_project(r):
    print("%s: %d units" % (r["project"], r["units"]))
    print("                             wall s    CPU s   peak RSS")
    print("  clang++-22 -fsyntax-only   %8.2f %8.2f %6.0f MiB" % (r["syntax_s"], r["syntax_cpu_s"], r["syntax_rss_mb"]))
    print("  clang-tidy-22 + plugin     %8.2f %8.2f %6.0f MiB" % (r["tidy_s"], r["tidy_cpu_s"], r["tidy_rss_mb"]))
    print("  noalloc -j1                %8.2f %8.2f %6.0f MiB  %s findings"
          % (r["noalloc_j1_s"], r["noalloc_j1_cpu_s"], r["noalloc_j1_rss_mb"], r["findings"]))
    print("  noalloc -j2                %8.2f          %6.0f MiB" % (r["noalloc_j2_s"], r["noalloc_j2_rss_mb"]))
    print("  noalloc/-fsyntax-only %.2fx wall %.2fx CPU;  noalloc/clang-tidy %.2fx CPU;  RSS/-fsyntax-only %.2fx"
          % (r["noalloc_j1_s"] / r["syntax_s"], r["noalloc_j1_cpu_s"] / r["syntax_cpu_s"],
             r["noalloc_j1_cpu_s"] / r["tidy_cpu_s"], r["noalloc_j1_rss_mb"] / r["syntax_rss_mb"]))
    print("  -j2 speed-up %.2fx wall (load %.1f, %.1f);  warm/cold %.1f%% wall (%.2f s / %.2f s),"
          " %.1f%% CPU"
          % (r["noalloc_j1_s"] / r["noalloc_j2_s"], r["load_j1"], r["load_j2"],
             100 * r["warm_s"] / r["cold_s"], r["warm_s"], r["cold_s"],
             100 * r["warm_cpu_s"] / r["cold_cpu_s"]))
    if r.get("noalloc_j2_span_s"):
        print("  -j2 on two cores of its own: main thread %.2f s + busiest worker %.2f s CPU"
              " (workers %s) = %.2f s: %.2fx the -j1 run's %.2f s CPU, %.2fx its own %.2f s"
              % (r["noalloc_j2_main_cpu_s"], r["noalloc_j2_worker_cpu_s"][0],
                 ", ".join("%.2f" % w for w in r["noalloc_j2_worker_cpu_s"]),
                 r["noalloc_j2_span_s"], r["noalloc_j1_cpu_s"] / r["noalloc_j2_span_s"],
                 r["noalloc_j1_cpu_s"], r["noalloc_j2_cpu_s"] / r["noalloc_j2_span_s"],
                 r["noalloc_j2_cpu_s"]))
    if r.get("heap_using_functions"):
        print("  %d warnings for %d user functions that may use the heap: %.2f per function"
              % (r["warnings"], r["heap_using_functions"],
                 r["warnings"] / r["heap_using_functions"]))
    print("  plugin: %d warnings (a header's findings once per unit that includes it)"
          % r["plugin_warnings"])
    if "plugin_differs_on" in r:
        print("  tool on each unit alone and plugin: %s" %
              ("the same diagnostics on all %d units" % r["units"]
               if not r["plugin_differs_on"] else
               "different diagnostics on " + ", ".join(r["plugin_differs_on"])))
    for line in r["timing"]:
        print("  " + line)
    sys.stdout.flush()


LINK = re.compile(r"link and report: ([\d.]+) s; facts: (\d+) translation units, (\d+) bytes"
                  r"(?:.*functions: (\d+) listed, (\d+) stored)?")


def measure_generated(n, args, work):
    """Cold run -j2 with a cache, writing --facts-dir; a warm run:
    everything from the cache, so its time and memory are loading plus the
    link; and `noalloc link` over the facts files: the link step alone."""
    directory = os.path.join(work, "gen-%d" % n)
    generate.write_program(directory, n, seed=n)
    facts = os.path.join(directory, "facts")
    subprocess.run(["rm", "-rf", facts, os.path.join(directory, "cache")])
    common = [args.noalloc, "--timing", "-p", directory,
              "--cache-dir", os.path.join(directory, "cache")]
    cold, cold_rss, _, cold_text = run(common + ["-j2", "--facts-dir", facts], stdout=None)
    warm, warm_rss, _, text = run(common + ["-j1"], stdout=None)
    link, link_rss, _, link_text = run([args.noalloc, "link", "--timing", facts],
                                       stdout=None, cwd=directory)
    link_cpu = CPU[0]
    m = LINK.search(text)
    lm = LINK.search(link_text)
    result = {"units": n, "cold_j2_s": cold, "cold_j2_rss_mb": cold_rss,
              "warm_s": warm, "warm_rss_mb": warm_rss,
              "link_s": float(m.group(1)) if m else None,
              "facts_bytes_per_unit": int(m.group(3)) if m else None,
              "findings": findings_of(text),
              "link_run_s": link, "link_run_cpu_s": link_cpu, "link_run_rss_mb": link_rss,
              "functions_listed": int(lm.group(4)) if lm and lm.group(4) else None,
              "functions_stored": int(lm.group(5)) if lm and lm.group(5) else None}
    print("generated N=%-6d cold -j2 %7.2f s %6.0f MiB | warm (cache + link) %6.2f s %6.0f MiB"
          " | link %s s | facts %s B/unit | %s findings"
          % (n, cold, cold_rss, warm, warm_rss, result["link_s"],
             result["facts_bytes_per_unit"], result["findings"]))
    print("  noalloc link over the facts files: %.2f s wall, %.2f s CPU, %.0f MiB;"
          " functions %s listed, %s stored"
          % (link, link_cpu, link_rss, result["functions_listed"], result["functions_stored"]))
    sys.stdout.flush()
    return result


def measure_parallel(name, directory, args):
    """-j1 against -j2 on the units scale.py real takes, --no-cache, each
    run's threads' CPU sampled: the wall ratio (the machine's), and the
    time two cores of its own would take (main thread plus busiest
    worker) against the -j1 run's CPU (the tool's)."""
    files = [e["file"] for e in load_entries(directory, args.units)]
    common = ["--no-cache", "--quiet", "-p", directory] + files
    r = {"project": name, "units": len(files)}
    for jobs in (1, 2):
        load = os.getloadavg()[0]
        wall, rss, _, main, workers = run_threads([args.noalloc, "-j%d" % jobs] + common)
        r["j%d" % jobs] = {"wall_s": wall, "cpu_s": CPU[0], "rss_mb": rss, "main_cpu_s": main,
                           "worker_cpu_s": workers, "load": load,
                           "span_s": main + (workers[0] if workers else 0.0)}
        print("%s: %d units, -j%d: %.2f s wall, %.2f s CPU (main thread %.2f s, workers %s),"
              " %.0f MiB, load %.1f -> %.1f"
              % (name, len(files), jobs, wall, CPU[0], main,
                 ", ".join("%.2f" % w for w in workers), rss, load, os.getloadavg()[0]))
    j1, j2 = r["j1"], r["j2"]
    print("  -j2/-j1: %.2fx wall; on two cores of its own %.2fx (-j1 CPU %.2f s over main"
          " thread + busiest worker %.2f s), %.2fx of its own CPU"
          % (j1["wall_s"] / j2["wall_s"], j1["cpu_s"] / j2["span_s"], j1["cpu_s"],
             j2["span_s"], j2["cpu_s"] / j2["span_s"]))
    sys.stdout.flush()
    return r


def facts_of_generated(n, args, work):
    """The --facts-dir files of the generated program of n units, made once
    for every run that uses the same --work directory."""
    directory = os.path.join(work, "gen-%d" % n)
    facts = os.path.join(directory, "facts")
    if not os.path.isdir(facts) or len(os.listdir(facts)) != n:
        generate.write_program(directory, n, seed=n)
        subprocess.run(["rm", "-rf", facts])
        run([args.noalloc, "-j2", "--no-cache", "-p", directory, "--facts-dir", facts])
    return directory, facts


def measure_link(n, args, work):
    """`noalloc link` over the facts files of a generated program, in each
    report format; with --baseline, the other binary right after, on the
    same load, and whether the two reports are the same bytes."""
    directory, facts = facts_of_generated(n, args, work)
    binaries = [("noalloc", args.noalloc)]
    if args.baseline:
        binaries.append(("baseline", os.path.abspath(args.baseline)))
    results = []
    for fmt in ("text", "json", "sarif"):
        reports = []
        for name, binary in binaries:
            load = os.getloadavg()[0]
            report = os.path.join(directory, "link-%s.%s" % (name, fmt))
            with open(report, "wb") as f:
                wall, rss, _, _ = run([binary, "link", "--format=" + fmt, facts],
                                      cwd=directory, stdout=f)
            r = {"units": n, "binary": name, "format": fmt, "wall_s": wall,
                 "cpu_s": CPU[0], "rss_mb": rss, "load": load}
            print("link N=%-6d %-8s %-5s %7.2f s wall %7.2f s CPU %6.0f MiB (load %.1f)"
                  % (n, name, fmt, wall, CPU[0], rss, load))
            results.append(r)
            reports.append(report)
        if len(reports) == 2:
            same = filecmp.cmp(reports[0], reports[1], shallow=False)
            print("  %s reports %s" % (fmt, "identical" if same else "DIFFER"))
        sys.stdout.flush()
    return results


FORMATS = [("text", []), ("json", ["--format=json"]), ("sarif", ["--format=sarif"]),
           ("html", ["--format=html"]), ("explain", ["--explain=*"])]


def run_bounded(argv, stdout, timeout):
    """Runs argv, killed after timeout seconds; returns (wall seconds, CPU
    seconds, peak RSS in MiB, whether it was killed)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL)
    killed = False
    # wait4, not poll(): poll would reap the child and lose its resource
    # usage.
    while True:
        pid, _, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() >= start + timeout:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            killed = True
            break
        time.sleep(0.02)
    proc.returncode = 0
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024.0, killed)


def pathological_sizes(items):
    """The cases and sizes to run: generate.PATHOLOGICAL, or CASE=SIZE
    items (the issue's: chain=10000 rooted=10000 dense=2000 mutual=10000
    huge=100000)."""
    if not items:
        return generate.PATHOLOGICAL
    sizes = []
    for item in items:
        case, _, size = item.partition("=")
        sizes.append((case, int(size)))
    return sizes


def measure_pathological(args, work):
    """Every output format on each generated input, against -fsyntax-only
    on the same file: CPU time (user + system; wall time counts the other
    tenants of a shared machine) and peak RSS as ratios, output size."""
    results = []
    for name, size in pathological_sizes(args.items):
        directory = os.path.join(work, "path-%s-%d" % (name, size))
        source = generate.write_pathological(directory, name, size)
        t, cpu, rss, _ = run_bounded(["clang++-22", "-fsyntax-only", "-std=c++17", source],
                                     subprocess.DEVNULL, args.timeout)
        row = {"case": name, "size": size, "syntax_s": t, "syntax_cpu_s": cpu,
               "syntax_rss_mb": rss}
        print("%-8s %6d  -fsyntax-only %.2f s CPU, %.0f MiB" % (name, size, cpu, rss))
        for fmt, extra in FORMATS:
            out = os.path.join(directory, "report." + fmt)
            argv = [args.noalloc, "--no-cache", "--quiet"] + extra
            if fmt != "explain":  # --explain prints to standard output
                argv.append("--output=" + out)
            with open(out if fmt == "explain" else os.devnull, "wb") as sink:
                ft, fcpu, frss, killed = run_bounded(
                    argv + generate.pathological_options(name) + [source, "--", "-std=c++17"],
                    sink, args.timeout)
            mb = os.path.getsize(out) / 1e6 if os.path.exists(out) else 0
            row[fmt] = {"s": ft, "cpu_s": fcpu, "rss_mb": frss, "output_mb": mb,
                        "timed_out": killed, "cpu_ratio": fcpu / cpu,
                        "rss_ratio": frss / rss}
            print("  %-8s %s%5.1fx CPU (%.2f s)  %5.1fx RSS (%.0f MiB)  %8.1f MB"
                  % (fmt, ">" if killed else " ", fcpu / cpu, fcpu, frss / rss,
                     frss, mb))
            sys.stdout.flush()
            if os.path.exists(out):
                os.remove(out)
        results.append(row)
    return results


def measure_determinism(args, work):
    """The same sources in two build trees at different absolute paths,
    as two machines would have them: are the facts files the same bytes?"""
    trees = [os.path.join(work, "det", "a", "p"),
             os.path.join(work, "det", "b", "longer", "path", "p")]
    facts = []
    for tree in trees:
        generate.write_program(tree, 20, seed=20)
        out = os.path.join(tree, "facts")
        subprocess.run(["rm", "-rf", out])
        run([args.noalloc, "--no-cache", "--quiet", "-p", tree, "--facts-dir", out])
        facts.append({name.split(".")[0]: open(os.path.join(out, name), "rb").read()
                      for name in sorted(os.listdir(out))})
    names = [sorted(os.listdir(os.path.join(t, "facts"))) for t in trees]
    same_names = names[0] == names[1]
    identical = sum(facts[0][u] == facts[1].get(u) for u in facts[0])
    relocated = sum(facts[0][u].replace(trees[0].encode(), b"ROOT") ==
                    facts[1].get(u, b"").replace(trees[1].encode(), b"ROOT")
                    for u in facts[0])
    mentions = sum(f.count(trees[0].encode()) for f in facts[0].values())
    print("determinism: %d units; file names equal: %s; byte-identical: %d; "
          "identical once the tree's path is replaced: %d; absolute paths "
          "of the tree inside the facts: %d"
          % (len(facts[0]), same_names, identical, relocated, mentions))
    return {"units": len(facts[0]), "names_equal": same_names,
            "identical": identical, "identical_relocated": relocated,
            "absolute_mentions": mentions}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["real", "parallel", "generated", "link",
                                         "pathological", "determinism"])
    parser.add_argument("items", nargs="*")
    parser.add_argument("--noalloc", default=os.path.join(ROOT, "build", "tool", "noalloc"))
    parser.add_argument("--units", type=int, default=0)
    parser.add_argument("--work", default="")
    parser.add_argument("--json", default="")
    parser.add_argument("--baseline", default="",
                        help="link mode: another noalloc to compare with")
    parser.add_argument("--compare-plugin", action="store_true",
                        help="real mode: also run the tool on each unit alone and "
                             "compare its diagnostics with the plugin's")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="per run, pathological mode (seconds)")
    args = parser.parse_args()
    args.noalloc = os.path.abspath(args.noalloc)
    work = args.work or tempfile.mkdtemp(prefix="noalloc-scale-")
    os.makedirs(work, exist_ok=True)
    print("noalloc %s; work in %s; %s" % (args.noalloc, work, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    results = []
    if args.mode == "real":
        for item in args.items:
            name, _, path = item.partition("=")
            results.append(measure_project(name, database_for(name, path, work), args, work))
    elif args.mode == "parallel":
        for item in args.items:
            name, _, path = item.partition("=")
            results.append(measure_parallel(name, database_for(name, path, work), args))
    elif args.mode == "generated":
        for n in args.items or ["100", "1000", "10000"]:
            results.append(measure_generated(int(n), args, work))
    elif args.mode == "link":
        for n in args.items or ["1000", "3000"]:
            results += measure_link(int(n), args, work)
    elif args.mode == "determinism":
        results = measure_determinism(args, work)
    else:
        results = measure_pathological(args, work)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
