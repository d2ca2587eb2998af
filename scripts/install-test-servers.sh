#!/usr/bin/env bash
# Installs, only when they are missing, the Debian packages whose servers (and the libcoap client) the tests start themselves
# (testkit: InfluxDB, PostgreSQL, Mosquitto and its command-line clients), and Debian's Chromium with its
# chromedriver for the browser tests of the web pages, and HAProxy and docker-compose to validate docker/. The tests run each server on free
# loopback ports in a temporary folder, so the system services are kept from starting. Idempotent; silent
# when everything is present.
set -euo pipefail

missing=()
has() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }
has_postgres() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }

has influxd || missing+=(influxdb)
has_postgres || missing+=(postgresql)
has mosquitto || missing+=(mosquitto)
{ has mosquitto_pub && has mosquitto_sub; } || missing+=(mosquitto-clients)
has coap-client-openssl || missing+=(libcoap3-bin)
has chromium || missing+=(chromium)
has chromedriver || missing+=(chromium-driver)
has haproxy || missing+=(haproxy)
has docker-compose || missing+=(docker-compose)

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need ${missing[*]} (Debian package names); install them, apt-get is not available here." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "The tests need ${missing[*]}; run this script as root to install them." >&2
    exit 1
  fi
fi

echo "Installing test servers: ${missing[*]}"
# policy-rc.d answering 101 stops the packages' postinst from starting their services
# (invoke-rc.d and deb-systemd-invoke both ask it). An existing one, as in container images, is kept.
policy=/usr/sbin/policy-rc.d
added_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod 755 "$policy"
  added_policy=true
fi
cleanup() { if [ "$added_policy" = true ]; then "${sudo[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

log=$(mktemp)
if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
       && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "Installing ${missing[*]} failed (output above)." >&2
  exit 1
fi
rm -f "$log"

# Where systemd runs, keep the freshly installed services off at boot too; the tests start their own.
if [ -d /run/systemd/system ]; then
  for package in "${missing[@]}"; do
    case "$package" in
      influxdb | postgresql | mosquitto) "${sudo[@]}" systemctl disable --now "$package" >/dev/null 2>&1 || true ;;
    esac
  done
fi
echo "Test servers installed: ${missing[*]}"
