#!/usr/bin/env python3
"""The figures of one bench/run: reads its results directory, writes results.json, results.tsv and
plot.svg there, and prints the ratio table. Standard library only.

Usage: bench/summarise.py DIR
       bench/summarise.py --acks DIR/open-F   (the gateway's acks within 25 / 50 ms of one
                                               open-model run, as bench/run prints it)
"""
import glob
import json
import os
import re
import sys
from html import escape


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def wrk(out, name):
    """A wrk phase: its totals and 2xx per second."""
    path = os.path.join(out, f"wrk-{name}.json")
    if not os.path.exists(path):
        return None
    w = load(path)
    w["seconds"] = w["duration_us"] / 1e6
    w["rate"] = w["ok"] / w["seconds"]
    return w


def series(out, name):
    """{epoch second: [2xx, other]} summed over wrk's threads (each thread's last second is left out)."""
    per_second = {}
    for path in glob.glob(os.path.join(out, "series", f"{name}.*")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                sec, ok, other = (int(x) for x in line.split("\t"))
                cell = per_second.setdefault(sec, [0, 0])
                cell[0] += ok
                cell[1] += other
    return per_second


def tps(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^tps = ([0-9.]+)", f.read(), re.M)
    return float(m.group(1)) if m else None


def read_float(path):
    with open(path, encoding="utf-8") as f:
        return float(f.read().strip())


def open_runs(out):
    runs = []
    for d in sorted(glob.glob(os.path.join(out, "open-*"))):
        if not os.path.isdir(d):
            continue
        s = load(os.path.join(d, "summary.json"))
        runs.append(
            {
                "fraction": float(os.path.basename(d)[len("open-") :]),
                "intended_rate": s["intended_rate"],
                "achieved_rate": s["achieved_rate"],
                "p50_ms": s["latency_ms"]["p50"],
                "p99_ms": s["latency_ms"]["p99"],
                "max_ms": s["latency_ms"]["max"],
                "error_rate_percent": s["error_rate_percent"],
                "responses": s["responses"],
                "errors": s["errors"],
                "exit_status": s["exit_status"],
                "exit_reason": s["exit_reason"],
                "saturation": s["saturation"],
                "gateway_acks_within_ms": ack_shares(d),
            }
        )
    return runs


def histogram_buckets(path):
    """The cumulative bucket counts of a Prometheus scrape, by (metric, bound as text), summed over
    every label set but le; empty when the file is missing."""
    counts = {}
    if os.path.exists(path):
        for line in open(path):
            m = re.match(r'(\w+)\{.*le="([^"]+)".*\} (\S+)', line)
            if m:
                key = (m.group(1), m.group(2))
                counts[key] = counts.get(key, 0.0) + float(m.group(3))
    return counts


def histogram_share(before, after, metric, le):
    """The share (percent) of a histogram's observations between two scrapes that fell within
    {le}; None when none were made."""
    total = after.get((metric, "+Inf"), 0.0) - before.get((metric, "+Inf"), 0.0)
    if total <= 0:
        return None
    return 100 * (after.get((metric, le), 0.0) - before.get((metric, le), 0.0)) / total


def ack_shares(run_dir):
    """The share (percent) of the gateway's acks within 25 and 50 ms between the two scrapes that
    bench/run takes around an open-model run ({run_dir}.acks-before/-after); None without them."""
    before = histogram_buckets(run_dir + ".acks-before")
    after = histogram_buckets(run_dir + ".acks-after")
    if not before:
        return None
    shares = {
        ms: histogram_share(before, after, "intake_ack_seconds_bucket", le)
        for ms, le in (("25", "0.025"), ("50", "0.05"))
    }
    return None if None in shares.values() else {ms: round(v, 2) for ms, v in shares.items()}


def disk_flush(out):
    """bench/flushprobe.py's figures, taken before anything else ran; None when skipped."""
    path = os.path.join(out, "disk-flush.json")
    return load(path) if os.path.exists(path) else None


COLD_PHASES = ("gateway-cold", "gateway-warmup", "gateway")
# Above this share of the gateway JVM's CPU in its compiler threads, the measured part caught the
# JIT still at work: the figure is of a gateway warming up, not of a warm one.
JIT_WARM = 0.05
WINDOW = 3


def cold_start(out, peak):
    """Seconds from the gateway's process start to 90% of peak: the start of the first three
    consecutive seconds whose mean is at least 90% of the measured saturated rate, in the closed
    loop that runs from readiness through the warm-up and the measured part."""
    started = read_float(os.path.join(out, "gateway-started-at"))
    ready = read_float(os.path.join(out, "gateway-ready-at"))
    timeline = []
    for name in COLD_PHASES:
        for sec, (ok, other) in sorted(series(out, name).items()):
            timeline.append((sec - started, ok, other, name))
    t90 = next(
        (
            timeline[i][0]
            for i in range(len(timeline) - WINDOW + 1)
            if sum(ok for _, ok, _, _ in timeline[i : i + WINDOW]) >= 0.9 * peak * WINDOW
        ),
        None,
    )
    return {
        "ready_s": round(ready - started, 2),
        "to_90_percent_of_peak_s": None if t90 is None else round(t90, 1),
        "timeline": timeline,
    }


def share(cpu, field):
    """A part of the gateway JVM's CPU over all of it; None for runs that did not record the part."""
    if field not in cpu or cpu["gateway_cpu_s"] <= 0:
        return None
    return round(cpu[field] / cpu["gateway_cpu_s"], 3)


def settled(out, name):
    """Seconds --settle added to a warm-up (0 for runs without it)."""
    path = os.path.join(out, f"settle-{name}.json")
    return load(path)["settle_s"] if os.path.exists(path) else 0


def summarise(out):
    meta = load(os.path.join(out, "meta.json"))
    h = wrk(out, "noop")
    g = wrk(out, "gateway")
    s_tps = tps(os.path.join(out, "pgbench-batch.txt"))
    n_tps = tps(os.path.join(out, "pgbench-row.txt"))
    S = s_tps * 100
    N = n_tps
    H = h["rate"]
    G = g["rate"]
    C = 1 / (1 / H + 1 / S)
    cpu = load(os.path.join(out, "cpu-gateway.json"))
    answered = g["ok"] + g["non_2xx"]
    batch = load(os.path.join(out, "batch", "summary.json"))
    cold = cold_start(out, G)
    r = {
        "meta": meta,
        "H_http_ceiling_per_s": round(H),
        "H_non_2xx": h["non_2xx"],
        "H_warmup_s": meta["settings"]["cold_s"] + meta["settings"]["warmup_s"] + settled(out, "noop-warmup2"),
        "S_storage_ceiling_rows_per_s": round(S),
        "N_naive_bound_per_s": round(N),
        "C_combined_ceiling_per_s": round(C),
        "gateway": {
            "rate_2xx_per_s": round(G),
            "non_2xx": g["non_2xx"],
            "socket_errors": g["errors"],
            "latency_ms": {k: v / 1000 for k, v in g["latency_us"].items()},
            "measured_s": round(g["seconds"], 1),
            "warmup_s": meta["settings"]["cold_s"]
            + meta["settings"]["warmup_s"]
            + settled(out, "gateway-warmup"),
            "ratio_to_C": round(G / C, 3),
            "ratio_to_N": round(G / N, 2),
            "ratio_to_H": round(G / H, 3),
            "ratio_to_S": round(G / S, 3),
            "jvm_cpu_ms_per_request": round(1000 * cpu["gateway_cpu_s"] / answered, 3),
            "postgres_cpu_ms_per_request": round(1000 * cpu["postgres_cpu_s"] / answered, 3),
            "machine_busy_fraction": round(cpu["machine_busy_fraction"], 3),
            # Runs before this field was recorded have no JIT reading.
            "jit_share_of_jvm_cpu": share(cpu, "gateway_jit_cpu_s"),
            "gc_share_of_jvm_cpu": share(cpu, "gateway_gc_cpu_s"),
        },
        "noop_latency_ms": {k: v / 1000 for k, v in h["latency_us"].items()},
        "cold_start": {k: v for k, v in cold.items() if k != "timeline"},
        "open_model": open_runs(out),
        "batch": {
            "records_per_s": batch["achieved_rate"],
            "records": batch["sent"],
            "batch_p99_ms": batch["latency_ms"]["p99"],
            "responses": batch["responses"],
            "errors": batch["errors"],
            "exit_status": batch["exit_status"],
            "exit_reason": batch["exit_reason"],
        },
        "pgbench": {"batch_tps": s_tps, "row_tps": n_tps, "rows_per_batch": 100},
        "disk_flush_ms": disk_flush(out),
    }
    return r, cold["timeline"]


def table(r):
    g = r["gateway"]
    lines = [
        (
            f"H: no-op endpoint, same strict parse ({r['H_warmup_s']} s warm-up)",
            f"{r['H_http_ceiling_per_s']:,}/s",
        ),
        ("S: PostgreSQL, 100-row batches (pgbench)", f"{r['S_storage_ceiling_rows_per_s']:,} rows/s"),
        ("N: one transaction per row (pgbench)", f"{r['N_naive_bound_per_s']:,}/s"),
        ("C: combined ceiling 1/(1/H + 1/S)", f"{r['C_combined_ceiling_per_s']:,}/s"),
        (
            f"gateway at saturation ({r['meta']['settings']['connections']} conn., "
            f"{g['warmup_s']} s warm-up)",
            f"{g['rate_2xx_per_s']:,}/s, {g['non_2xx']} non-2xx, p99 {g['latency_ms']['p99']:.0f} ms",
        ),
        ("  ratio to C (goal ≥ 0.5)", f"{g['ratio_to_C']:.3f}"),
        ("  ratio to N", f"{g['ratio_to_N']:.2f}"),
        (
            "  CPU per request: gateway JVM / PostgreSQL",
            f"{g['jvm_cpu_ms_per_request']:.3f} / {g['postgres_cpu_ms_per_request']:.3f} ms",
        ),
    ]
    jit = g.get("jit_share_of_jvm_cpu")
    if jit is not None:
        still = " (still warming up: raise --settle or --warmup)" if jit > JIT_WARM else ""
        lines.append(("  JIT compilers' share of the JVM's CPU", f"{100 * jit:.1f}%{still}"))
    gc = g.get("gc_share_of_jvm_cpu")
    if gc is not None:
        lines.append(("  collector threads' share of the JVM's CPU", f"{100 * gc:.1f}%"))
    for o in r["open_model"]:
        acks = o.get("gateway_acks_within_ms")
        lines.append(
            (
                f"open model at {o['fraction']:.2f} × saturation ({o['intended_rate']:.0f}/s)",
                f"achieved {o['achieved_rate']:,.0f}/s, p99 {o['p99_ms']:.1f} ms, "
                f"errors {o['error_rate_percent']}%, exit {o['exit_status']}"
                + ("" if acks is None else f"; the gateway's acks within 50 ms {acks['50']:.1f}%"),
            )
        )
    b = r["batch"]
    lines.append(
        ("batch endpoint, 500 records a request", f"{b['records_per_s']:,.0f} records/s, exit {b['exit_status']}")
    )
    c = r["cold_start"]
    t90 = c["to_90_percent_of_peak_s"]
    lines.append(
        (
            "cold start: ready / 90% of peak",
            f"{c['ready_s']} s / " + (f"{t90} s" if t90 is not None else "not reached"),
        )
    )
    f = r.get("disk_flush_ms")
    if f:
        lines.append(
            (
                "disk flush, 8 kB fdatasync (quiet machine)",
                f"p50 {f['p50_ms']} / p99 {f['p99_ms']} / p99.9 {f['p999_ms']} / max {f['max_ms']} ms",
            )
        )
    m = r["meta"]
    lines.append(("load average at start / end", f"{m['load_at_start']} / {m.get('load_at_end', '?')}"))
    width = max(len(a) for a, _ in lines)
    return "\n".join(f"{a.ljust(width)}  {b}" for a, b in lines)


def tsv(r):
    rows = []

    def walk(prefix, v):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(f"{prefix}.{k}" if prefix else k, x)
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(f"{prefix}.{i}", x)
        else:
            rows.append(f"{prefix}\t{v}")

    walk("", {k: v for k, v in r.items() if k != "meta"})
    return "\n".join(rows) + "\n"


def svg(r, timeline):
    """Two panels: the ceilings against the gateway, and 2xx per second after the cold start."""
    W, H = 1100, 430
    o = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
    ]
    g = r["gateway"]
    m = r["meta"]
    o.append(
        f'<text x="20" y="24" font-size="15" font-weight="bold">intake gateway vs. this machine\'s '
        f'ceilings ({escape(m["started_at"][:16])}, {m["machine"]["cores"]} cores, load '
        f'{escape(m["load_at_start"])})</text>'
    )
    bars = [
        ("S storage (rows/s)", r["S_storage_ceiling_rows_per_s"], "#8c8c8c"),
        ("H HTTP + parse", r["H_http_ceiling_per_s"], "#8c8c8c"),
        ("C combined ceiling", r["C_combined_ceiling_per_s"], "#4d4d4d"),
        ("0.5 × C (goal)", r["C_combined_ceiling_per_s"] / 2, "#c9c9c9"),
        ("N one row per txn", r["N_naive_bound_per_s"], "#b07aa1"),
        ("gateway, saturated", g["rate_2xx_per_s"], "#e15759"),
        ("gateway, :batch (records)", r["batch"]["records_per_s"], "#f28e2b"),
    ]
    top = max(v for _, v, _ in bars)
    x0, y0, bw, bh = 190, 50, 300, 22
    for i, (label, v, colour) in enumerate(bars):
        y = y0 + i * (bh + 12)
        w = max(1, bw * v / top)
        o.append(f'<text x="{x0 - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        o.append(f'<rect x="{x0}" y="{y}" width="{w:.1f}" height="{bh}" fill="{colour}"/>')
        o.append(f'<text x="{x0 + w + 5:.1f}" y="{y + 15}">{v:,.0f}</text>')
    y = y0 + len(bars) * (bh + 12) + 10
    o.append(
        f'<text x="20" y="{y}">gateway / C = {g["ratio_to_C"]:.3f}   gateway / N = '
        f'{g["ratio_to_N"]:.2f}   non-2xx {g["non_2xx"]}   p99 {g["latency_ms"]["p99"]:.0f} ms</text>'
    )
    for i, op in enumerate(r["open_model"]):
        o.append(
            f'<text x="20" y="{y + 20 + 18 * i}">open model {op["intended_rate"]:,.0f}/s: '
            f'achieved {op["achieved_rate"]:,.0f}/s, p99 {op["p99_ms"]:.1f} ms'
            + (
                ""
                if op.get("gateway_acks_within_ms") is None
                else f', the gateway\'s acks within 50 ms {op["gateway_acks_within_ms"]["50"]:.1f}%'
            )
            + "</text>"
        )

    # Right: 2xx per second since the process started.
    px, py, pw, ph = 600, 60, 470, 300
    tmax = max([t for t, *_ in timeline] + [10])
    vmax = max([ok for _, ok, *_ in timeline] + [g["rate_2xx_per_s"], 1]) * 1.1

    def X(t):
        return px + pw * t / tmax

    def Y(v):
        return py + ph - ph * v / vmax

    o.append(f'<text x="{px}" y="{py - 12}" font-weight="bold">gateway 2xx per second from process '
             f'start (wrk, {m["settings"]["connections"]} connections)</text>')
    o.append(f'<rect x="{px}" y="{py}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')
    for k in range(0, 6):
        v = vmax * k / 5
        o.append(f'<text x="{px - 5}" y="{Y(v) + 4:.1f}" text-anchor="end" font-size="10">{v:,.0f}</text>')
    for k in range(0, 6):
        t = tmax * k / 5
        o.append(f'<text x="{X(t):.1f}" y="{py + ph + 14}" text-anchor="middle" font-size="10">{t:.0f} s</text>')
    peak = g["rate_2xx_per_s"]
    for v, label, dash, dy in ((peak, "saturated (measured)", "6,3", -4), (0.9 * peak, "90%", "2,3", 11)):
        o.append(f'<line x1="{px}" x2="{px + pw}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#e15759" '
                 f'stroke-dasharray="{dash}"/>')
        o.append(f'<text x="{px + 4}" y="{Y(v) + dy:.1f}" font-size="10" fill="#e15759">{label}</text>')
    colours = {"gateway-cold": "#4e79a7", "gateway-warmup": "#76b7b2", "gateway": "#e15759"}
    for name, colour in colours.items():
        pts = " ".join(f"{X(t):.1f},{Y(ok):.1f}" for t, ok, _, n in timeline if n == name)
        if pts:
            o.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="1.8"/>')
    c = r["cold_start"]
    for t, label in ((c["ready_s"], "ready"), (c["to_90_percent_of_peak_s"], "90%")):
        if t is not None:
            o.append(f'<line x1="{X(t):.1f}" x2="{X(t):.1f}" y1="{py}" y2="{py + ph}" stroke="#555" '
                     f'stroke-dasharray="3,3"/>')
            o.append(f'<text x="{X(t) + 3:.1f}" y="{py + 12 + (14 if label == "90%" else 0)}" '
                     f'font-size="10">{label} {t} s</text>')
    ly = py + ph + 32
    for i, (name, colour) in enumerate(colours.items()):
        o.append(f'<rect x="{px + i * 118}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>')
        o.append(f'<text x="{px + 14 + i * 118}" y="{ly}" font-size="10">{name}</text>')
    o.append("</svg>")
    return "\n".join(o) + "\n"


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--acks":
        shares = ack_shares(sys.argv[2])
        print("not scraped" if shares is None else f"{shares['25']:.1f}% / {shares['50']:.1f}%")
        return
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    r, timeline = summarise(out)
    with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(r, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(out, "results.tsv"), "w", encoding="utf-8") as f:
        f.write(tsv(r))
    with open(os.path.join(out, "plot.svg"), "w", encoding="utf-8") as f:
        f.write(svg(r, timeline))
    print(table(r))
    print(f"\n{out}/results.json, results.tsv, plot.svg")


if __name__ == "__main__":
    main()
