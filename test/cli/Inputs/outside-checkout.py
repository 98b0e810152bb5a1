#!/usr/bin/env python3
"""Runs a command in a copy of a directory made outside any git checkout
(in the temporary directory, at a new path each time), as a build machine
or a Bazel execution root has it.

usage: outside-checkout.py SOURCE_DIR COMMAND [ARG...]
The exit status is the command's; the copy is removed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

source = sys.argv[1]
with tempfile.TemporaryDirectory(prefix="noalloc-outside-") as parent:
    probe = parent
    while os.path.dirname(probe) != probe:
        if os.path.exists(os.path.join(probe, ".git")):
            sys.exit("outside-checkout.py: %s is in the git checkout %s" % (parent, probe))
        probe = os.path.dirname(probe)
    work = os.path.join(parent, "execroot")
    shutil.copytree(source, work)
    sys.exit(subprocess.run(sys.argv[2:], cwd=work).returncode)
