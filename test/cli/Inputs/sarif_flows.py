"""Reads the code flows of a SARIF report, whose steps are references
(threadFlowLocation.index) into run.threadFlowLocations.

  sarif_flows.py steps FILE   each result with a code flow: its message,
                              then its steps, resolved, one line per result
  sarif_flows.py shared FILE  how the steps are stored: every step a
                              reference to a location that exists, and
                              each location stored once
"""
import json
import sys

mode, path = sys.argv[1:]
run = json.load(open(path, encoding="utf-8"))["runs"][0]
table = run.get("threadFlowLocations", [])


def steps(result):
    for flow in result.get("codeFlows", []):
        for thread in flow["threadFlows"]:
            for step in thread["locations"]:
                yield step


if mode == "steps":
    for r in run["results"]:
        if "codeFlows" in r:
            print(r["message"]["text"], "|", " > ".join(
                table[s["index"]]["location"]["message"]["text"] for s in steps(r)))
elif mode == "places":
    for t in sorted(table, key=lambda t: (
            t["location"]["physicalLocation"]["region"]["startLine"],
            t["location"]["physicalLocation"]["region"]["startColumn"],
            t["importance"])):
        region = t["location"]["physicalLocation"]["region"]
        print("%d:%d %s %s" % (region["startLine"], region["startColumn"],
                               t["importance"], t["location"]["message"]["text"]))
else:
    refs = [s for r in run["results"] for s in steps(r)]
    print("steps %d, stored locations %d" % (len(refs), len(table)))
    print("every step a reference: %s" % all(list(s) == ["index"] for s in refs))
    print("references that exist: %s" % all(0 <= s["index"] < len(table) for s in refs))
    keys = [json.dumps(t, sort_keys=True) for t in table]
    print("each location stored once: %s" % (len(set(keys)) == len(keys)))
    print("every location referenced: %s" % (set(range(len(table))) == {s["index"] for s in refs}))
