#!/usr/bin/env bash
# Side-by-side MQTT QoS 1 ingest: the gateway's full pipeline (validation, rules, InfluxDB, PUBACK after durable
# store) and Mosquitto (persistence off, no subscribers: the floor cost of terminating QoS 1 publishes), driven by
# the same load (`device-sim load`, non-blocking Vert.x clients) in one run; plus the memory cost of idle
# connections. Prints a Markdown report and writes it with the raw JSON under bench/results/. Measures, never
# asserts. See bench/README.md.
usage() {
  cat <<USAGE
Usage: bench/ingest-compare.sh [--devices N] [--window N] [--warmup D] [--duration D] [--connections N,...]
                               [--rates N,...] [--journal]
  --devices N        publishing devices (default 200)
  --window N         unacknowledged QoS 1 messages per device (default 10)
  --warmup D         warm-up before each measured window (default 10s)
  --duration D       measured window of each run (default 30s)
  --connections L    idle-connection counts to measure memory at, comma separated (default 10000; 0 = skip);
                     one process may hold at most 'ulimit -Hn' sockets, so larger counts are refused up front
  --rates L          extra fixed rates (msg/s, comma separated) to run the gateway at after its half-rate run,
                     for the latency curve (default none)
  --journal          runs the gateway with its telemetry journal (M2MCARE_TELEMETRY_JOURNAL=true): PUBACK once the
                     message is synced to the local journal, InfluxDB written behind it; the stored count is taken
                     after the journal has been forwarded
Environment: M2MCARE_SKIP_BUILD=1 uses the jars already built; M2MCARE_BENCH_RESULTS sets the output folder;
M2MCARE_BENCH_GATEWAY_JAVA_OPTS adds JVM options to the gateway (for example a JFR recording).
USAGE
}
bench_name=ingest-compare
devices=200 window=10 warmup=10s duration=30s connections=10000 rates="" journal=false
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices="$2"; shift 2 ;;
    --window) window="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rates) rates="$2"; shift 2 ;;
    --journal) journal=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "ingest-compare: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build

fd_limit="$(ulimit -Hn)"
[ "$fd_limit" = unlimited ] && fd_limit=1048576
ulimit -n "$fd_limit" # Mosquitto does not raise its own soft limit (the JVM does)
IFS=',' read -r -a connection_counts <<<"$connections"
max_connections=0
for n in "${connection_counts[@]}"; do
  [ "$n" -gt "$max_connections" ] && max_connections="$n"
  if [ "$n" -gt $((fd_limit - 1000)) ]; then
    bench_fail "--connections $n: this machine allows $fd_limit open files per process (ulimit -Hn); a server needs one per connection"
  fi
done
provisioned=$(( devices > max_connections ? devices : max_connections ))
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="$(results_dir)"
raw="$work/raw"
mkdir -p "$raw"

load() { # load NAME PORT EXTRA...: one device-sim load run, result in $raw/NAME.json
  local name="$1" port="$2"; shift 2
  echo "load $name: $*" >&2
  java -jar "$sim_jar" load --target "$name" --mqtt-url "tcp://127.0.0.1:$port" --credentials "$work/credentials.csv" \
    --window "$window" --warmup "$warmup" --duration "$duration" --json "$raw/$name.json" "$@" \
    >"$raw/$name.txt" 2>"$raw/$name.log" || echo "load $name: exit code $? (see its report)" >&2
  cat "$raw/$name.txt" >&2
}

heap_after_gc_kb() { # heap used after a full GC of a JVM, in KiB
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -n 1
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

idle_connections() { # idle_connections NAME PORT PID N JVM(0/1): memory per idle connection -> $raw/NAME.json
  local name="$1" port="$2" pid="$3" n="$4" jvm="$5" base_heap=0 base_rss heap=0 rss log="$raw/$1.log"
  [ "$jvm" = 1 ] && base_heap="$(heap_after_gc_kb "$pid")"
  base_rss="$(rss_kb "$pid")"
  # one source address has about 28,000 ephemeral ports towards one server port: one address per 20,000
  local sources=127.0.0.1 i
  for ((i = 2; i <= (n + 19999) / 20000; i++)); do sources="$sources,127.0.0.$i"; done
  java -jar "$sim_jar" load --idle --target "$name" --mqtt-url "tcp://127.0.0.1:$port" \
    --credentials "$work/credentials.csv" --devices "$n" --duration 600s --connect-rate 2000 --source-addresses "$sources" \
    >"$raw/$name.txt" 2>"$log" &
  local load_pid=$!
  bench_track "$load_pid"
  for _ in $(seq 1 600); do
    grep -q "ALL_CONNECTED" "$log" 2>/dev/null && break
    kill -0 "$load_pid" 2>/dev/null || break
    sleep 0.5
  done
  local connected
  connected="$(sed -n 's/.*ALL_CONNECTED \([0-9]*\).*/\1/p' "$log")"
  sleep 5
  [ "$jvm" = 1 ] && heap="$(heap_after_gc_kb "$pid")"
  rss="$(rss_kb "$pid")"
  stop_pid "$load_pid"
  python3 - "$raw/$name.json" "$name" "$n" "${connected:-0}" "$base_heap" "$heap" "$base_rss" "$rss" <<'PY'
import json, sys
out, name, n, connected, bh, h, br, r = sys.argv[1:]
connected = int(connected)
per = lambda a, b: round((int(b) - int(a)) * 1024 / connected) if connected else None
json.dump({"target": name, "requested": int(n), "connected": connected,
           "heapBeforeKb": int(bh), "heapAfterKb": int(h), "rssBeforeKb": int(br), "rssAfterKb": int(r),
           "heapBytesPerConnection": per(bh, h) if int(h) else None, "rssBytesPerConnection": per(br, r)},
          open(out, "w"), indent=2)
PY
  echo "idle $name: $(cat "$raw/$name.json" | tr -d '\n ')" >&2
}

# --- the gateway, full pipeline into InfluxDB
start_influx
# Device secrets at 1,000 PBKDF2 iterations instead of 10,000: registering and first-connecting 18,000 devices
# would otherwise spend about 80 s of CPU on key derivation (bench/device-secrets.sh) before memory is measured.
start_gateway M2MCARE_INFLUX_URL="$influx_url" M2MCARE_INFLUX_DATABASE=bench M2MCARE_DEVICE_SECRET_ITERATIONS=1000 \
  M2MCARE_TELEMETRY_JOURNAL="$journal"
echo "registering $provisioned devices..." >&2
java -jar "$sim_jar" --provision-only --gateway-url "$gateway_base" --admin-token "$gateway_token" \
  --devices "$provisioned" --id-prefix bench --credentials "$work/credentials.csv" >"$raw/provision.txt" 2>&1 \
  || { cat "$raw/provision.txt" >&2; bench_fail "provisioning failed"; }
load gateway "$gateway_mqtt_port" --devices "$devices" --watch-pid "$gateway_pid=gateway" --watch-pid "$influx_pid=influxd"
gateway_rate="$(python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["ackedPerSecond"]))' "$raw/gateway.json")"
half=$(( gateway_rate / 2 ))
load gateway-half "$gateway_mqtt_port" --devices "$devices" --rate "$half" --watch-pid "$gateway_pid=gateway" \
  --watch-pid "$influx_pid=influxd"
IFS=',' read -r -a extra_rates <<<"$rates"
for rate in "${extra_rates[@]}"; do
  load "gateway-at-$rate" "$gateway_mqtt_port" --devices "$devices" --rate "$rate" --watch-pid "$gateway_pid=gateway" \
    --watch-pid "$influx_pid=influxd"
done
if [ "$journal" = true ]; then # acknowledged means journalled: let the forwarder finish before counting
  for _ in $(seq 1 120); do
    backlog="$(curl -fsS "$gateway_base/metrics" | awk '/^m2mcare_journal_backlog_bytes/ {print int($2)}')"
    [ "${backlog:-1}" = 0 ] && break
    sleep 0.5
  done
fi
stored="$(curl -fsS -G "$influx_url/query" --data-urlencode db=bench \
  --data-urlencode 'q=SELECT count(energy_wh_total) FROM telemetry' | python3 -c \
  'import json,sys; r=json.load(sys.stdin)["results"][0]; print(r["series"][0]["values"][0][1] if "series" in r else 0)')"
gateway_heap_kb="$(heap_after_gc_kb "$gateway_pid")"
for n in "${connection_counts[@]}"; do
  [ "$n" -gt 0 ] && idle_connections "gateway-idle-$n" "$gateway_mqtt_port" "$gateway_pid" "$n" 1
done
blocked="$(grep -c "has been blocked" "$gateway_log" || true)"
stop_pid "$gateway_pid"

# --- Mosquitto, the same load
mosquitto_port="$(free_port)"
start_mosquitto "$mosquitto_port"
load mosquitto "$mosquitto_port" --devices "$devices" --watch-pid "$mosquitto_pid=mosquitto"
load mosquitto-half "$mosquitto_port" --devices "$devices" --rate "$half" --watch-pid "$mosquitto_pid=mosquitto"
for n in "${connection_counts[@]}"; do
  [ "$n" -gt 0 ] && idle_connections "mosquitto-idle-$n" "$mosquitto_port" "$mosquitto_pid" "$n" 0
done
stop_pid "$mosquitto_pid"

python3 "$root/bench/ingest-report.py" "$raw" "$results/ingest-compare-$stamp" "$(machine_facts)" "$stored" \
  "$gateway_heap_kb" "$blocked" "$fd_limit" \
  "devices=$devices window=$window warmup=$warmup duration=$duration connections=$connections journal=$journal, device secrets at 1,000 PBKDF2 iterations"
echo "report: $results/ingest-compare-$stamp.md" >&2
