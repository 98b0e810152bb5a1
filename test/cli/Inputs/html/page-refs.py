"""Lists what an HTML page would fetch or link to outside itself: scripts,
src and href attributes that are not "#anchors", CSS url() and @import, and
any other http:// or https:// text; links that start with the --allow
prefix (the documentation URL) are not counted. Ends with the count:
`page-refs.py page.html [--allow PREFIX]`."""
import re
import sys

page = open(sys.argv[1], encoding="utf-8").read()
allow = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--allow" else None
found = []
for match in re.finditer(r"""<script\b|\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", page):
    target = match.group(1)
    if target is not None and (target.startswith("#") or
                               (allow and target.startswith(allow))):
        continue
    found.append(match.group(0))
found += re.findall(r"url\(|@import", page)
# URLs in text or attributes, but the allowed links.
rest = re.sub(r"""href=["']%s[^"']*["']""" % re.escape(allow), "", page) if allow else page
found += re.findall(r"https?://[^\s\"'<>]*", rest)
for f in found:
    print("external: %s" % f)
print("external references: %d" % len(found))
