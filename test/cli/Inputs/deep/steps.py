"""Prints the chain of one finding as a report shows it, one step per line
in run order, the same way for every format, so that one set of checks
holds for all of them: the notes of the finding "call to 'NAME' ..." (text,
json, sarif, html: the finding's own message is not printed), the path
--explain prints for the function NAME (explain), or the chain of the
function NAME in the JSON report (function).

  steps.py FORMAT FILE NAME
"""
import html
import json
import re
import sys

fmt, path, name = sys.argv[1:]
text = open(path, encoding="utf-8").read()
finding = "call to '%s' " % name
if fmt == "text":
    steps, inside = [], False
    for line in text.splitlines():
        m = re.match(r"\S+:\d+:\d+: (warning|note): (.*)", line)
        if not m:
            continue
        if m.group(1) == "warning":
            if inside:
                break
            inside = m.group(2).startswith(finding)
        elif inside:
            steps.append(m.group(2))
elif fmt == "json":
    f = next(f for f in json.loads(text)["findings"] if f["message"].startswith(finding))
    steps = [n["message"] for n in f["notes"]]
elif fmt == "function":
    f = next(f for f in json.loads(text)["functions"] if f["name"] == name)
    steps = [step["message"] for step in f["chain"]]
elif fmt == "sarif":
    r = next(r for r in json.loads(text)["runs"][0]["results"]
             if r["message"]["text"].startswith(finding))
    # Each step is a reference into the run's threadFlowLocations.
    table = json.loads(text)["runs"][0]["threadFlowLocations"]
    flow = [table[s["index"]] for s in r["codeFlows"][0]["threadFlows"][0]["locations"]]
    steps = [s["location"]["message"]["text"] for s in flow if s["importance"] != "essential"]
elif fmt == "html":
    article = next(a for a in text.split("<article")[1:]
                   if 'class="message">' + finding.replace("'", "&apos;") in a)
    steps = [html.unescape(m.group(1) or m.group(2)) for m in re.finditer(
        r'<li value="\d+"><span class="loc">[^<]*</span> <span class="msg">([^<]*)</span>'
        r'|<li class="gap">([^<]*)</li>', article)]
else:
    block = text.split("'%s' may use the heap by" % name)[1].split("\n'")[0]
    steps = [m.group(1) for m in re.finditer(r"\n    \S+:\d+:\d+: (.*)", block)]
print("\n".join(steps))
