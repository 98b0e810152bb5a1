#!/usr/bin/env python3
"""Recall and precision of noalloc on the oracle-confirmed semantics tests,
and of clang's -Wfunction-effects on the same functions.

    precision.py [--noalloc PATH] [--clang PATH] [--json FILE] [--work DIR]
                 [INPUT...]

INPUT: test inputs with a noalloc RUN line and an `#ifdef NOALLOC_ORACLE`
block (default: test/semantics/*.c, *.cpp and *.m). In one run, per input:

1. The ground truth. The runtime oracle (test/oracle/oracle.py) runs the
   witnesses with libstdc++, the platform's library (C inputs with glibc
   alone, Objective-C with the GNU runtime), and confirms each label;
   labels under `#ifdef _LIBCPP_VERSION` are not compiled and do not
   count. A label is attached to the function of the file its statement
   calls: noalloc writes the facts of the input compiled with
   -DNOALLOC_ORACLE (clang's callee of each call, by USR) and a statement
   that calls exactly one function defined in the file above the oracle
   block is kept; others are skipped and counted. An ALLOCATES statement
   must also be that call alone (`f(x)` or `v = f(x)`), so that nothing
   else in it can be what allocated. A function is 'allocates' when one of
   its labels is ALLOCATES (some input makes it allocate), 'no-alloc' when
   all are NO_ALLOC, NO_HEAP or RELEASES (the witnesses' inputs do not: the
   label's claim, not a proof).
2. noalloc, once per input, every check (`--checks=-*,noalloc-*`), with the
   options and compiler flags of the input's first noalloc RUN line that
   names the other units the oracle builds (a test of several units also
   runs the input alone), else of its first, `--format=json`. Verdicts: 'allocates', 'allocates-on-failure',
   'bounded' (running out of a bounded memory resource throws
   std::bad_alloc) and 'unknown' say "may allocate", 'none' and 'releases'
   do not; scored once with failure paths reported (the default) and once
   accepted (`FailurePaths: accept`: 'allocates-on-failure' and 'bounded'
   are then 'none'). A
   function is 'warned' when a finding is located in it (at one of its own
   heap sites or calls in the facts, else in the innermost function whose
   text holds it) or at a point of its chain. Findings about releasing
   memory do not count; with failure paths accepted, neither do 'may
   allocate only when it fails' findings.
3. clang -Wfunction-effects, one compile per labelled function: a copy of
   the input with only that function marked `[[clang::nonallocating]]`
   (where noalloc's --annotate would write it), `-fsyntax-only
   -Wfunction-effects`; any function-effects warning says "allocates".
   clang checks the calls it can see and treats every function without a
   visible body (libc, compiled library code) as allocating.

Prints a table (TP/FP/FN/TN, recall, precision per tool, wall times) and
the misses and false alarms; --json writes all of it."""
import argparse
import collections
import glob
import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE_DIR = os.path.join(ROOT, "test", "oracle")
LLVM = os.environ.get("NOALLOC_LLVM_ROOT", "/usr/lib/llvm-22")
LABEL = re.compile(r"\bORACLE_(ALLOCATES|RELEASES|NO_ALLOC|NO_HEAP)\s*\(")
ORACLE_LINE = re.compile(
    r"^(?:\[libstdc\+\+\] )?[^:]+:(\d+): (confirmed|error: contradicted): "
    r"(allocates|releases|no-alloc|no-heap) ")
# `f(x)`, `obj.f(x)`, `v = f(x)`: one call and nothing else that could run.
SINGLE_CALL = re.compile(
    r"^(?:[A-Za-z_]\w*\s*=\s*)?(?:[A-Za-z_][\w:]*\s*(?:\.|->)\s*)?"
    r"[A-Za-z_][\w:]*\s*\(([^()]*)\)$")
FAILS_ONLY = "only when it fails"
# Findings about releasing memory ("'delete' releases heap memory", "may
# release heap memory") are not a claim that the function allocates.
RELEASES = re.compile(r"(releases|may release) heap memory$")


def run(argv):
    """Runs argv; returns the process and its (wall, CPU) seconds: the
    machine may be shared, and other tenants do not inflate CPU time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc, Seconds(wall, cpu)


class Seconds:
    def __init__(self, wall=0.0, cpu=0.0):
        self.wall, self.cpu = wall, cpu

    def __add__(self, other):
        return Seconds(self.wall + other.wall, self.cpu + other.cpu)


def run_lines(text):
    """The RUN lines of a test, continuations joined."""
    lines, current = [], ""
    for line in text.splitlines():
        m = re.match(r"^\s*(?://|\*)?\s*RUN:(.*)$", line)
        if not m:
            continue
        part = m.group(1).strip()
        if part.endswith("\\"):
            current += part[:-1] + " "
            continue
        lines.append(current + part)
        current = ""
    return lines


SOURCE = re.compile(r"\.(c|cc|cpp|cxx|m|mm)$")


def noalloc_command(path, text):
    """(noalloc options, compiler flags) of the noalloc RUN line that
    analyses the program the first oracle RUN line builds (the input and the
    same other units: a test whose RUN lines compile more than one unit
    also runs the input alone), else of the first noalloc RUN line; and the
    compiler flags of the oracle's. The other units stay in the options, as
    sources. lit's %S is the input's directory."""
    runs, oracle_flags, witnesses = [], None, []
    for line in run_lines(text):
        line = line.replace("%S", os.path.dirname(path))
        try:
            words = shlex.split(line.split("|")[0])
        except ValueError:  # a quoted '|' of a FileCheck line alone
            continue
        if "%noalloc" in words:
            words = words[words.index("%noalloc") + 1:]
            cut = words.index("--") if "--" in words else len(words)
            options = [w for w in words[:cut] if w != "%s"
                       and not w.startswith(("--checks", "--format"))]
            runs.append((options, words[cut + 1:]))
        if "%oracle" in words:
            words = words[words.index("%oracle") + 1:]
            flags = words[words.index("--") + 1:] if "--" in words else []
            if oracle_flags is None:
                oracle_flags = flags
            elif [w for w in flags if not w.startswith("-DWITNESS=")] == \
                    oracle_flags and len(flags) == len(oracle_flags) + 1:
                # The same program, another function as the witness
                # (-DWITNESS=f): its labels count too.
                witnesses.append(flags)
    if not runs:
        raise SystemExit("error: no noalloc RUN line")
    units = lambda words: {w for w in words if SOURCE.search(w)}
    program = units(oracle_flags or [])
    options, flags = next((r for r in runs if units(r[0]) == program), runs[0])
    return (options, flags, oracle_flags if oracle_flags is not None else flags,
            witnesses)


def closing_paren(text, start):
    """Offset of the parenthesis closing the one before `start`."""
    depth, i = 1, start
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i += 1
            while text[i] != c:
                i += 2 if text[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced parenthesis at offset %d" % start)


def top_level_comma(text, start, end):
    depth, i = 0, start
    while i < end:
        c = text[i]
        if c in "\"'":
            i += 1
            while text[i] != c:
                i += 2 if text[i] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            return i
        i += 1
    return -1


def labels_in(text):
    """Every label of the source: line, kind, statement and its range."""
    found = []
    for m in LABEL.finditer(text):
        close = closing_paren(text, m.end())
        comma = top_level_comma(text, m.end(), close)
        stmt_begin = comma + 1
        # clang's __LINE__ in a label written over several lines is the
        # line of its closing parenthesis: the oracle prints that one.
        found.append({"line": text.count("\n", 0, close) + 1,
                      "kind": m.group(1).lower().replace("_", "-"),
                      "statement": " ".join(text[stmt_begin:close].split()),
                      "begin": stmt_begin, "end": close})
    return found


def read_facts(directory, path):
    """The facts of the input `path`, among those of the units run with it
    (an input whose RUN line names other units too)."""
    files = glob.glob(os.path.join(directory,
                                   glob.escape(os.path.basename(path)) + ".*.facts.json"))
    if len(files) != 1:
        raise SystemExit("error: expected one facts file of %s in %s"
                         % (os.path.basename(path), directory))
    with open(files[0]) as f:
        return json.load(f)


def main_index(facts):
    """The main file's index in the file table (0 unless a header of the
    input comes first)."""
    files = facts.get("files", [])
    return files.index(facts["main_file"]) if facts.get("main_file") in files else 0


def file_functions(facts, limit):
    """Functions defined in the main file before offset `limit`."""
    main = main_index(facts)
    return {f["usr"]: f for f in facts["functions"]
            if f["defined"] and f["at"][0] == main and f["at"][1] < limit}


def oracle_verdicts(path, flags, work):
    argv = [sys.executable, os.path.join(ORACLE_DIR, "oracle.py"),
            "--stdlib=libstdc++", path, "--"] + flags
    proc, seconds = run(argv)
    verdicts = {}
    for line in (proc.stdout + proc.stderr).splitlines():
        m = ORACLE_LINE.match(line)
        if m:
            verdicts[int(m.group(1))] = m.group(2) == "confirmed"
    if not verdicts:
        raise SystemExit("error: the oracle printed no label for %s:\n%s"
                         % (path, proc.stdout + proc.stderr))
    return verdicts, seconds


def ground_truth(path, text, flags, oracle_flags, witnesses, args, work,
                 skipped):
    """USR -> {'name', 'allocates', 'labels'} for the labelled functions:
    the oracle's first program, and the 'allocates' labels of the same
    program with another witness (a label of a function that allocates on
    some input: libc-locale.c's after setlocale)."""
    truth, seconds = labelled_functions(path, text, flags, oracle_flags, args,
                                        work, skipped, {}, everything=True)
    for witness in witnesses:
        extra = [w for w in witness if w.startswith("-DWITNESS=")]
        _, took = labelled_functions(path, text, flags + extra, witness, args,
                                     work, collections.Counter(), truth,
                                     everything=False)
        seconds = seconds + took
    return truth, seconds


def labelled_functions(path, text, flags, oracle_flags, args, work, skipped,
                       truth, everything):
    """Adds to \p truth the functions the oracle's labels of one program
    name: every label, or (not \p everything) its 'allocates' labels."""
    confirmed, oracle_seconds = oracle_verdicts(path, oracle_flags, work)
    facts_dir = os.path.join(work, "witness")
    shutil.rmtree(facts_dir, ignore_errors=True)
    proc, _ = run([args.noalloc, "--no-cache", "--checks=-*,noalloc-call",
                   "--facts-dir=" + facts_dir, path, "--"] + flags +
                  ["-DNOALLOC_ORACLE", "-I", ORACLE_DIR])
    if proc.returncode == 2:
        raise SystemExit("error: noalloc failed on the witnesses of %s:\n%s"
                         % (path, proc.stderr))
    facts = read_facts(facts_dir, path)
    block = text.find("#ifdef NOALLOC_ORACLE")
    defined = file_functions(facts, block)
    calls = [c for f in facts["functions"] for c in f.get("calls", [])
             if c["at"] and c["at"][0] == main_index(facts)]
    for label in labels_in(text):
        if not everything and label["kind"] != "allocates":
            continue
        if label["line"] not in confirmed:
            skipped["not compiled with libstdc++"] += 1
            continue
        if not confirmed[label["line"]]:
            skipped["contradicted by the oracle"] += 1
            continue
        callees = {c["callee"] for c in calls
                   if label["begin"] <= c["at"][1] < label["end"]
                   and c["callee"] in defined}
        if len(callees) != 1:
            skipped["calls %s functions of the file" %
                    ("no" if not callees else "several")] += 1
            continue
        allocates = label["kind"] == "allocates"
        if allocates and not SINGLE_CALL.match(label["statement"]):
            skipped["allocates, but more than the call"] += 1
            continue
        usr = callees.pop()
        entry = truth.setdefault(usr, {"name": defined[usr]["name"],
                                       "allocates": False, "labels": []})
        entry["allocates"] |= allocates
        entry["labels"].append("%d: %s %s" % (label["line"], label["kind"],
                                             label["statement"]))
    return truth, oracle_seconds


def line_offsets(text):
    starts, pos = [0], 0
    for line in text.split("\n"):
        pos += len(line.encode()) + 1
        starts.append(pos)
    return starts


def warned_functions(report, facts, path, text, accept):
    """USRs of the functions a finding is located in or on the chain of."""
    starts = line_offsets(text)
    real = os.path.realpath(path)
    here = [f for f in report["findings"]
            if os.path.realpath(f["file"]) == real
            and not RELEASES.search(f["message"])
            and not (accept and FAILS_ONLY in f["message"])]
    points = {(f["line"], f["column"]) for f in here}
    owners = {}
    main = main_index(facts)
    functions = [f for f in facts["functions"]
                 if f["defined"] and f["at"][0] == main]
    for fn in functions:
        for item in fn.get("sites", []) + fn.get("calls", []):
            if item["at"] and item["at"][0] == main:
                owners.setdefault((item["at"][2], item["at"][3]), set()).add(fn["usr"])
    warned = set()
    for line, column in points:
        if (line, column) in owners:
            warned |= owners[(line, column)]
            continue
        offset = starts[line - 1] + column - 1
        holding = [fn for fn in functions if fn["at"][1] <= offset <= fn["end"]]
        if holding:
            warned.add(min(holding, key=lambda fn: fn["end"] - fn["at"][1])["usr"])
    for fn in report["functions"]:
        if any(os.path.realpath(step["file"]) == real
               and (step["line"], step["column"]) in points
               for step in fn.get("chain", [])):
            warned.add(fn["usr"])
    return warned


def noalloc_scores(path, text, options, flags, args, work):
    facts_dir = os.path.join(work, "scored")
    argv = [args.noalloc, "--no-cache", "--checks=-*,noalloc-*",
            "--format=json", "--facts-dir=" + facts_dir] + options + [path, "--"] + flags
    proc, seconds = run(argv)
    if proc.returncode not in (0, 1):
        raise SystemExit("error: noalloc failed on %s:\n%s" % (path, proc.stderr))
    report = json.loads(proc.stdout)
    facts = read_facts(facts_dir, path)
    verdicts = {f["usr"]: f["verdict"] for f in report["functions"]}
    warned = {mode: warned_functions(report, facts, path, text, mode == "accept")
              for mode in ("report", "accept")}
    return verdicts, warned, facts, seconds


def with_attribute(text, points):
    data = text.encode()
    for offset in sorted(points, reverse=True):
        data = data[:offset] + b" [[clang::nonallocating]]" + data[offset:]
    return data.decode()


def clang_effects(path, text, flags, facts, truth, args, work):
    """USR -> True (warned), False, or None (cannot be marked)."""
    byusr = {f["usr"]: f for f in facts["functions"]}
    compiler = args.clang_c if path.endswith((".c", ".m")) else args.clang
    copy = os.path.join(work, "marked-" + os.path.basename(path))
    results, seconds = {}, Seconds()
    for usr in truth:
        fn = byusr.get(usr)
        points = fn.get("attribute_at", []) if fn else []
        if not points or fn.get("attribute_blocked") or any(p[0] != main_index(facts) for p in points):
            results[usr] = None
            continue
        with open(copy, "w") as f:
            f.write(with_attribute(text, [p[1] for p in points]))
        proc, took = run([compiler, "-fsyntax-only", "-Wfunction-effects"] +
                         flags + [copy])
        seconds = seconds + took
        if proc.returncode != 0:
            results[usr] = None
            continue
        results[usr] = "[-Wfunction-effects]" in proc.stderr
    return results, seconds


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = self.tn = 0
        self.misses, self.false_alarms = [], []

    def add(self, truth, said, where):
        if truth and said:
            self.tp += 1
        elif truth:
            self.fn += 1
            self.misses.append(where)
        elif said:
            self.fp += 1
            self.false_alarms.append(where)
        else:
            self.tn += 1

    def numbers(self):
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "recall": recall, "precision": precision,
                "misses": self.misses, "false_alarms": self.false_alarms}


TOOLS = [
    ("noalloc verdicts (failure paths reported)", "verdict-report"),
    ("noalloc verdicts (failure paths accepted)", "verdict-accept"),
    ("noalloc warnings (failure paths reported)", "warned-report"),
    ("noalloc warnings (failure paths accepted)", "warned-accept"),
    ("clang -Wfunction-effects", "clang"),
]
MAY_ALLOCATE = {"report": {"allocates", "allocates-on-failure", "bounded",
                            "unknown"},
                "accept": {"allocates", "unknown"}}


def measure(path, args, scores, skipped, times, functions):
    with open(path) as f:
        text = f.read()
    options, flags, oracle_flags, witnesses = noalloc_command(path, text)
    with tempfile.TemporaryDirectory(dir=args.work) as work:
        truth, oracle_seconds = ground_truth(path, text, flags, oracle_flags,
                                             witnesses, args, work, skipped)
        verdicts, warned, facts, seconds = noalloc_scores(
            path, text, options, flags, args, work)
        clang, clang_seconds = clang_effects(path, text, flags, facts, truth,
                                             args, work)
        compiler = args.clang_c if path.endswith((".c", ".m")) else args.clang
        _, syntax_seconds = run([compiler, "-fsyntax-only"] + flags + [path])
    for key, took in (("oracle", oracle_seconds), ("noalloc", seconds),
                      ("clang -Wfunction-effects", clang_seconds),
                      ("clang -fsyntax-only", syntax_seconds)):
        times[key + " wall"] += took.wall
        times[key + " cpu"] += took.cpu
    times["clang compiles"] += sum(1 for v in clang.values() if v is not None)
    for usr, entry in sorted(truth.items(), key=lambda kv: kv[1]["name"]):
        verdict = verdicts.get(usr, "(not in the report)")
        where = "%s: %s (oracle: %s; noalloc: %s)" % (
            os.path.basename(path), entry["name"],
            "allocates" if entry["allocates"] else "no allocation", verdict)
        said = {"verdict-" + m: verdict in MAY_ALLOCATE[m] for m in MAY_ALLOCATE}
        said.update({"warned-" + m: usr in warned[m] for m in warned})
        if clang[usr] is None:
            times["clang: functions that cannot be marked"] += 1
        else:
            said["clang"] = clang[usr]
        for key, value in said.items():
            scores[key].add(entry["allocates"], value, where)
        functions.append(dict(entry, file=os.path.relpath(path, ROOT),
                              usr=usr, verdict=verdict, said=said))


def fmt(value):
    return "-" if value is None else "%.3f" % value


def print_table(results):
    print("%-44s %4s %4s %4s %4s %7s %9s" % ("tool", "TP", "FP", "FN", "TN",
                                             "recall", "precision"))
    for title, key in TOOLS:
        n = results["scores"][key]
        print("%-44s %4d %4d %4d %4d %7s %9s" % (title, n["tp"], n["fp"], n["fn"],
                                                 n["tn"], fmt(n["recall"]),
                                                 fmt(n["precision"])))
    t = results["times"]
    print("\ninputs %d, labelled functions %d (%d allocate), labels skipped %d:"
          % (results["inputs"], len(results["functions"]),
             sum(1 for f in results["functions"] if f["allocates"]),
             sum(results["skipped"].values())))
    for why, count in sorted(results["skipped"].items()):
        print("  %3d %s" % (count, why))
    print("clang: %d labelled functions cannot be marked (no place for the "
          "attribute, or the marked copy does not compile)"
          % t["clang: functions that cannot be marked"])
    print("\n%-44s %9s %9s" % ("time (s)", "wall", "CPU"))
    for key, what in (("noalloc", "noalloc, %d runs (every check, no cache)"
                       % results["inputs"]),
                      ("clang -Wfunction-effects", "clang -Wfunction-effects, %d compiles"
                       % t["clang compiles"]),
                      ("clang -fsyntax-only", "clang -fsyntax-only, %d runs (for scale)"
                       % results["inputs"]),
                      ("oracle", "the oracle, %d runs" % results["inputs"])):
        print("%-44s %9.2f %9.2f" % (what, t[key + " wall"], t[key + " cpu"]))
    disagree = [f for f in results["functions"]
                if f["said"]["verdict-report"] != f["said"]["warned-report"]]
    if disagree:
        print("\nnoalloc's verdict and warnings disagree (failure paths reported):")
        for f in disagree:
            print("  %s: %s (verdict %s, %s)" % (
                os.path.basename(f["file"]), f["name"], f["verdict"],
                "warned" if f["said"]["warned-report"] else "not warned"))
    for title, key in TOOLS:
        n = results["scores"][key]
        for kind, items in (("misses", n["misses"]),
                            ("false alarms", n["false_alarms"])):
            if items:
                print("\n%s, %s:" % (title, kind))
                for item in items:
                    print("  " + item)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--noalloc", default=os.path.join(ROOT, "build", "tool", "noalloc"))
    parser.add_argument("--clang", default=os.path.join(LLVM, "bin", "clang++"))
    parser.add_argument("--clang-c", default=os.path.join(LLVM, "bin", "clang"))
    parser.add_argument("--json", help="write the numbers and lists here")
    parser.add_argument("--work", help="scratch directory (default: a temporary one)")
    parser.add_argument("inputs", nargs="*")
    args = parser.parse_args()
    inputs = args.inputs or sorted(
        path for ext in ("c", "cpp", "m")
        for path in glob.glob(os.path.join(ROOT, "test", "semantics", "*." + ext)))
    for path in inputs:
        if not os.path.isfile(path):
            print("error: %s: no such file" % path, file=sys.stderr)
            return 2
    for tool in (args.noalloc, args.clang, args.clang_c):
        if not os.access(tool, os.X_OK):
            print("error: %s is not an executable" % tool, file=sys.stderr)
            return 2
    scores = {key: Score() for _, key in TOOLS}
    skipped = {k: 0 for k in ("not compiled with libstdc++",
                              "contradicted by the oracle",
                              "calls no functions of the file",
                              "calls several functions of the file",
                              "allocates, but more than the call")}
    times = {k + unit: 0.0 for k in ("oracle", "noalloc", "clang -Wfunction-effects",
                                     "clang -fsyntax-only") for unit in (" wall", " cpu")}
    times.update({"clang compiles": 0, "clang: functions that cannot be marked": 0})
    functions = []
    for path in inputs:
        try:
            measure(os.path.abspath(path), args, scores, skipped, times, functions)
        except SystemExit as error:
            print("%s: %s" % (path, error.code), file=sys.stderr)
            return 2
    results = {"inputs": len(inputs), "standard_library": "libstdc++",
               "scores": {key: scores[key].numbers() for _, key in TOOLS},
               "skipped": skipped, "times": times, "functions": functions}
    print_table(results)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
