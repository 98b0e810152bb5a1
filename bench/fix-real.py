#!/usr/bin/env python3
"""--fix on real projects: they still build, and the same tests pass.

  fix-real.py [PROJECT...] --work DIR [--mirrors DIR]

PROJECT is a CMake project of bench/corpus.py (default: leveldb benchmark fmt
jansson cjson), checked out at its pinned commit. For each, in
DIR/fix/PROJECT (a fresh copy, a git repository so that --fix knows the
project's root and the edits can be counted):

1. configure, build (ninja -j2) and run its own tests with ctest: the
   baseline;
2. noalloc -p build --fix --checks='noalloc-*' over every unit of the
   compilation database that is the project's own (not third_party/);
   --export-fixes in the same run counts the findings that carried a fix;
3. build again and run the tests again.

A project passes when the build after the fixes has no error and the tests
that passed before still pass. Prints a table (units, fixes, files changed,
build errors, tests before and after, time) and writes DIR/fix-real.json;
exit status 1 when a project fails. A build left by an earlier run is
reused: the files that run's fixes changed are touched, so that they are
compiled again from the pinned source.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import corpus  # noqa: E402

DEFAULT = ["leveldb", "benchmark", "fmt", "jansson", "cjson"]
# Options for a build that runs the tests (the corpus only configures).
# leveldb's tests link google/benchmark, which builds with -pedantic-errors:
# clang-22 calls its '__COUNTER__' a C2y extension.
# google/benchmark's tests without gtest (which it would download).
BUILD_OPTIONS = {"jansson": ["-DJANSSON_WITHOUT_TESTS=OFF"],
                 "leveldb": ["-DCMAKE_CXX_FLAGS=-Wno-c2y-extensions"],
                 "benchmark": ["-DBENCHMARK_ENABLE_TESTING=ON",
                               "-DBENCHMARK_ENABLE_GTEST_TESTS=OFF",
                               "-DCMAKE_CXX_FLAGS=-Wno-c2y-extensions"]}
THIRD_PARTY = re.compile(r"/(third_party|third-party|thirdparty|3rdparty|external|"
                         r"vendor|_deps)/")
# A compiler's or linker's error line (clang, ld, ninja's own).
ERROR_LINE = re.compile(r"^(?:.*?: )?(?:fatal )?error: ", re.M)
NOT_APPLIED = re.compile(r"(\d+) fix(?:es)? ha(?:s|ve) not been applied")
CTEST_LINE = re.compile(r"Test\s+#\d+: (\S+) \.+\**\s*(Passed|\*\*\*Failed|Failed|"
                        r"Not Run|\*\*\*Timeout|\*\*\*Exception.*|Subprocess.*)")


def sh(argv, cwd, log, timeout=3600):
    """Runs argv, its output appended to log; returns (exit status, output)."""
    done = subprocess.run(["nice", "-n", "10"] + argv, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace",
                          timeout=timeout)
    with open(log, "a") as out:
        out.write("$ %s\n%s" % (" ".join(argv), done.stdout))
    return done.returncode, done.stdout


def ctest(build, log):
    """{test name: passed?} from ctest's own report. A test that fails is run
    again, up to 3 times in all (leveldb's DBTest.HiddenValuesAreRemoved
    fails about one run in three on a loaded machine, with or without the
    fixes); it passes if one run does."""
    _, text = sh(["ctest", "-j2", "--timeout", "600", "--repeat", "until-pass:3"], build,
                 log, timeout=3 * 7200)
    runs = [(m.group(1), m.group(2) == "Passed") for m in CTEST_LINE.finditer(text)]
    # The last line of a test is its last run.
    return dict(runs), sorted({name for name, passed in runs if not passed})


def build_and_test(src, build, options, log):
    """(built?, compiler and linker errors, {test: passed?}, tests that failed
    a run, seconds)."""
    start = time.monotonic()
    status, _ = sh(["cmake", "-G", "Ninja", "-S", src, "-B", build,
                    "-DCMAKE_C_COMPILER=clang-22", "-DCMAKE_CXX_COMPILER=clang++-22",
                    "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"]
                   + options, src, log)
    if status != 0:
        return False, None, {}, [], time.monotonic() - start
    status, output = sh(["ninja", "-j2", "-k", "0"], build, log, timeout=4 * 3600)
    errors = len(ERROR_LINE.findall(output))
    tests, failed_once = ctest(build, log) if status == 0 else ({}, [])
    return status == 0, errors, tests, failed_once, time.monotonic() - start


def own_units(build):
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    files = {os.path.normpath(os.path.join(e["directory"], e["file"])) for e in entries}
    return sorted(f for f in files if not THIRD_PARTY.search(f) and os.path.exists(f))


def fixes_in(export):
    """Findings that carry a fix-it in clang-apply-replacements YAML, each
    counted once however many units reported it."""
    if not os.path.exists(export):
        return 0
    with open(export) as f:
        text = f.read()
    found = set()
    for diagnostic in text.split("\n  - DiagnosticName:")[1:]:
        if re.search(r"Replacements:\s*\n\s+- FilePath", diagnostic):
            found.add((diagnostic.split("\n", 1)[0].strip(),
                       re.search(r"FilePath:\s*(.*)", diagnostic).group(1),
                       re.search(r"FileOffset:\s*(\d+)", diagnostic).group(1)))
    return len(found)


def not_applied(output):
    """Fixes noalloc --fix left out, from its notes."""
    return sum(int(n) for n in NOT_APPLIED.findall(output))


def fresh_copy(source, src, changed):
    """src as source is, git-tracked; the files an earlier run's fixes
    changed are touched so that the build compiles them again."""
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(source, src, symlinks=True)
    if os.path.exists(changed):
        with open(changed) as f:
            for path in f.read().split("\n"):
                if path and os.path.exists(os.path.join(src, path)):
                    os.utime(os.path.join(src, path))
    for argv in (["git", "init", "-q"], ["git", "add", "-A"],
                 ["git", "-c", "user.name=fix-real", "-c", "user.email=fix-real@localhost",
                  "commit", "-qm", "pinned"]):
        subprocess.run(argv, cwd=src, check=True, stdout=subprocess.DEVNULL)


def run_fix(args, build, units, src, base, log):
    """noalloc --fix over units: (exit status, fixes, not applied, files changed,
    seconds)."""
    start = time.monotonic()
    export = os.path.join(base, "fixes.yaml")
    status, output = sh([args.noalloc, "-p", build, "--fix", "--checks=noalloc-*",
                         "--no-cache", "-j2", "--quiet", "--export-fixes=" + export] + units,
                        src, log, timeout=4 * 3600)
    seconds = time.monotonic() - start
    changed = subprocess.run(["git", "diff", "--name-only"], cwd=src, stdout=subprocess.PIPE,
                             text=True).stdout.split()
    with open(os.path.join(base, "changed.txt"), "w") as f:
        f.write("".join(path + "\n" for path in changed))
    with open(os.path.join(base, "fix.diff"), "w") as f:
        subprocess.run(["git", "diff"], cwd=src, stdout=f)
    return status, fixes_in(export), not_applied(output), changed, seconds


def prove(name, args):
    repo, commit, (kind, options) = corpus.PROJECTS[name]
    if kind != "cmake":
        return {"project": name, "skipped": "not a CMake project"}
    source, why = corpus.checkout(name, args.work, args.mirrors)
    if why:
        return {"project": name, "skipped": why}
    base = os.path.join(args.work, "fix", name)
    src, build, log = os.path.join(base, "src"), os.path.join(base, "build"), \
        os.path.join(base, "log.txt")
    if args.clean:
        shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base, exist_ok=True)
    fresh_copy(source, src, os.path.join(base, "changed.txt"))
    if os.path.exists(log):
        os.remove(log)
    options = [o for o in options if "{src:" not in o] + BUILD_OPTIONS.get(name, [])
    result = {"project": name, "repo": repo, "commit": commit}
    ok, errors, before, rerun, seconds = build_and_test(src, build, options, log)
    result.update(built_before=ok, errors_before=errors, tests_before=len(before),
                  passed_before=sum(before.values()), rerun_before=rerun,
                  seconds_before=round(seconds))
    if not ok:
        return result
    units = own_units(build)
    status, fixes, left_out, changed, seconds = run_fix(args, build, units, src, base, log)
    result.update(units=len(units), noalloc_exit=status, fixes=fixes, not_applied=left_out,
                  files_changed=len(changed), seconds_fix=round(seconds))
    ok, errors, after, rerun, seconds = build_and_test(src, build, options, log)
    lost = sorted(t for t, passed in before.items() if passed and not after.get(t))
    result.update(built_after=ok, errors_after=errors, tests_after=len(after),
                  passed_after=sum(after.values()), rerun_after=rerun,
                  seconds_after=round(seconds), lost=lost,
                  ok=ok and not lost and status in (0, 1))
    return result


def minutes(seconds):
    return "%d:%02d" % (seconds // 60, seconds % 60)


def table(results):
    print("\n| project | units | fixes applied | files changed | build errors after"
          " | tests passed before -> after | time: baseline, noalloc --fix, after |")
    print("|---|---:|---:|---:|---:|---|---|")
    for r in results:
        if "skipped" in r or not r.get("built_before"):
            print("| %s | skipped: %s |" % (r["project"], r.get("skipped", "no baseline build")))
            continue
        print("| %s | %d | %d | %d | %s | %d/%d -> %d/%d%s | %s, %s, %s |" % (
            r["project"], r["units"], r["fixes"] - r["not_applied"], r["files_changed"],
            r["errors_after"] if r["errors_after"] is not None else "not configured",
            r["passed_before"], r["tests_before"], r["passed_after"], r["tests_after"],
            "".join(", %s: %s" % (what, " ".join(r[key])) for what, key in
                    (("lost", "lost"), ("failed a run before", "rerun_before"),
                     ("failed a run after", "rerun_after")) if r[key]),
            minutes(r["seconds_before"]), minutes(r["seconds_fix"]),
            minutes(r["seconds_after"])))


def main():
    parser = corpus.parser_for(__doc__)
    parser.add_argument("projects", nargs="*")
    parser.add_argument("--clean", action="store_true", help="build from scratch")
    args = parser.parse_args()
    args.work, args.noalloc = os.path.abspath(args.work), os.path.abspath(args.noalloc)
    results = []
    for name in args.projects or DEFAULT:
        r = prove(name, args)
        results.append(r)
        print(json.dumps(r), flush=True)
    with open(os.path.join(args.work, "fix-real.json"), "w") as f:
        json.dump(results, f, indent=1)
    table(results)
    sys.exit(0 if all(r.get("ok") for r in results if "skipped" not in r) else 1)


if __name__ == "__main__":
    main()
