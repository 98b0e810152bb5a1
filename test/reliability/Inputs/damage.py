#!/usr/bin/env python3
"""Damages every noalloc result under DIR: a launcher result's first line,
the JSON (the facts after it are left as they are), or a cache entry's
fields before its facts (the compact form: ULEB128 numbers, strings with
their length first; the files read and their hashes, the paths not found,
then the diagnostics).

usage: damage.py DIR deep | level=N | offset=N | compiled=VALUE
deep: 200,000 nested '['; level/offset: every diagnostic's level or offset
(a negative N, in a cache entry, as the unsigned 64-bit number it wraps to);
compiled: the "compiled" field as the JSON VALUE given (null: in a cache
entry, the flag 2).
"""
import json
import os
import sys


def uleb(n):
    n %= 1 << 64
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


class Reader:
    def __init__(self, data):
        self.data, self.at = data, 0

    def number(self):
        value = shift = 0
        while True:
            byte = self.data[self.at]
            self.at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    def text(self):
        size = self.number()
        self.at += size
        return self.data[self.at - size:self.at]


def prefixed(b):
    return uleb(len(b)) + b


def damage_entry(data, key, value):
    r = Reader(data)
    out = prefixed(r.text()) + uleb(r.number()) + prefixed(r.text())
    compiled = r.number()
    out += uleb(2 if key == "compiled" and value == "null" else
                int(json.loads(value)) if key == "compiled" else compiled)
    dependencies = r.number()
    out += uleb(dependencies)
    for _ in range(dependencies):
        out += prefixed(r.text()) + uleb(r.number())
    absent = r.number()
    out += uleb(absent)
    for _ in range(absent):
        out += prefixed(r.text())

    def message():
        m = prefixed(r.text()) + prefixed(r.text())
        offset = r.number()
        m += uleb(int(value) if key == "offset" else offset)
        fixes = r.number()
        m += uleb(fixes)
        for _ in range(fixes):
            m += prefixed(r.text()) + uleb(r.number()) + uleb(r.number())
            m += prefixed(r.text())
        return m

    diagnostics = r.number()
    out += uleb(diagnostics)
    for _ in range(diagnostics):
        out += prefixed(r.text())
        level = r.number()
        out += uleb(int(value) if key == "level" else level)
        out += prefixed(r.text()) + message()
        notes = r.number()
        out += uleb(notes)
        for _ in range(notes):
            out += message()
    return out + data[r.at:]

directory, mode = sys.argv[1], sys.argv[2]
damaged = 0
for root, _, files in os.walk(directory):
    for name in files:
        if not (name.endswith(".entry") or name.endswith(".noalloc")):
            continue
        path = os.path.join(root, name)
        if mode == "deep":
            text = b"[" * 200000
        elif name.endswith(".entry"):
            key, value = mode.split("=", 1)
            text = damage_entry(open(path, "rb").read(), key, value)
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
