#!/usr/bin/env bash
# Builds and runs every test, including those against real InfluxDB, PostgreSQL and Mosquitto servers
# (installed from Debian's packages when missing). Works from any folder; arguments go to Maven.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/java-env.sh
source "$root/scripts/java-env.sh"
"$root/scripts/install-test-servers.sh"
cd "$root"
exec ./mvnw -B verify "$@"
