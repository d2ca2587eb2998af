#!/usr/bin/env bash
# CoAP ingest figures: confirmable POSTs per second and their latency (send to 2.04), seen by device-sim.
# Starts a gateway from its jar on free ports with a throw-away data dir, runs device-sim over plain CoAP
# (token), then over CoAP with DTLS-PSK, prints a Markdown report and writes it (with the device-sim JSON
# summaries) under bench/results/. It measures and prints; it never asserts. See device-sim/README.md (CoAP).
usage() {
  cat <<USAGE
Usage: bench/coap-ingest.sh [--devices N] [--dtls-devices N] [--rate MSG/S] [--duration DURATION] [--encoding E]
  --devices N        plain CoAP devices (default 200)
  --dtls-devices N   CoAP over DTLS devices, each with its own DTLS session (default 50)
  --rate MSG/S       telemetry messages per second and device (default 2)
  --duration D       run time of each device-sim run, e.g. 60s (default 60s)
  --encoding E       cbor or json (default cbor)
Environment: M2MCARE_SKIP_BUILD=1 uses the jars already built; M2MCARE_BENCH_RESULTS sets the output folder.
USAGE
}

bench_name=coap-ingest
devices=200 dtls_devices=50 rate=2 duration=60s encoding=cbor
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices="$2"; shift 2 ;;
    --dtls-devices) dtls_devices="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --encoding) encoding="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "coap-ingest: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build
coap_port="$(free_port udp)" coaps_port="$(free_port udp)"
start_gateway M2MCARE_COAP_ENABLED=true M2MCARE_COAP_PORT="$coap_port" M2MCARE_COAPS_PORT="$coaps_port"
base="$gateway_base" token="$gateway_token"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="$(results_dir)"
report="$results/coap-ingest-$stamp.md"

run() { # $1: coap or coaps, $2: devices, $3: CoAP URL
  local json="$results/coap-ingest-$stamp-$1.json"
  echo "running: device-sim --protocol $1 --devices $2 --rate $rate --duration $duration --encoding $encoding" >&2
  java -jar "$sim_jar" --gateway-url "$base" --admin-token "$token" --protocol "$1" --coap-url "$3" \
    --encoding "$encoding" --credentials "$work/credentials-$1.csv" --id-prefix "bench-$1" --devices "$2" \
    --rate "$rate" --duration "$duration" --max-inflight 4 --connect-rate 100 --progress-interval 15s \
    --summary-json "$json" >"$work/sim-$1.txt" 2>"$work/sim-$1.log" || true
  python3 - "$json" "$1" "$2" <<'PY'
import json, sys
path, protocol, devices = sys.argv[1:]
try:
    s = json.load(open(path))
except OSError:
    print(f"| {protocol} | {devices} | no summary | | | | |")
    sys.exit()
a = s["ackLatencyMs"]
print(f"| {protocol} | {s['devicesConnected']}/{s['devices']} | {s['acknowledged'] / s['durationSeconds']:.1f} "
      f"| {a['p50']:.2f} | {a['p99']:.2f} | {a['max']:.2f} | {s['sent']} sent, {s['acknowledged']} acknowledged, "
      f"{s['rejected']} rejected, {s['failed']} failed, {s['deferred']} deferred |")
PY
}

{
  echo "# CoAP ingest bench, $stamp"
  echo
  echo "Machine: $(machine_facts);" \
    "gateway and device-sim on the same machine, embedded telemetry store"
  echo "Load: $rate telemetry msg/s per device for $duration, $encoding, confirmable POSTs, max 4 in flight per device"
  echo
  echo "| protocol | devices | acknowledged/s | p50 ms | p99 ms | max ms | messages |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
  run coap "$devices" "coap://127.0.0.1:$coap_port"
  run coaps "$dtls_devices" "coaps://127.0.0.1:$coaps_port"
  for protocol in coap coaps; do
    echo
    echo "## device-sim summary, $protocol"
    echo
    echo '```'
    cat "$work/sim-$protocol.txt"
    echo '```'
  done
} | tee "$report"
echo "report: $report" >&2
