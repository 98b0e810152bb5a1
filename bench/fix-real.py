#!/usr/bin/env python3
"""--fix on real projects: they still build, and the same tests pass.

  fix-real.py [PROJECT...] --work DIR [--mirrors DIR]

PROJECT is a CMake project of bench/corpus.py (default: leveldb fmt
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
that passed before still pass. Prints a table and writes DIR/fix-real.json;
exit status 1 when a project fails.
"""
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import corpus  # noqa: E402

DEFAULT = ["leveldb", "fmt", "jansson", "cjson"]
# Options for a build that runs the tests (the corpus only configures).
# leveldb's tests link google/benchmark, which builds with -pedantic-errors:
# clang-22 calls its '__COUNTER__' a C2y extension.
BUILD_OPTIONS = {"jansson": ["-DJANSSON_WITHOUT_TESTS=OFF"],
                 "leveldb": ["-DCMAKE_CXX_FLAGS=-Wno-c2y-extensions"]}
THIRD_PARTY = re.compile(r"/(third_party|third-party|thirdparty|3rdparty|external|"
                         r"vendor|_deps)/")
CTEST_LINE = re.compile(r"Test\s+#\d+: (\S+) \.+\**\s*(Passed|\*\*\*Failed|Failed|"
                        r"Not Run|\*\*\*Timeout|\*\*\*Exception.*|Subprocess.*)")


def sh(argv, cwd, log, timeout=3600):
    with open(log, "a") as out:
        out.write("$ %s\n" % " ".join(argv))
        out.flush()
        return subprocess.run(["nice", "-n", "10"] + argv, cwd=cwd, stdout=out,
                              stderr=subprocess.STDOUT, timeout=timeout).returncode


def ctest(build, log):
    """{test name: passed?} from ctest's own report."""
    out = os.path.join(build, "ctest.out")
    with open(out, "w") as f:
        subprocess.run(["nice", "-n", "10", "ctest", "-j2", "--timeout", "600"], cwd=build,
                       stdout=f, stderr=subprocess.STDOUT)
    with open(out) as f:
        text = f.read()
    with open(log, "a") as f:
        f.write(text)
    return {m.group(1): m.group(2) == "Passed" for m in CTEST_LINE.finditer(text)}


def build_and_test(src, build, options, log):
    if sh(["cmake", "-G", "Ninja", "-S", src, "-B", build,
           "-DCMAKE_C_COMPILER=clang-22", "-DCMAKE_CXX_COMPILER=clang++-22",
           "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"]
          + options, src, log) != 0:
        return False, {}
    if sh(["ninja", "-j2", "-k", "0"], build, log) != 0:
        return False, {}
    return True, ctest(build, log)


def own_units(build):
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    files = {os.path.normpath(os.path.join(e["directory"], e["file"])) for e in entries}
    return sorted(f for f in files if not THIRD_PARTY.search(f) and os.path.exists(f))


def fixes_in(export):
    """Findings with a fix-it in clang-apply-replacements YAML."""
    if not os.path.exists(export):
        return 0
    with open(export) as f:
        return len(re.findall(r"Replacements:\s*\n\s+- FilePath", f.read()))


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
    # A fresh copy of the source (its times kept: a build left by an earlier
    # run only compiles what changed); --clean starts the build over too.
    shutil.rmtree(src, ignore_errors=True)
    if args.clean:
        shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(source, src, symlinks=True)
    if os.path.exists(log):
        os.remove(log)
    for argv in (["git", "init", "-q"], ["git", "add", "-A"],
                 ["git", "-c", "user.name=fix-real", "-c", "user.email=fix-real@localhost",
                  "commit", "-qm", commit]):
        subprocess.run(argv, cwd=src, check=True, stdout=subprocess.DEVNULL)
    options = [o for o in options if "{src:" not in o] + BUILD_OPTIONS.get(name, [])
    result = {"project": name, "repo": repo, "commit": commit}
    ok, before = build_and_test(src, build, options, log)
    result.update(built_before=ok, tests_before=len(before),
                  passed_before=sum(before.values()))
    if not ok:
        return result
    units = own_units(build)
    export = os.path.join(base, "fixes.yaml")
    status = sh([args.noalloc, "-p", build, "--fix", "--checks=noalloc-*", "--no-cache",
                 "-j2", "--quiet", "--export-fixes=" + export] + units, src, log)
    diff = subprocess.run(["git", "diff", "--shortstat"], cwd=src, stdout=subprocess.PIPE,
                          text=True).stdout.strip()
    subprocess.run(["git", "diff"], cwd=src, stdout=open(os.path.join(base, "fix.diff"), "w"))
    ok, after = build_and_test(src, build, options, log)
    lost = sorted(t for t, passed in before.items() if passed and not after.get(t))
    result.update(units=len(units), noalloc_exit=status, fixes=fixes_in(export), diff=diff,
                  built_after=ok, tests_after=len(after), passed_after=sum(after.values()),
                  lost=lost, ok=ok and not lost and status in (0, 1))
    return result


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
    print("\n| project | units | fixes | changed | build after | tests passed before -> after |")
    print("|---|---:|---:|---|---|---|")
    for r in results:
        if "skipped" in r or not r.get("built_before"):
            print("| %s | skipped: %s |" % (r["project"], r.get("skipped", "no baseline build")))
            continue
        print("| %s | %d | %d | %s | %s | %d/%d -> %d/%d%s |" % (
            r["project"], r["units"], r["fixes"], r["diff"] or "nothing",
            "ok" if r["built_after"] else "FAILED", r["passed_before"], r["tests_before"],
            r["passed_after"], r["tests_after"],
            ", lost: " + " ".join(r["lost"]) if r["lost"] else ""))
    sys.exit(0 if all(r.get("ok") for r in results if "skipped" not in r) else 1)


if __name__ == "__main__":
    main()
