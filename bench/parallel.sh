#!/bin/bash
# bench/parallel.sh DB NOALLOC: the same units, -fsyntax-only one at a time and two at a time
# (xargs -P2), then noalloc -j1 and -j2: how much of 2x the machine gives clang itself.
db=$1; nl=$2
python3 - "$db" > /tmp/j2-cmds.txt <<'PY'
import json, shlex, sys
for e in json.load(open(sys.argv[1] + "/compile_commands.json")):
    args = e.get("arguments") or shlex.split(e["command"])
    out = []
    skip = False
    for a in args[1:]:
        if skip: skip = False; continue
        if a == "-o": skip = True; continue
        if a == "-c": continue
        out.append(a)
    print("cd %s && clang++-22 -fsyntax-only %s" % (shlex.quote(e["directory"]), " ".join(map(shlex.quote, out))))
PY
n=$(wc -l < /tmp/j2-cmds.txt)
for p in 1 2; do
  l0=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "fsyntax -P$p: wall %e s CPU %U+%S s" bash -c "tr '\n' '\0' < /tmp/j2-cmds.txt | xargs -0 -P$p -I{} bash -c '{}' >/dev/null 2>&1"
  echo "  ($n units, load $l0 -> $(cut -d' ' -f1 /proc/loadavg))"
done
for j in 1 2; do
  l0=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "noalloc -j$j: wall %e s CPU %U+%S s peak %M KB" -o /tmp/j2-time.txt $nl -j$j --no-cache --quiet -p $db > /dev/null 2>&1
  cat /tmp/j2-time.txt
  echo "  (load $l0 -> $(cut -d' ' -f1 /proc/loadavg))"
done
