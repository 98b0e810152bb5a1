#!/usr/bin/env python3
"""Instructions of noalloc against clang++-22 -fsyntax-only, unit by unit.

CPU seconds on this shared machine move by 15-30% between runs of one
binary, and the VM has no hardware counters (`perf stat -e instructions`
says "<not supported>": the kernel logs "PMU not available due to
virtualization"). valgrind's callgrind counts the instructions each
process executes, which the load does not change: the same binary on the
same unit gives the same count to about 0.1% (clang's pointer-keyed hash
tables follow the heap's layout).

  instructions.py BUILD-DIR FILE...   each FILE's entry of BUILD-DIR's
                                      compile_commands.json

For each unit: `clang++-22 -fsyntax-only` with the entry's flags (cc1 runs
in the driver's process) and `noalloc -j1 --no-cache -p BUILD-DIR FILE`,
each under `valgrind --tool=callgrind`, and their ratio. --phases adds
noalloc's breakdown, inclusive instructions of the functions in PHASES
(callgrind_annotate). valgrind 3.19 cannot read the DWARF 5 of
scripts/build's statically linked binary, so it runs a copy made with
`strip --strip-debug` (the same code; symbols kept), in --work.
callgrind runs about 50 times slower than the program: a json unit
(7.4 billion instructions) takes 5 to 10 minutes on this machine.

Options: --noalloc PATH (default build/tool/noalloc), --work DIR (the
stripped copy and callgrind's files, default a temporary directory),
--json FILE (the numbers), --syntax COUNT (the -fsyntax-only count of the
one FILE, measured before: not run again), --keep (keep callgrind's
output files, for callgrind_annotate).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import scale  # noqa: E402

# noalloc's phases, as callgrind_annotate names the functions (inclusive
# counts; a phase's callees are in it). "after the parse" is the whole
# less the parse: it is the number to compare between binaries, since the
# parse's own count moves by up to 0.01 billion between binaries that parse
# alike.
PHASES = [
    ("parse (ParseAST, consumers excluded)", None),
    ("matchers (MatchFinder::matchAST)", r"clang::ast_matchers::MatchFinder::matchAST\("),
    ("index and stores in one walk (walkUnitOnce)", r"noalloc::walkUnitOnce\("),
    ("ParentIndex, every build (walkUnitOnce's too)",
     r"noalloc::\(anonymous namespace\)::buildIndex\("),
    ("clang's parent map", r"clang::ParentMapContext::ParentMap::ParentMap\("),
    ("fact extraction (extractFacts)", r"noalloc::extractFacts\("),
    ("facts stored (FactsCollector::add)", r"noalloc::FactsCollector::add\("),
    ("link and findings (linkAndReport)", r"noalloc::linkAndReport\("),
    ("  link (linkProgram)", r"noalloc::linkProgram\("),
    ("output (printReport)", r"noalloc::printReport\("),
    ("(in the parse: clang's analysis-based warnings)",
     r"clang::sema::AnalysisBasedWarnings::IssueWarnings\("),
]
PARSE = r"clang::ParseAST\("
CONSUMER = r"clang::MultiplexConsumer::HandleTranslationUnit\("
SUMMARY = re.compile(r"^(?:summary|totals):\s+(\d+)", re.M)


def stripped_copy(binary, work):
    """A copy of binary without its debug sections, remade when older."""
    copy = os.path.join(work, os.path.basename(binary) + ".stripped")
    if not os.path.exists(copy) or os.path.getmtime(copy) < os.path.getmtime(binary):
        subprocess.run(["strip", "--strip-debug", "-o", copy, binary], check=True)
    return copy


def callgrind(argv, cwd, out):
    """Runs argv under callgrind; returns its instruction count."""
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out]
                          + argv, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    try:
        with open(out) as f:
            m = SUMMARY.search(f.read())
    except OSError:
        m = None
    if not m:
        sys.exit("instructions.py: callgrind failed on %s:\n%s" % (argv, proc.stderr[-2000:]))
    return int(m.group(1))


def inclusive(out):
    """{function: inclusive instructions} of a callgrind output file; a
    function inside a cycle of recursion is left out ("name'2": callgrind
    counts the cycle's calls again)."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100",
                           out], stdout=subprocess.PIPE, text=True).stdout
    found = {}
    for line in text.splitlines():
        m = re.match(r"^\s*([\d,]+)\s+\([^)]*\)\s+\S*?:(.*?)(?: \[[^\]]*\])?$", line)
        if m and not re.search(r"'\d+$", m.group(2)):
            found[m.group(2)] = int(m.group(1).replace(",", ""))
    return found


def first(found, pattern):
    counts = [c for name, c in found.items() if re.search(pattern, name)]
    return max(counts) if counts else 0


def phases(out, whole):
    found = inclusive(out)
    parse = first(found, PARSE) - first(found, CONSUMER)
    result = [(PHASES[0][0], parse)]
    for label, pattern in PHASES[1:]:
        result.append((label, first(found, pattern)))
    result.append(("after the parse (whole - parse)", whole - parse))
    return result


def entry_of(directory, path):
    for e in scale.load_entries(directory, 0):
        if os.path.samefile(e["file"], path):
            return e
    sys.exit("instructions.py: %s is not in %s/compile_commands.json" % (path, directory))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--noalloc", default=os.path.join(ROOT, "build", "tool", "noalloc"))
    parser.add_argument("--work", default="")
    parser.add_argument("--json", default="")
    parser.add_argument("--phases", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--syntax", type=int, default=0,
                        help="the -fsyntax-only count, measured before (one FILE)")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("instructions.py: valgrind is not installed (apt-get install valgrind)")
    work = args.work or tempfile.mkdtemp(prefix="noalloc-instructions-")
    os.makedirs(work, exist_ok=True)
    build = os.path.abspath(args.build)
    noalloc = stripped_copy(os.path.abspath(args.noalloc), work)
    print("noalloc %s; %s; load %.1f" % (args.noalloc, time.strftime("%Y-%m-%d %H:%M UTC",
                                                                    time.gmtime()),
                                         os.getloadavg()[0]))
    results = []
    for path in args.files:
        e = entry_of(build, path)
        name = os.path.basename(e["file"])
        syntax = args.syntax or callgrind(scale.syntax_only_argv(e), e["directory"],
                                          os.path.join(work, name + ".syntax.cg"))
        out = os.path.join(work, name + ".noalloc.cg")
        whole = callgrind([noalloc, "-j1", "--no-cache", "-p", build, e["file"]],
                          e["directory"], out)
        r = {"file": e["file"], "syntax": syntax, "noalloc": whole, "ratio": whole / syntax}
        print("%s: -fsyntax-only %.3f, noalloc %.3f billion instructions: %.3fx"
              % (e["file"], syntax / 1e9, whole / 1e9, whole / syntax))
        if args.phases:
            r["phases"] = phases(out, whole)
            for label, count in r["phases"]:
                print("  %-40s %8.3f" % (label, count / 1e9))
        if not args.keep:
            for f in (out, os.path.join(work, name + ".syntax.cg")):
                if os.path.exists(f):
                    os.remove(f)
        results.append(r)
        sys.stdout.flush()
    if len(results) > 1:
        syntax = sum(r["syntax"] for r in results)
        whole = sum(r["noalloc"] for r in results)
        print("all %d units: -fsyntax-only %.3f, noalloc %.3f billion: %.3fx"
              % (len(results), syntax / 1e9, whole / 1e9, whole / syntax))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
