#!/usr/bin/env python3
"""Drives Debian's real pre-commit against a throw-away git repository that
uses noalloc's hook through `repo: <path of this checkout>`.

usage: precommit.py NOALLOC_SOURCE NOALLOC_BINARY WORK_DIR [options]
Prints what a user would see for each commit attempt, and "commit: ok" or
"commit: rejected", for FileCheck. With "options", the hook's `args` give
options as YAML lists usually do, an option and its value as two items
(`[--knowledge, kb/rtos.yaml, -p=out]`), and the commits use them.
"""
import json
import os
import shutil
import subprocess
import sys

source, binary, work = sys.argv[1:4]
options = sys.argv[4:] == ["options"]
shutil.rmtree(work, ignore_errors=True)
repo = os.path.join(work, "firmware")
os.makedirs(repo)
env = dict(os.environ, NOALLOC=binary, PRE_COMMIT_HOME=os.path.join(work, "cache"),
           GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
           GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com",
           HOME=work)


def git(*args, check=True):
    return subprocess.run(["git", "-C", repo] + list(args), env=env, check=check,
                          capture_output=True, text=True)


# The hook is taken from this checkout at its current commit.
rev = subprocess.run(["git", "-C", source, "rev-parse", "HEAD"], check=True,
                     capture_output=True, text=True).stdout.strip()
git("init", "-q", "-b", "main")
units = ("control.cpp", "telemetry.cpp", "rtos.cpp")
args = ""
database = repo
if options:
    # Not where the hook looks by itself: only -p=out finds it.
    database = os.path.join(repo, "out")
    os.makedirs(database)
    os.makedirs(os.path.join(repo, "kb"))
    with open(os.path.join(repo, "kb", "rtos.yaml"), "w") as f:
        f.write("functions:\n  - name: pvPortMalloc\n    effect: allocates\n")
    args = "    args: [--knowledge, kb/rtos.yaml, --checks, '-*,noalloc-c-allocation', -p=out]\n"
with open(os.path.join(repo, ".pre-commit-config.yaml"), "w") as f:
    f.write("repos:\n- repo: %s\n  rev: %s\n  hooks:\n  - id: noalloc\n%s"
            % (source, rev, args))
with open(os.path.join(database, "compile_commands.json"), "w") as f:
    json.dump([{"directory": repo, "file": os.path.join(repo, name),
                "arguments": ["clang++", "-std=c++17", "-c", name]}
               for name in units], f)


def attempt(name, text):
    with open(os.path.join(repo, name), "w") as f:
        f.write(text)
    git("add", "-A")
    result = subprocess.run(["pre-commit", "run"], cwd=repo, env=env,
                            capture_output=True, text=True)
    print(result.stdout + result.stderr)
    if result.returncode == 0:
        git("commit", "-q", "-m", name)
        print("commit: ok")
    else:
        # Before the first commit there is no HEAD to reset to.
        git("reset", "-q", "HEAD", name, check=False)
        print("commit: rejected")


attempt("control.cpp", "int clamp(int v) { return v < 0 ? 0 : v; }\n")
if options:
    attempt("rtos.cpp", "void *pvPortMalloc(unsigned n);\n"
            "void *frame() { return pvPortMalloc(64); }\n")
else:
    attempt("telemetry.cpp",
            "#include <cstdlib>\nvoid *frame() { return std::malloc(64); }\n")
