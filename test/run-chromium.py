#!/usr/bin/env python3
"""Runs headless chromium for the HTML rendering tests, once more when it
hangs.

usage: run-chromium.py LIMIT CHROMIUM [ARG...]

Each attempt runs in a process group of its own and is killed whole (the
browser, its renderer and GPU processes) after LIMIT seconds. A browser
that rendered the page in 2 to 3 s on a machine at load 9 hung past 120 s
once at load 14: an attempt that is killed, or dies of a signal, is tried
again, three attempts in all. Standard output (--dump-dom) is that of the
attempt that finished, never a killed one's partial page; standard error
is every attempt's, with a line for each one given up. The exit status is
the last attempt's (124 when it was killed, as timeout(1) says).
"""
import os
import signal
import subprocess
import sys

ATTEMPTS = 3


def attempt(argv, limit):
    """(status, stdout bytes) of one run; status 124 when it was killed."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=limit)
        return proc.returncode, out
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return 124, b""
    finally:
        # What the browser left running (a zygote, a crashpad handler).
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: run-chromium.py LIMIT CHROMIUM [ARG...]\n")
        return 2
    limit, argv = float(sys.argv[1]), sys.argv[2:]
    for number in range(1, ATTEMPTS + 1):
        status, out = attempt(argv, limit)
        if status != 124 and status >= 0:
            break
        sys.stderr.write("run-chromium: attempt %d of %d %s; %s\n" % (
            number, ATTEMPTS,
            "killed after %g s" % limit if status == 124 else
            "died of signal %d" % -status,
            "trying again" if number < ATTEMPTS else "giving up"))
    sys.stdout.buffer.write(out)
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
