#!/usr/bin/env bash
# The main job: builds M2M Care, starts the gateway on its embedded defaults (no InfluxDB, no PostgreSQL:
# an embedded store under ./data) and attaches a simulated fleet to it. Ctrl-C stops both.
#
#   scripts/run-demo.sh [--devices N] [--rate MSG_PER_S_PER_DEVICE] [--duration 10m|0] [--speed X]
#                       [--fault-rate FAULTS_PER_DEVICE_HOUR] [-- device-sim options]
#
# Environment: every M2MCARE_* variable of the gateway (see README.md) is passed through.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/java-env.sh

devices=20 rate=0.2 duration=0 speed=1 fault_rate=2
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --speed) speed="$2"; shift 2 ;;
    --fault-rate) fault_rate="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ "${M2MCARE_SKIP_BUILD:-}" != "1" ]; then
  echo "Building (./mvnw -q -DskipTests package) ..."
  ./mvnw -q -B -DskipTests package
fi

export M2MCARE_DATA_DIR="${M2MCARE_DATA_DIR:-$root/data}"
http_port="${M2MCARE_HTTP_PORT:-8080}"
mqtt_port="${M2MCARE_MQTT_PORT:-1883}"
mkdir -p "$M2MCARE_DATA_DIR"
log="$M2MCARE_DATA_DIR/gateway.log"

java -jar gateway/target/gateway.jar >"$log" 2>&1 &
gateway_pid=$!
sim_pid=""
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  kill "$gateway_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "Waiting for the gateway (log: $log) ..."
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$http_port/health/live" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$gateway_pid" 2>/dev/null; then echo "The gateway stopped; its log:" >&2; tail -n 40 "$log" >&2; exit 1; fi
  sleep 0.5
done

token_file="$M2MCARE_DATA_DIR/admin-token"
admin_token=$(cat "$token_file")

# Web sign-ins: a few customers (the simulated devices' owners demo-cust-0001, ...), a technician and an
# operator. Passwords are random per data folder and kept in demo-users (owner-only), so a second run on the
# same folder prints the same, still valid passwords; the API's 409 for an existing user is expected then.
users_file="$M2MCARE_DATA_DIR/demo-users"
if [ ! -s "$users_file" ]; then
  ( umask 077
    for i in 1 2 3; do
      [ "$i" -le "$devices" ] || break
      printf 'customer%d CUSTOMER demo-cust-%04d %s\n' "$i" "$i" "$(head -c 15 /dev/urandom | base64 | tr -d '/+=')"
    done >"$users_file"
    printf 'technician TECHNICIAN - %s\n' "$(head -c 15 /dev/urandom | base64 | tr -d '/+=')" >>"$users_file"
    printf 'operator OPERATOR - %s\n' "$(head -c 15 /dev/urandom | base64 | tr -d '/+=')" >>"$users_file" )
fi
sign_ins=""
while read -r username role customer_ref password; do
  ref_json=""
  [ "$customer_ref" = "-" ] || ref_json=",\"customerRef\":\"$customer_ref\""
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' \
    -d "{\"username\":\"$username\",\"password\":\"$password\",\"role\":\"$role\"$ref_json}" \
    "http://127.0.0.1:$http_port/api/v1/admin/users" || true)
  case "$status" in
    201|409) ;;
    *) echo "Could not create the web user $username (HTTP $status); see $log" >&2 ;;
  esac
  label="$(echo "$role" | tr 'A-Z' 'a-z')"
  [ "$customer_ref" = "-" ] || label="$label $customer_ref"
  sign_ins="$sign_ins$(printf '                  %-26s %-12s password %s' "$label:" "$username" "$password")"$'\n'
done <"$users_file"

cat <<EOT

M2M Care is running with a simulated fleet of $devices devices.
  Web pages     http://localhost:$http_port/web/login   (usernames and passwords also in $users_file)
$sign_ins                  or with an access code: operators the admin token in $token_file
  Health        http://localhost:$http_port/health
  Metrics       http://localhost:$http_port/metrics
  API document  http://localhost:$http_port/openapi.yaml
  Device models http://localhost:$http_port/api/v1/models
  Devices       curl -H "Authorization: Bearer \$(cat $token_file)" http://localhost:$http_port/api/v1/admin/devices
  Telemetry     curl -H "Authorization: Bearer \$(cat $token_file)" http://localhost:$http_port/api/v1/devices/demo-0001/telemetry
  Faults        curl -H "Authorization: Bearer \$(cat $token_file)" http://localhost:$http_port/api/v1/devices/demo-0001/faults
  Self-repair   curl -H "Authorization: Bearer \$(cat $token_file)" http://localhost:$http_port/api/v1/repairs/summary
  MQTT          mqtt://localhost:$mqtt_port
Press Ctrl-C to stop.

EOT

java -jar device-sim/target/device-sim.jar \
  --gateway-url "http://127.0.0.1:$http_port" --mqtt-url "tcp://127.0.0.1:$mqtt_port" \
  --admin-token-file "$token_file" --credentials "$M2MCARE_DATA_DIR/demo-devices.csv" \
  --id-prefix demo --devices "$devices" --rate "$rate" --duration "$duration" --speed "$speed" \
  --fault-rate "$fault_rate" \
  "${extra[@]}" &
sim_pid=$!
wait "$sim_pid"
