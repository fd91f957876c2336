#!/usr/bin/env python3
"""Where issue 11's three goals stand over many bench/run runs: reads results.json files (the
recorded ones in docs/bench-throughput-*.json, or a run's own bench/results/*/results.json) and
prints, for the ratio to the combined ceiling, the open-model p99 at half the saturated rate and
the time from a cold start to 90% of peak, the median, the quartiles, the range and the runs that
met the goal. The README's "Where it stands" table comes from it. Standard library only.

Usage: bench/standing.py [FILE...]     default: docs/bench-throughput-2026-12-0[5-8]*.json
"""
import glob
import json
import os
import statistics
import sys

RATIO_GOAL = 0.5
P99_GOAL_MS = 50.0


def half_rate_p99(run):
    """The open-model p99 at half the saturated rate, or None when the run has no such step."""
    for step in run.get("open_model") or []:
        if abs(step.get("fraction", 0) - 0.5) < 0.01:
            return step.get("p99_ms")
    return None


def row(name, values, unit="", digits=3):
    if not values:
        return f"{name}: no runs"
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    fmt = f"{{:.{digits}f}}{unit}"
    return (
        f"{name}: median {fmt.format(statistics.median(values))}, quartiles "
        f"{fmt.format(q[0])}–{fmt.format(q[2])}, range {fmt.format(min(values))}–"
        f"{fmt.format(max(values))}"
    )


def main(paths):
    runs = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                run = json.load(f)
        except (OSError, ValueError) as e:
            sys.exit(f"bench/standing.py: cannot read {path}: {e}")
        gateway = run.get("gateway") or {}
        if gateway.get("ratio_to_C") is None:
            print(f"{path}: no gateway ratio, left out", file=sys.stderr)
            continue
        runs.append((os.path.basename(path), run))
    if not runs:
        sys.exit("bench/standing.py: no runs with a ratio among the files given")
    ratios = [r["gateway"]["ratio_to_C"] for _, r in runs]
    p99s = [(n, p) for n, r in runs if (p := half_rate_p99(r)) is not None]
    peaks = [
        r["cold_start"]["to_90_percent_of_peak_s"]
        for _, r in runs
        if (r.get("cold_start") or {}).get("to_90_percent_of_peak_s") is not None
    ]
    non_2xx = sum(r["gateway"].get("non_2xx", 0) for _, r in runs)
    print(f"{len(runs)} runs")
    print(row("ratio to C (goal >= 0.5)", ratios))
    met = [n for n, r in runs if r["gateway"]["ratio_to_C"] >= RATIO_GOAL]
    print(f"  runs at or above the goal: {len(met)} {' '.join(met)}")
    print(f"  non-2xx over all runs: {non_2xx}")
    print(row("open-model p99 at half rate (goal <= 50 ms)", [p for _, p in p99s], " ms", 1))
    met = [f"{n} ({p:.1f} ms)" for n, p in p99s if p <= P99_GOAL_MS]
    print(f"  runs within the goal: {len(met)} {' '.join(met)}")
    print(row("cold start to 90% of peak", peaks, " s", 1))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    files = sys.argv[1:] or sorted(
        glob.glob(os.path.join(root, "docs", "bench-throughput-2026-12-0[5-8]*.json"))
    )
    main(files)
