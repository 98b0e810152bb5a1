#!/usr/bin/python3
"""Plots `scale.py generated --json FILE` results: the link step's time and
the peak memory of a warm run and of `noalloc link` over the facts files
against the number of translation units.

  /usr/bin/python3 bench/plot.py generated.json docs/scale-link.png

Needs Debian's python3-matplotlib (bench/install-bench-deps); without it,
prints the table instead.
"""
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    rows = sorted(json.load(open(sys.argv[1])), key=lambda r: r["units"])
    print("| units | link s | warm run s | warm peak MiB | link run s, peak MiB"
          " | functions listed, stored | facts B/unit | findings |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        linked = ("%.2f, %.0f" % (r["link_run_s"], r["link_run_rss_mb"])
                  if "link_run_s" in r else "")
        print("| %d | %s | %.2f | %.0f | %s | %s, %s | %s | %s |" % (
            r["units"], r["link_s"], r["warm_s"], r["warm_rss_mb"], linked,
            r.get("functions_listed"), r.get("functions_stored"),
            r["facts_bytes_per_unit"], r["findings"]))
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is missing: no plot (bench/install-bench-deps)")
        return
    units = [r["units"] for r in rows]
    fig, left = plt.subplots(figsize=(7, 4))
    left.plot(units, [r["link_s"] for r in rows], "o-", color="tab:blue",
              label="link and report (s)")
    left.set_xscale("log")
    left.set_yscale("log")
    left.set_xlabel("translation units (generated program)")
    left.set_ylabel("link and report, seconds", color="tab:blue")
    right = left.twinx()
    right.plot(units, [r["warm_rss_mb"] for r in rows], "s--", color="tab:red",
               label="peak RSS of a warm run (MiB)")
    if all("link_run_rss_mb" in r for r in rows):
        right.plot(units, [r["link_run_rss_mb"] for r in rows], "^:",
                   color="tab:purple", label="peak RSS of noalloc link (MiB)")
        right.legend(loc="upper left")
    right.set_ylabel("peak RSS, MiB", color="tab:red")
    left.set_title("noalloc link step against program size")
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=100)
    print("wrote " + sys.argv[2])


if __name__ == "__main__":
    main()
