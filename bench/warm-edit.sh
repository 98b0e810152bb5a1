#!/bin/bash
# bench/warm-edit.sh A B DB FILE [REPS]: CPU (perf stat task-clock) of two
# noalloc binaries over every unit of the compilation database in DB, run one
# after the other each time (so the machine's load falls on both):
#   cold      a run that fills an empty cache directory (one each)
#   warm      nothing changed, the whole output not replayed (--export-fixes)
#   edited    FILE edited before each pair (a trailing comment added, then
#             removed): that unit is parsed again, the others read
# Prints the median of each, and whether both binaries printed the same bytes.
# FILE is edited in place and restored at the end.
set -u
a=$1; b=$2; db=$3; file=$4; reps=${5:-10}
work=$(mktemp -d /tmp/warm-edit.XXXX)
trap 'cp "$work/orig" "$file" 2>/dev/null; rm -rf "$work"' EXIT
cp "$file" "$work/orig"
run() { # run X MODE ARGS...: one run of binary X with its own cache
  local x=$1 mode=$2; shift 2
  local bin=$a; [ "$x" = b ] && bin=$b
  perf stat -x, -e task-clock "$bin" -j1 --cache-dir "$work/cache-$x" --quiet \
    -p "$db" "$@" 2>&1 >"$work/$mode-$x.out" |
    awk -F, -v x="$x" -v m="$mode" '/task-clock/{print m, x, $1}'
}
{
  run a cold; run b cold
  for i in $(seq "$reps"); do
    run a warm --export-fixes="$work/fixes.yaml"
    run b warm --export-fixes="$work/fixes.yaml"
  done
  for i in $(seq "$reps"); do
    if [ $((i % 2)) = 1 ]; then echo '/* edit */' >> "$file"; else cp "$work/orig" "$file"; fi
    run a edited; run b edited
  done
} | python3 -c '
import sys, statistics
runs = {}
for line in sys.stdin:
    mode, x, ms = line.split()
    runs.setdefault((mode, x), []).append(float(ms))
for x in "ab":
    cold = statistics.median(runs["cold", x])
    print("%s: cold %.0f ms" % (x, cold), end="")
    for mode in ("warm", "edited"):
        m = statistics.median(runs[mode, x])
        print(", %s %.1f ms (%.1f%%)" % (mode, m, 100 * m / cold), end="")
    print()
'
for mode in cold warm edited; do
  cmp -s "$work/$mode-a.out" "$work/$mode-b.out" && echo "$mode: the same output" ||
    echo "$mode: the outputs differ"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
