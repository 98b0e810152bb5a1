#!/usr/bin/env python3
"""Damages every noalloc result (cache entry or launcher result) under DIR:
its first line, the JSON (the facts after it are left as they are).

usage: damage.py DIR deep | level=N | offset=N | compiled=VALUE
deep: 200,000 nested '['; level/offset: every diagnostic's level or offset;
compiled: the "compiled" field as the JSON VALUE given.
"""
import json
import os
import sys

directory, mode = sys.argv[1], sys.argv[2]
damaged = 0
for root, _, files in os.walk(directory):
    for name in files:
        if not (name.endswith(".json") or name.endswith(".noalloc")):
            continue
        path = os.path.join(root, name)
        if mode == "deep":
            text = b"[" * 200000
        else:
            key, value = mode.split("=", 1)
            # A line of JSON, then the facts in binary, kept as they are.
            line, facts = open(path, "rb").read().split(b"\n", 1)
            entry = json.loads(line)
            if key == "compiled":
                entry["compiled"] = json.loads(value)
            for diagnostic in entry["diagnostics"]:
                if key == "level":
                    diagnostic["level"] = int(value)
                elif key == "offset":
                    diagnostic["message"]["offset"] = int(value)
            text = json.dumps(entry, separators=(",", ":")).encode() + b"\n" + facts
        with open(path, "wb") as f:
            f.write(text)
        damaged += 1
if damaged == 0:
    sys.exit("damage.py: no result under " + directory)
