#!/usr/bin/env python3
"""Runs a command and fails unless it exits with the expected status.

usage: expect-exit.py STATUS COMMAND [ARG...]
Standard output and error pass through, so the result can go to FileCheck.
"""
import subprocess
import sys

expected = int(sys.argv[1])
result = subprocess.run(sys.argv[2:])
if result.returncode != expected:
    sys.stderr.write("expect-exit: '%s' exited with %d, expected %d\n"
                     % (" ".join(sys.argv[2:]), result.returncode, expected))
    sys.exit(1)
