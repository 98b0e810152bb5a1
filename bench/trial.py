#!/usr/bin/env python3
"""The newcomer trial: noalloc on embedded code nobody here wrote, where
the answer is known, run as a firmware user would.

  trial.py [--work DIR] [--mirrors DIR] [--noalloc PATH] [--json FILE]

littlefs and eyalroz/printf at corpus.py's pinned commits, each with a
small user program of bench/trial/ that gives the library static buffers
(littlefs over its RAM block device) or a static character sink:

  littlefs            lfs.c, lfs_util.c, bd/lfs_rambd.c, littlefs_user.c
  littlefs-no-malloc  the same with -DLFS_NO_MALLOC
  littlefs-bare       -DLFS_NO_MALLOC, and no assert, debug, warning or
                      error output (LFS_NO_ASSERT ... LFS_NO_ERROR)
  printf              printf.c and printf_user.c (printf_, snprintf_)
  printf-std-names    ALIAS_STANDARD_FUNCTION_NAMES=HARD: the library's
                      functions are printf, snprintf, ... themselves

For each: CPU (user + system) and peak RSS of noalloc -j1 over the whole
program, of clang -fsyntax-only and of clang-tidy-22 with the plugin (one
process per unit: their CPU adds up, their RSS is the largest); the
warnings of the tool and of the plugin; the functions whose verdict says
they may use the heap (allocates, allocates-on-failure, unknown); whether
the tool on each unit alone gives the plugin's diagnostics; the roots
question ("can the user's entry point allocate?", Roots: with the default
policy and with Policy: strict and ReportMayAllocate); and the runtime
oracle (test/oracle) on the user program, built with the library.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import corpus  # noqa: E402
import scale  # noqa: E402

HERE = os.path.join(ROOT, "bench", "trial")
ORACLE = os.path.join(ROOT, "test", "oracle", "oracle.py")
LFS_BARE = ["-DLFS_NO_MALLOC", "-DLFS_NO_ASSERT", "-DLFS_NO_DEBUG",
            "-DLFS_NO_WARN", "-DLFS_NO_ERROR"]


def printf_include(work, src, alias):
    """printf_config.h as the project's CMake writes it for \\p alias."""
    build = os.path.join(work, "build", "printf-" + alias)
    if not os.path.exists(os.path.join(build, "include", "printf_config.h")):
        subprocess.run(["cmake", "-G", "Ninja", "-S", src, "-B", build,
                        "-DCMAKE_C_COMPILER=clang-22", "-DPRINTF_BUILD_TESTS=OFF",
                        "-DALIAS_STANDARD_FUNCTION_NAMES=" + alias],
                       stdout=subprocess.DEVNULL, check=True)
    return os.path.join(build, "include")


def configurations(work, mirrors):
    """(name, source directory, flags, library files, user file, root)."""
    found = []
    lfs, why = corpus.checkout("littlefs", work, mirrors)
    if why:
        print("littlefs: skipped: " + why, file=sys.stderr)
    else:
        files = [os.path.join(lfs, f) for f in ("lfs.c", "lfs_util.c", "bd/lfs_rambd.c")]
        user = os.path.join(HERE, "littlefs_user.c")
        base = ["-std=c99", "-I" + lfs, "-Wall", "-Wextra", "-pedantic"]
        for name, extra in (("littlefs", []), ("littlefs-no-malloc", ["-DLFS_NO_MALLOC"]),
                            ("littlefs-bare", LFS_BARE)):
            found.append((name, lfs, base + extra, files, user, "lfs_file_write;log_append"))
    pf, why = corpus.checkout("printf", work, mirrors)
    if why:
        print("printf: skipped: " + why, file=sys.stderr)
    else:
        user = os.path.join(HERE, "printf_user.c")
        files = [os.path.join(pf, "src", "printf", "printf.c")]
        for name, alias, extra in (("printf", "NONE", []),
                                   ("printf-std-names", "HARD", ["-DUSE_STD_NAMES"])):
            flags = ["-std=c99", "-DPRINTF_INCLUDE_CONFIG_H",
                     "-I" + printf_include(work, pf, alias), "-I" + os.path.join(pf, "src"),
                     "-fno-builtin-printf"] + extra
            found.append((name, pf, flags, files, user,
                          "log_sample;format_status;log_to_uart"))
    return found


def warnings_in(text):
    return sum(1 for line in text.splitlines() if ": warning: " in line and "[noalloc-" in line)


def trial(config, work, noalloc):
    name, src, flags, files, user, root = config
    db = os.path.join(work, "db", name)
    os.makedirs(db, exist_ok=True)
    entries = [{"directory": src, "file": f,
                "arguments": ["clang-22"] + flags + ["-c", f, "-o", "/dev/null"]}
               for f in files + [user]]
    with open(os.path.join(db, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    plugin = os.path.join(os.path.dirname(os.path.dirname(noalloc)), "checks",
                          "NoallocTidyPlugin.so")
    r = {"name": name, "units": len(entries)}
    _, r["noalloc_rss_mb"], _, text = scale.run([noalloc, "-j1", "--no-cache", "-p", db],
                                                stdout=None)
    r["noalloc_cpu_s"], r["noalloc_warnings"] = scale.CPU[0], warnings_in(text)
    report = json.loads(subprocess.run([noalloc, "-j1", "--no-cache", "--quiet",
                                        "--format=json", "-p", db],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                       text=True).stdout)
    r["functions"] = len(report["functions"])
    r["heap_using"] = sorted(f["name"] for f in report["functions"]
                             if f["verdict"] in ("allocates", "allocates-on-failure", "unknown"))
    r["syntax_cpu_s"] = r["tidy_cpu_s"] = r["syntax_rss_mb"] = r["tidy_rss_mb"] = 0.0
    r["plugin_warnings"], r["plugin_differs_on"] = 0, []
    for e in entries:
        _, rss, _, _ = scale.run(scale.syntax_only_argv(e), cwd=e["directory"])
        r["syntax_cpu_s"] += scale.CPU[0]
        r["syntax_rss_mb"] = max(r["syntax_rss_mb"], rss)
        _, rss, _, tidy = scale.run(["clang-tidy-22", "--quiet", "--load=" + plugin,
                                     "--checks=-*,noalloc-*,-noalloc-unknown-call",
                                     "-p", db, e["file"]], stdout=None)
        r["tidy_cpu_s"] += scale.CPU[0]
        r["tidy_rss_mb"] = max(r["tidy_rss_mb"], rss)
        r["plugin_warnings"] += warnings_in(tidy)
        _, _, _, alone = scale.run([noalloc, "-j1", "--no-cache", "-p", db, e["file"]],
                                   stdout=None)
        if scale.diagnostics(alone, e["directory"]) != scale.diagnostics(tidy, e["directory"]):
            r["plugin_differs_on"].append(os.path.basename(e["file"]))
    for key, options in (("roots_lenient", ""), ("roots_strict",
                                                  ", Policy: strict, ReportMayAllocate: true")):
        _, _, _, text = scale.run([noalloc, "-j1", "--no-cache", "-p", db,
                                   "--checks=-*,noalloc-call",
                                   "--config={CheckOptions: {Roots: '%s'%s}}" % (root, options)],
                                  stdout=None)
        r[key] = scale.findings_of(text)
    r["roots"] = root
    oracle = subprocess.run([sys.executable, ORACLE, user, "--"] + flags + files,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    r["oracle"] = "confirmed" if oracle.returncode == 0 else "contradicted"
    r["oracle_labels"] = sorted({line.split(": ", 2)[2] for line in oracle.stdout.splitlines()
                                 if ": confirmed: " in line or ": error: contradicted" in line})
    return r


def show(r):
    print("%s: %d units, %d functions" % (r["name"], r["units"], r["functions"]))
    print("                                CPU s   peak RSS   warnings")
    print("  noalloc -j1 (whole program)  %6.2f %6.0f MiB   %5d" %
          (r["noalloc_cpu_s"], r["noalloc_rss_mb"], r["noalloc_warnings"]))
    print("  clang-22 -fsyntax-only       %6.2f %6.0f MiB" % (r["syntax_cpu_s"], r["syntax_rss_mb"]))
    print("  clang-tidy-22 + plugin       %6.2f %6.0f MiB   %5d" %
          (r["tidy_cpu_s"], r["tidy_rss_mb"], r["plugin_warnings"]))
    print("  may use the heap (%d): %s" % (len(r["heap_using"]), ", ".join(r["heap_using"]) or "none"))
    print("  tool on each unit alone and plugin: %s" %
          ("the same diagnostics" if not r["plugin_differs_on"]
           else "differ on " + ", ".join(r["plugin_differs_on"])))
    print("  Roots '%s': %s findings; strict with ReportMayAllocate: %s" %
          (r["roots"], r["roots_lenient"], r["roots_strict"]))
    print("  oracle on the user program: %s (%s)" % (r["oracle"], "; ".join(r["oracle_labels"])))
    sys.stdout.flush()


def main():
    parser = corpus.parser_for(__doc__)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    noalloc = os.path.abspath(args.noalloc)
    results = []
    for config in configurations(work, args.mirrors):
        results.append(trial(config, work, noalloc))
        show(results[-1])
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
