#!/usr/bin/env bash
# Cluster ingest figures: MQTT telemetry acknowledged per second with 1, 2 and 3 clustered gateway instances
# sharing one PostgreSQL and one InfluxDB, and what each instance costs in CPU per message. Starts its own
# InfluxDB and PostgreSQL (Debian's packages) on free loopback ports in a throw-away folder, the gateways from
# their jar, and device-sim with every gateway's address (each device starts at its own one). Prints a Markdown
# report and writes it, with the device-sim JSON summaries, under bench/results/. Measures; never asserts.

usage() {
  cat <<USAGE
Usage: bench/cluster-ingest.sh [--devices N] [--rate MSG/S] [--duration DURATION] [--instances "1 2 3"]
  --devices N        simulated devices (default 300)
  --rate MSG/S       telemetry messages per second and device (default 10: more than this machine can take)
  --duration D       run time per cluster size, e.g. 60s (default 60s)
  --instances LIST   cluster sizes to measure (default "1 2 3"); each size gets fresh databases
Environment: M2MCARE_SKIP_BUILD=1 uses the jars already built; M2MCARE_BENCH_RESULTS sets the output folder.
Needs: influxdb and postgresql (Debian packages; scripts/install-test-servers.sh installs them), curl, python3,
root (PostgreSQL runs as the postgres user).
USAGE
}

bench_name=cluster-ingest
devices=300 rate=10 duration=60s sizes="1 2 3"
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --instances) sizes="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "cluster-ingest: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build
pids=()
stop_gateways() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
start_influx
start_postgres

token="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
psk="$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="$(results_dir)"
report="$results/cluster-ingest-$stamp.md"

cpu_seconds() { # $1: pid -> user+system CPU seconds so far
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"
}
accepted() { # $1: HTTP port -> m2mcare_telemetry_accepted_total
  curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$1/metrics" \
    | awk '/^m2mcare_telemetry_accepted_total/ { s += $2 } END { printf "%d", s }'
}

measure() { # $1: number of instances
  local n="$1" db="bench_$1" members="" mqtt_urls="" http_urls="" i
  local -a cluster_ports=() http_ports=() mqtt_ports=()
  runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE $db" >/dev/null
  for i in $(seq 1 "$n"); do
    cluster_ports+=("$(free_port)"); http_ports+=("$(free_port)"); mqtt_ports+=("$(free_port)")
    members="$members${members:+,}127.0.0.1:${cluster_ports[$((i - 1))]}"
  done
  for i in $(seq 1 "$n"); do
    mkdir -p "$work/gw-$n-$i"
    M2MCARE_DATA_DIR="$work/gw-$n-$i" M2MCARE_HOST=127.0.0.1 M2MCARE_MQTT_PORT="${mqtt_ports[$((i - 1))]}" \
      M2MCARE_HTTP_PORT="${http_ports[$((i - 1))]}" M2MCARE_COAP_ENABLED=false M2MCARE_ADMIN_TOKEN="$token" \
      M2MCARE_FIELD_SERVICE_TOKEN="$token-field" M2MCARE_PSK_MASTER_KEY="$psk" M2MCARE_ANOMALY_ENABLED=false \
      M2MCARE_SQL_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" M2MCARE_SQL_USERNAME=postgres \
      M2MCARE_INFLUX_URL="$influx_url" M2MCARE_INFLUX_DATABASE="$db" \
      M2MCARE_CLUSTER_ENABLED=true M2MCARE_CLUSTER_MEMBERS="$members" \
      M2MCARE_CLUSTER_PORT="${cluster_ports[$((i - 1))]}" M2MCARE_CLUSTER_HOST=127.0.0.1 \
      java -Xmx512m -jar "$gateway_jar" >"$work/gw-$n-$i.log" 2>&1 &
    pids+=($!)
    bench_track "$!"
    wait_http "http://127.0.0.1:${http_ports[$((i - 1))]}/health" "${pids[$((i - 1))]}" "$work/gw-$n-$i.log"
    mqtt_urls="$mqtt_urls${mqtt_urls:+,}tcp://127.0.0.1:${mqtt_ports[$((i - 1))]}"
    http_urls="$http_urls${http_urls:+,}http://127.0.0.1:${http_ports[$((i - 1))]}"
  done
  local -a cpu_before=() acc_before=()
  for i in $(seq 0 $((n - 1))); do
    cpu_before+=("$(cpu_seconds "${pids[$i]}")"); acc_before+=("$(accepted "${http_ports[$i]}")")
  done
  local json="$results/cluster-ingest-$stamp-$n.json"
  echo "running: $n instance(s), device-sim --devices $devices --rate $rate --duration $duration" >&2
  java -Xmx1g -jar "$sim_jar" --gateway-url "$http_urls" --mqtt-url "$mqtt_urls" --admin-token "$token" \
    --credentials "$work/credentials-$n.csv" --id-prefix "bench$n" --devices "$devices" --rate "$rate" \
    --duration "$duration" --max-inflight 10 --connect-rate 100 --progress-interval 30s \
    --summary-json "$json" >"$work/sim-$n.txt" 2>"$work/sim-$n.log" || true
  local per_instance="" cpu_total=0 acc_total=0 cpu acc
  for i in $(seq 0 $((n - 1))); do
    cpu="$(python3 -c "print(round($(cpu_seconds "${pids[$i]}") - ${cpu_before[$i]}, 1))")"
    acc="$(( $(accepted "${http_ports[$i]}") - ${acc_before[$i]} ))"
    per_instance="$per_instance${per_instance:+, }$acc msg / ${cpu} CPU s"
    cpu_total="$(python3 -c "print($cpu_total + $cpu)")"; acc_total=$((acc_total + acc))
  done
  stop_gateways
  python3 - "$json" "$n" "$per_instance" "$cpu_total" "$acc_total" <<'PY'
import json, sys
path, n, per_instance, cpu, accepted = sys.argv[1:]
try:
    s = json.load(open(path))
except OSError:
    print(f"| {n} | no summary | | | | | |")
    sys.exit()
a = s["ackLatencyMs"]
per_k = float(cpu) / int(accepted) * 1000 if int(accepted) else float("nan")
print(f"| {n} | {s['devicesConnected']}/{s['devices']} | {s['acknowledged'] / s['durationSeconds']:.0f} "
      f"| {a['p50']:.1f} | {a['p99']:.1f} | {per_k:.2f} | {per_instance} |")
PY
}

{
  echo "# Cluster ingest bench, $stamp"
  echo
  echo "Machine: $(machine_facts);" \
    "gateways (clustered, Hazelcast on loopback), InfluxDB $(influxd version 2>/dev/null | awk '{print $2}'), PostgreSQL" \
    "$("$pg_bin/postgres" --version | awk '{print $3}') and device-sim all on this one machine"
  echo "Load: $devices MQTT 5 devices x $rate telemetry msg/s offered for $duration each, QoS 1, up to 10 in flight" \
    "per device, every device given all gateway addresses (each starts at its own)"
  echo
  echo "| instances | devices connected | acknowledged/s | PUBACK p50 ms | PUBACK p99 ms | gateway CPU s per 1000 msg | per instance: accepted / CPU |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  for n in $sizes; do measure "$n"; done
} | tee "$report"
echo "report: $report" >&2
