#!/usr/bin/env python3
"""Renders bench/out/results.jsonl as the Markdown tables recorded in docs/benchmarks.md."""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
timings = {}
comparisons = {}
for row in rows:
    if "tool" in row:
        timings.setdefault(row["input"], {})[row["tool"]] = row
    else:
        comparisons[row["input"]] = row

tools = ["assay", "cdxgen", "trivy-cdxgen"]
print("| input | " + " | ".join(f"{t} s (MB)" for t in tools) + " | speed-up vs cdxgen | packages assay / " +
      " / ".join(tools[1:]) + " | best peer's packages Assay misses | any peer's packages Assay misses |")
print("|---|" + "---|" * (len(tools) + 4))
for name in sorted(timings):
    cells = []
    for tool in tools:
        t = timings[name].get(tool)
        if t is None:
            cells.append("–")
        else:
            flag = "" if t["exit"] == 0 else f" exit {t['exit']}"
            cells.append(f"{t['seconds']:.2f} ({t['max_rss_mb']}){flag}")
    speedup = "–"
    if "assay" in timings[name] and "cdxgen" in timings[name] and timings[name]["assay"]["seconds"] > 0:
        speedup = f"{timings[name]['cdxgen']['seconds'] / timings[name]['assay']['seconds']:.1f}x"
    comparison = comparisons.get(name, {})
    counts = [str(comparison.get("assay", "–"))] + [str(comparison.get("peers", {}).get(t, "–")) for t in tools[1:]]
    def listing(missed):
        if missed is None:
            return "–"
        return str(len(missed)) + (": " + ", ".join(missed[:4]) + (" …" if len(missed) > 4 else "") if missed else "")
    best = listing(comparison.get("missed_vs_best_peer"))
    anyp = listing(comparison.get("missed_vs_any_peer"))
    print(f"| {name} | " + " | ".join(cells) + f" | {speedup} | {' / '.join(counts)} | {best} | {anyp} |")
