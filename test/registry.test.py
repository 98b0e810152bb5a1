"""Checks docs/checks/, test/checks/ and README.md against --list-checks."""
import os
import re
import sys

root = sys.argv[1]
checks = [l.strip() for l in sys.stdin if l.strip().startswith("noalloc-")]
defs = open(os.path.join(root, "checks", "Checks.def")).read()
registered = re.findall(r'^NOALLOC_CHECK\("([^"]+)"', defs, re.M)
problems = []
if sorted(checks) != sorted(registered):
    problems.append("module registers %s, Checks.def names %s" % (checks, registered))
readme = open(os.path.join(root, "README.md")).read()
for name in registered:
    doc = os.path.join(root, "docs", "checks", name + ".md")
    if not os.path.isfile(doc):
        problems.append("no documentation page " + doc)
    tests = os.path.join(root, "test", "checks", name[len("noalloc-"):])
    if not os.path.isdir(tests):
        problems.append("no test directory " + tests)
    if "[%s](docs/checks/%s.md)" % (name, name) not in readme:
        problems.append("README.md has no row for " + name)
for page in os.listdir(os.path.join(root, "docs", "checks")):
    if page[:-3] not in registered:
        problems.append("docs/checks/%s documents no registered check" % page)
if not registered:
    problems.append("Checks.def names no check")
for p in problems:
    print("error: " + p)
sys.exit(1 if problems else 0)
