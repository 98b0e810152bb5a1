#!/bin/sh
# Build the counting shim and the probe, run the probe under the shim.
# Usage: sh run.sh [> results.txt]   (allocs = malloc+calloc+realloc+memalign family)
set -e
cd "$(dirname "$0")"
out=${TMPDIR:-/tmp}/noalloc-measure
mkdir -p "$out"
cc -O2 -shared -fPIC -o "$out/count_malloc.so" count_malloc.c
cc -O0 -w -pthread -o "$out/probe" probe.c
echo "# $(ldd --version | head -n1); $(uname -srm)"
LD_PRELOAD="$out/count_malloc.so" "$out/probe" | cat
