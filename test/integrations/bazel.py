#!/usr/bin/env python3
"""Runs Debian's Bazel (bazel-bootstrap) offline on a test workspace, with
noalloc's rules as @noalloc and our stand-ins for @rules_cc and @rules_java,
which Bazel would otherwise download.

usage: bazel.py NOALLOC_REPOSITORY WORKSPACE COMMAND [ARG...]
Bazel's output, without the sandbox's debugging lines, goes to standard
output; the exit status is Bazel's.

Bazel's output root is in the temporary directory (lit gives each run its
own and removes it), outside any git checkout: facts name files relative to
the nearest .git above a unit, and Bazel's execution root lies in the
output root. The server started here stops at `shutdown`, or by itself
after a minute without a command.
"""
import os
import subprocess
import sys
import tempfile

rules, workspace, command = sys.argv[1], sys.argv[2], sys.argv[3]
inputs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Inputs", "bazel")
root = os.path.join(tempfile.gettempdir(), "noalloc-bazel-%d" % os.getuid())
probe = root
while os.path.dirname(probe) != probe:
    if os.path.exists(os.path.join(probe, ".git")):
        sys.exit("bazel.py: %s is in the git checkout %s: set TMPDIR elsewhere" % (root, probe))
    probe = os.path.dirname(probe)
startup = ["--output_user_root=" + root, "--max_idle_secs=60"]
options = []
if command == "build":
    options = ["--override_repository=rules_cc=" + os.path.join(inputs, "rules_cc"),
               "--override_repository=rules_java=" + os.path.join(inputs, "rules_java"),
               "--override_repository=noalloc=" + rules,
               "--color=no", "--curses=no", "--noshow_progress"]
result = subprocess.run(["bazel"] + startup + [command] + options + sys.argv[4:],
                        cwd=workspace, stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT, text=True)
for line in result.stdout.splitlines():
    if "src/main/tools/linux-sandbox" not in line:
        print(line)
sys.exit(result.returncode)
