#!/bin/sh
# What noalloc-libscan --system --check says of this system's libc, libm,
# libstdc++ and libgcc_s against the built-in knowledge base: the entries
# their machine code contradicts, one per line, then the count.
# test/libscan/contradictions.test fails when libscan-contradictions.txt
# no longer says what the current build says (a knowledge entry added,
# changed or removed, a change of noalloc-libscan).
# Usage: sh contradictions.sh [noalloc-libscan] > libscan-contradictions.txt
set -e
here=$(cd "$(dirname "$0")" && pwd)
libscan=${1:-$here/../../build/tool/libscan/noalloc-libscan}
out=$(mktemp -d "${TMPDIR:-/tmp}/noalloc-contradictions.XXXXXX")
trap 'rm -rf "$out"' EXIT
. /etc/os-release
echo "# noalloc-libscan --system --check (glibc $(getconf GNU_LIBC_VERSION | cut -d' ' -f2), libstdc++ $(readlink -f /usr/lib/x86_64-linux-gnu/libstdc++.so.6 | sed 's/.*so\.//'), ${NAME%% *} $VERSION_ID, $(uname -m))"
# Exit status 1: there are contradictions.
status=0
"$libscan" --system --check > "$out/contradictions" 2> "$out/summary" || status=$?
if [ "$status" -gt 1 ]; then
  cat "$out/summary" >&2
  exit "$status"
fi
cat "$out/contradictions" "$out/summary"
