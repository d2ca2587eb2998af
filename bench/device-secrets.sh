#!/usr/bin/env bash
# Cost of one device secret at several PBKDF2 iteration counts (M2MCARE_DEVICE_SECRET_ITERATIONS), one thread:
# storing it (registration, rotation), the first check (first connect) and a check answered by the
# verified-secret cache (reconnect). Prints a Markdown table; never asserts.
#   bench/device-secrets.sh                 # 1, 1000, 10000 (the default), 50000, 210000
#   bench/device-secrets.sh 10000 20000
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/java-env.sh
source "$root/scripts/java-env.sh"
cd "$root"
if [ "${M2MCARE_SKIP_BUILD:-0}" != 1 ]; then
    ./mvnw -q -o -pl gateway -am -DskipTests package
fi
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 1000 10000 50000 210000)
echo "Device secret cost on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo
echo "| iterations | store (ms) | first check (ms) | cached check (µs) |"
echo "| ---: | ---: | ---: | ---: |"
for n in "${counts[@]}"; do
    java -cp gateway/target/gateway.jar bench/DeviceSecretCost.java "$n" 2>/dev/null | grep '^|'
done
