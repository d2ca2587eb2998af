#!/usr/bin/env bash
# Cost of one device secret at several PBKDF2 iteration counts (M2MCARE_DEVICE_SECRET_ITERATIONS), one thread:
# storing it (registration, rotation), the first check (first connect) and a check answered by the
# verified-secret cache (reconnect). Prints a Markdown table; never asserts.
#   bench/device-secrets.sh                 # 1, 1000, 10000 (the default), 50000, 210000
#   bench/device-secrets.sh 10000 20000
bench_name=device-secrets
counts=("$@")
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_build
[ ${#counts[@]} -gt 0 ] || counts=(1 1000 10000 50000 210000)
echo "Device secret cost on $(machine_facts)"
echo
echo "| iterations | store (ms) | first check (ms) | cached check (µs) |"
echo "| ---: | ---: | ---: | ---: |"
for n in "${counts[@]}"; do
  java -cp "$gateway_jar" bench/DeviceSecretCost.java "$n" 2>/dev/null | grep '^|'
done
