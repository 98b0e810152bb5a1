#!/bin/sh
# Runs the libc and libstdc++ witnesses under the oracle and joins them with
# noalloc-libscan's verdicts for this system's libraries.
# Usage: sh agreement.sh [build-dir] > libscan-agreement.txt
set -e
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
out=${TMPDIR:-/tmp}/noalloc-agreement
mkdir -p "$out"
oracle="$here/../../test/oracle/oracle.py"
python3 "$oracle" "$here/libscan-sample.c" -- -lm > "$out/c.txt"
python3 "$oracle" --stdlib=libstdc++ "$here/libscan-sample.cpp" -- -std=c++17 > "$out/cxx.txt"
echo "# $(ldd --version | head -n1); libstdc++ $(readlink -f /usr/lib/x86_64-linux-gnu/libstdc++.so.6 | sed 's/.*so\.//'); $(uname -srm)"
python3 "$here/agreement.py" "$build/tool/libscan/noalloc-libscan" "$out/c.txt" "$out/cxx.txt"
