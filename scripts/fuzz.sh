#!/usr/bin/env bash
# Coverage-guided fuzzing of one Jazzer fuzz test for ROUNDS rounds of its maxDuration (30 s), each round going
# on from the corpus the previous ones grew (.cifuzz-corpus/, not committed). Classes of the gateway and of the
# libraries that parse device and client input (Californium, Vert.x JSON, Jackson) are instrumented for coverage.
# A crash stops the run and leaves crash-<sha> in the module folder; keep the input as a regression test.
#   scripts/fuzz.sh gateway 'CoapRequestFuzzTest#rawDatagramsOnlyEverRefuseAsDocumented' 10
set -euo pipefail

module="${1:?module, e.g. gateway}"
test="${2:?Class#method of a @FuzzTest}"
rounds="${3:-1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/java-env.sh
source "$root/scripts/java-env.sh"
cd "$root"
export JAZZER_FUZZ=1
export JAZZER_INSTRUMENTATION_INCLUDES='care.m2m.**:org.eclipse.californium.core.**:org.eclipse.californium.elements.util.**:io.vertx.core.json.**:com.fasterxml.jackson.core.**:com.fasterxml.jackson.dataformat.**'
total=0
for round in $(seq 1 "$rounds"); do
    log="$(mktemp)"
    if ! ./mvnw -o -q -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
        grep -E "Caused by|FuzzTestFindingException|crash-" "$log" | head -5
        echo "round $round: finding or failure; full log in $log" >&2
        exit 1
    fi
    runs=$(grep -oE "Done [0-9]+ runs" "$log" | grep -oE "[0-9]+" | tail -1)
    cov=$(grep -E "#[0-9]+\s+DONE" "$log" | grep -oE "cov: [0-9]+ ft: [0-9]+ corp: [0-9]+" | tail -1)
    total=$((total + ${runs:-0}))
    echo "round $round: ${runs:-0} inputs, $cov, no crash"
    rm -f "$log"
done
echo "$test: $total inputs in $rounds rounds, no crash"
