# Shared helpers of the bench scripts: sourced, never run. Each script sets bench_name before sourcing.
# Gives: $root, $work (a throw-away folder removed on exit), bench_build, free_port, bench_track PID (stopped on
# exit), start_influx, start_mosquitto PORT, start_gateway (env vars in "$@"), wait_http URL PID LOG,
# machine_facts, results_dir.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../scripts/java-env.sh
source scripts/java-env.sh

work="$(mktemp -d "${TMPDIR:-/tmp}/m2mcare-bench.XXXXXX")"
bench_pids=()
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ -n "${pg_dir:-}" ] && [ -d "$pg_dir" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap bench_cleanup EXIT INT TERM

bench_track() { bench_pids+=("$1"); }

bench_fail() { echo "$bench_name: $*" >&2; exit 1; }

# Builds (unless M2MCARE_SKIP_BUILD=1) and copies the jars into $work, so other builds of the shared tree cannot
# swap a jar under a running bench. Sets gateway_jar and sim_jar.
bench_build() {
  if [ "${M2MCARE_SKIP_BUILD:-0}" != "1" ]; then
    echo "building gateway and device-sim..." >&2
    # maven.test.skip: the bench needs the jars only, and must not fail on tests another module is editing
    ./mvnw -q -B -pl gateway,device-sim -am -Dmaven.test.skip=true package >&2
  fi
  local jar
  for jar in gateway/target/gateway.jar device-sim/target/device-sim.jar; do
    [ -f "$jar" ] || bench_fail "$jar is missing; build it or unset M2MCARE_SKIP_BUILD"
  done
  cp gateway/target/gateway.jar "$work/gateway.jar"
  cp device-sim/target/device-sim.jar "$work/device-sim.jar"
  gateway_jar="$work/gateway.jar"
  sim_jar="$work/device-sim.jar"
}

free_port() { # [udp]: a free loopback TCP port, or UDP port
  python3 -c 'import socket, sys
kind = socket.SOCK_DGRAM if sys.argv[1:] == ["udp"] else socket.SOCK_STREAM
s = socket.socket(socket.AF_INET, kind); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' "$@"
}

# wait_http URL PID LOG: waits up to 60 s for URL to answer 2xx while PID lives.
wait_http() {
  local url="$1" pid="$2" log="$3"
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$bench_name: the process behind $url exited; its log:" >&2; tail -n 40 "$log" >&2; exit 1
    fi
    sleep 0.5
  done
  tail -n 40 "$log" >&2
  bench_fail "$url did not answer within 60 s"
}

# Starts Debian's InfluxDB 1.x on free loopback ports with its data in $work. Sets influx_url and influx_pid.
start_influx() {
  command -v influxd >/dev/null || bench_fail "influxd is missing: apt-get install influxdb (or scripts/install-test-servers.sh)"
  local http_port rpc_port dir="$work/influx"
  http_port="$(free_port)" rpc_port="$(free_port)"
  mkdir -p "$dir"
  cat >"$dir/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc_port"
[meta]
  dir = "$dir/meta"
[data]
  dir = "$dir/data"
  wal-dir = "$dir/wal"
  query-log-enabled = false
  # 4 MiB instead of 25: a snapshot of the write cache to a TSM file stalls writes while it runs (200-300 ms per
  # 25 MiB on 2 cores, 30-50 ms per 4 MiB), and every write in that window waits for its PUBACK (bench/README.md)
  cache-snapshot-memory-size = ${M2MCARE_BENCH_INFLUX_SNAPSHOT_BYTES:-4194304}
[http]
  bind-address = "127.0.0.1:$http_port"
  log-enabled = false
[monitor]
  store-enabled = false
CONF
  influxd -config "$dir/influxdb.conf" >"$dir/log" 2>&1 &
  influx_pid=$!
  bench_track "$influx_pid"
  influx_url="http://127.0.0.1:$http_port"
  wait_http "$influx_url/ping" "$influx_pid" "$dir/log"
}

# Starts Debian's PostgreSQL as NOTES.md says (it refuses to run as root). Sets pg_port, pg_bin, pg_dir.
start_postgres() {
  pg_bin="$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | tail -n 1)"
  [ -x "$pg_bin/initdb" ] || bench_fail "PostgreSQL is missing: apt-get install postgresql"
  pg_port="$(free_port)" pg_dir="$work/pg"
  chmod 755 "$work"
  mkdir -p "$pg_dir" && chown postgres "$pg_dir" && chmod 700 "$pg_dir"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir" -A trust -U postgres --no-sync >"$work/initdb.log" 2>&1
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" \
    -l "$pg_dir/postgres.log" -w start >/dev/null
}

# start_mosquitto PORT: Debian's Mosquitto on loopback, persistence off, anonymous clients. Sets mosquitto_pid.
start_mosquitto() {
  command -v mosquitto >/dev/null || bench_fail "mosquitto is missing: apt-get install mosquitto"
  local port="$1" dir="$work/mosquitto"
  mkdir -p "$dir"
  cat >"$dir/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
max_connections -1
log_type error
CONF
  mosquitto -c "$dir/mosquitto.conf" >"$dir/log" 2>&1 &
  mosquitto_pid=$!
  bench_track "$mosquitto_pid"
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  bench_fail "mosquitto did not listen on $port"
}

# start_gateway VAR=VALUE...: the gateway jar with a private data dir, CoAP off and free MQTT/HTTP ports, then
# the given settings (which win). Sets gateway_pid, gateway_mqtt_port, gateway_base, gateway_token, gateway_log.
start_gateway() {
  gateway_mqtt_port="$(free_port)"
  local http_port
  http_port="$(free_port)"
  gateway_token="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
  gateway_base="http://127.0.0.1:$http_port"
  gateway_log="$work/gateway-$gateway_mqtt_port.log"
  echo "starting the gateway (MQTT $gateway_mqtt_port, HTTP $http_port)..." >&2
  env M2MCARE_DATA_DIR="$work/data-$gateway_mqtt_port" M2MCARE_MQTT_PORT="$gateway_mqtt_port" \
    M2MCARE_HTTP_PORT="$http_port" M2MCARE_ADMIN_TOKEN="$gateway_token" M2MCARE_COAP_ENABLED=false \
    M2MCARE_HOST=127.0.0.1 "$@" \
    java ${M2MCARE_BENCH_GATEWAY_JAVA_OPTS:-} -jar "$gateway_jar" >"$gateway_log" 2>&1 &
  gateway_pid=$!
  bench_track "$gateway_pid"
  wait_http "$gateway_base/health" "$gateway_pid" "$gateway_log"
}

# stop_pid PID: SIGTERM and wait.
stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

machine_facts() {
  local cpu java_version
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
  java_version="$(java -version 2>&1 | head -n 1)"
  echo "$(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory," \
    "$java_version, $(uname -sr)"
}

results_dir() {
  local dir="${M2MCARE_BENCH_RESULTS:-$root/bench/results}"
  mkdir -p "$dir"
  echo "$dir"
}
