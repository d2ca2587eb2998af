#!/usr/bin/env bash
# Fault-to-repair-command latency of the gateway's service ladder, measured by the devices themselves.
# Starts a gateway on free ports with a throw-away data dir, runs a steady device-sim fleet with random faults,
# prints a Markdown report and writes it (with the device-sim JSON summary) under bench/results/.
# It measures and prints; it never asserts. See bench/README.md.
usage() {
  cat <<USAGE
Usage: bench/repair-latency.sh [--devices N] [--rate MSG/S] [--duration DURATION] [--fault-rate P]
                               [--repair-success P] [--offline-rate P] [--seed SEED]
  --devices N         simulated devices (default 200)
  --rate MSG/S        telemetry messages per second and device (default 1)
  --duration D        run time for device-sim, e.g. 90s, 3m (default 3m)
  --fault-rate P      random faults per device and hour (default 20: about 70 reported faults in 3 min with 200 devices)
  --repair-success P  probability that a repair clears its fault (default 0.8)
  --offline-rate P    offline episodes per device and hour (default 0)
  --seed SEED         device-sim seed, to replay a run (default 1)
Environment: M2MCARE_SKIP_BUILD=1 uses the jars already built; M2MCARE_BENCH_RESULTS sets the output folder.
The speed stays 1: faster physics trips the gateway's rate-of-change rule for E_TEMP_SENSOR.
USAGE
}

bench_name=repair-latency
devices=200 rate=1 duration=3m fault_rate=20 repair_success=0.8 offline_rate=0 seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --fault-rate) fault_rate="$2"; shift 2 ;;
    --repair-success) repair_success="$2"; shift 2 ;;
    --offline-rate) offline_rate="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "repair-latency: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build
start_gateway
base="$gateway_base" token="$gateway_token" mqtt_port="$gateway_mqtt_port"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="$(results_dir)"
summary_json="$results/repair-latency-$stamp.json"
report="$results/repair-latency-$stamp.md"

sim_cmd=(java -jar "$sim_jar" --gateway-url "$base" --mqtt-url "tcp://127.0.0.1:$mqtt_port" --admin-token "$token"
  --credentials "$work/credentials.csv" --devices "$devices" --rate "$rate" --duration "$duration" --speed 1
  --fault-rate "$fault_rate" --repair-success "$repair_success" --offline-rate "$offline_rate" --seed "$seed"
  --progress-interval 15s --summary-json "$summary_json")
echo "running: device-sim --devices $devices --rate $rate --duration $duration --fault-rate $fault_rate" \
  "--repair-success $repair_success --offline-rate $offline_rate --seed $seed --speed 1" >&2
sim_rc=0
"${sim_cmd[@]}" >"$work/sim.txt" || sim_rc=$?

repairs="$(curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/repairs/summary" || echo '{"error": "no answer"}')"
if command -v jq >/dev/null 2>&1; then
  repairs_pretty="$(printf '%s' "$repairs" | jq . 2>/dev/null || printf '%s' "$repairs")"
else
  repairs_pretty="$(printf '%s' "$repairs" | python3 -m json.tool 2>/dev/null || printf '%s' "$repairs")"
fi


{
  echo "# Repair latency bench, $stamp"
  echo
  echo "Machine: $(machine_facts)"
  echo "Fleet: $devices devices x $rate msg/s for $duration, fault rate $fault_rate per device-hour," \
    "repair success $repair_success, offline rate $offline_rate, speed 1, seed $seed; device-sim exit code $sim_rc"
  echo
  echo "## Load"
  echo
  if [ -f "$summary_json" ]; then
    python3 - "$summary_json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
a, r = s["ackLatencyMs"], s["repairs"]
f, o = r["faultToCommandMs"], r["onsetToCommandMs"]
print(f"- {s['devicesConnected']} of {s['devices']} devices connected, {s['durationSeconds']:.0f} s, "
      f"{s['messagesPerSecond']:.1f} msg/s, {s['sent']} sent, {s['acknowledged']} acknowledged, "
      f"{s['rejected']} rejected, {s['failed']} failed")
print(f"- PUBACK latency: p50 {a['p50']:.2f} ms, p99 {a['p99']:.2f} ms, max {a['max']:.2f} ms")
print(f"- offline episodes: {s['offlineEpisodes']}, connection losses: {s['connectionLosses']}")
print()
print("## Fault to repair command (seen by the devices)")
print()
print("| measure | count | p50 ms | p99 ms | max ms |")
print("| --- | ---: | ---: | ---: | ---: |")
print(f"| fault event -> first repair command | {f['count']} | {f['p50']:.0f} | {f['p99']:.0f} | {f['max']:.0f} |")
print(f"| fault onset -> first repair command | {o['count']} | {o['p50']:.0f} | {o['p99']:.0f} | {o['max']:.0f} |")
print()
print(f"- faults reported {r['faultsReported']}, repair commands received {r['repairCommands']} (retries included), "
      f"repairs that cleared the fault {r['repairsCleared']}, first commands before the fault event "
      f"{r['commandsBeforeReport']}")
PY
  else
    echo "device-sim wrote no summary; its output:"
    echo '```'
    cat "$work/sim.txt"
    echo '```'
  fi
  echo
  echo "## Gateway repair summary (GET /api/v1/repairs/summary)"
  echo
  echo '```json'
  echo "$repairs_pretty"
  echo '```'
  echo
  echo "## device-sim summary"
  echo
  echo '```'
  cat "$work/sim.txt"
  echo '```'
} | tee "$report"
echo >&2
echo "report: $report" >&2
echo "device-sim JSON: $summary_json" >&2
