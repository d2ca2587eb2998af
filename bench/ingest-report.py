#!/usr/bin/env python3
"""Turns the raw results of bench/ingest-compare.sh into one JSON file and a Markdown table (printed too)."""
import glob
import json
import os
import sys

raw, out, machine, stored, heap_kb, blocked, fd_limit, params = sys.argv[1:9]
runs = {os.path.basename(p)[:-5]: json.load(open(p)) for p in sorted(glob.glob(os.path.join(raw, "*.json")))}


def cores(run, name):
    for s in run.get("servers", []):
        if s["name"] == name:
            return s["cores"]
    return None


def row(run, servers):
    lat = run["latencyMs"]
    cpu = " + ".join(f"{cores(run, s):.2f} {s}" for s in servers if cores(run, s) is not None)
    seconds = run.get("p99PerSecondMs") or []
    worst = f"{max(seconds):.1f}" if seconds else "n/a"
    return (f"| {run['target']} | {run['offeredRate'] or 'saturation'} | {run['ackedPerSecond']:,.0f} | "
            f"{lat['p50']:.1f} | {lat['p99']:.1f} | {lat['p999']:.1f} | {worst} | {cpu} | "
            f"{cores(run, 'load generator'):.2f} | {run['acked']:,} / {run['sent']:,} | {run['connectionsLost']} |")


g, m = runs.get("gateway"), runs.get("mosquitto")
ratio = g["ackedPerSecond"] / m["ackedPerSecond"] if g and m and m["ackedPerSecond"] else None
lines = [f"# Ingest side by side, {os.path.basename(out).replace('ingest-compare-', '')}", "",
         f"Machine: {machine}. Load generator (`device-sim load`, 2 Vert.x event loops) on the same machine.",
         f"Parameters: {params}. QoS 1, MQTT 3.1.1, contract-valid JSON telemetry (8-14 metrics).", "",
         "| target | offered msg/s | acknowledged msg/s | p50 ms | p99 ms | p99.9 ms | p99 of the slowest second ms | "
         "server CPU (cores) | generator CPU | acked / sent (whole run) | connections lost |",
         "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
for name, servers in (("gateway", ["gateway", "influxd"]), ("mosquitto", ["mosquitto"]),
                      ("gateway-half", ["gateway", "influxd"]), ("mosquitto-half", ["mosquitto"])):
    if name in runs:
        lines.append(row(runs[name], servers))
at_rates = sorted((n for n in runs if n.startswith("gateway-at-")), key=lambda n: int(n.rsplit("-", 1)[1]))
for name in at_rates:
    lines.append(row(runs[name], ["gateway", "influxd"]))
held = [runs[n]["offeredRate"] for n in ["gateway-half"] + at_rates
        if n in runs and runs[n]["ackedPerSecond"] >= 0.99 * runs[n]["offeredRate"]]
acked_total = sum(runs[n]["acked"] for n in ["gateway", "gateway-half"] + at_rates if n in runs)
lines += ["",
          f"- **Ratio gateway / Mosquitto** (saturated, acknowledged msg/s): "
          f"{ratio:.2f}" if ratio is not None else "- ratio: not measured",
          f"- Highest fixed rate the gateway held (acknowledged >= 99 % of offered; a fixed rate sends about one "
          f"message per TCP segment, saturation up to the window at once): {max(held):,.0f} msg/s"
          if held else "- No fixed rate was held by the gateway.",
          f"- Stored in InfluxDB after all gateway runs: {int(stored):,} points; acknowledged to the devices: "
          f"{acked_total:,} ({'equal' if int(stored) == acked_total else 'DIFFERENT'}).",
          f"- Gateway heap after a full GC, after the load runs: {int(heap_kb) / 1024:.0f} MiB.",
          f"- Vert.x blocked-thread warnings in the gateway log: {blocked}.", ""]
idle = [r for n, r in runs.items() if "-idle-" in n]
if idle:
    lines += ["| idle connections | connected | heap per connection (after GC) | RSS per connection |",
              "| --- | --- | --- | --- |"]
    for r in idle:
        heap = f"{r['heapBytesPerConnection']:,} B" if r.get("heapBytesPerConnection") is not None else "n/a (not a JVM)"
        rss = f"{r['rssBytesPerConnection']:,} B" if r.get("rssBytesPerConnection") is not None else "n/a"
        lines.append(f"| {r['target']} | {r['connected']:,} of {r['requested']:,} | {heap} | {rss} |")
    lines += ["", f"One process may hold at most {fd_limit} open files here (`ulimit -Hn`, not raisable in this "
              "container), which caps connections per server process below 20,000.", ""]
text = "\n".join(lines)
with open(out + ".md", "w") as f:
    f.write(text + "\n")
with open(out + ".json", "w") as f:
    json.dump({"machine": machine, "parameters": params, "ratio": ratio, "storedPoints": int(stored),
               "acknowledged": acked_total, "gatewayHeapAfterGcKb": int(heap_kb), "blockedThreadWarnings": int(blocked),
               "runs": runs}, f, indent=2)
print(text)
