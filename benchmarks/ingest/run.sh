#!/usr/bin/env bash
# The sample app's GET /ping (one request-completion event per request) with shipping to Fluxtail
# off, on (an OTLP/HTTP sink on loopback that answers 200) and with the ingest down (a loopback
# port nobody listens on), measured alternately with wrk in one run, on loopback only.
#
# Usage (from the repository root; hold the CPU lock for the whole run):
#   cpu-lock mvn -B -q -o -Pbenchmarks -pl sample-app,benchmarks -am package -DskipTests
#   cpu-lock benchmarks/ingest/run.sh [rounds] [seconds] [connections]
#   EXTRA_BATCH_SIZES=2048 cpu-lock benchmarks/ingest/run.sh ...   (adds shipping-on-batch-2048)
#   FORKS=3 cpu-lock benchmarks/ingest/run.sh ...   (three fresh sets of JVMs, medians over all,
#                                                    and the median of the per-fork ratios)
# One JVM of a build can cost half again as much CPU per request as the next on a shared VM: with
# FORKS=N, start, warm-up and rounds are repeated with N fresh sets of JVMs.
set -euo pipefail
# shellcheck source=../apps.sh
source "$(dirname "$0")/../apps.sh"

ROUNDS=${1:-5}
SECONDS_PER_RUN=${2:-10}
CONNECTIONS=${3:-32}
# Each JVM gets this much load before it is measured. A shorter warm-up measures the JIT: 15 s left
# the shipping variant at 85 to 90 us of CPU per request, 60 s brought it to 50 us like the others.
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
FORKS=${FORKS:-1}
JAVA_OPTS=(-Xms512m -Xmx512m -XX:+UseParallelGC)

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
WORK=$(mktemp -d /tmp/fluxtail-ingest-bench.XXXXXX)

if ! command -v wrk > /dev/null; then
	echo "wrk not found: installing it from the distribution's packages" >&2
	apt-get update -qq && apt-get install -y -qq wrk > /dev/null
fi
for jar in "$JAR" "$BENCH_JAR"; do
	[[ -f "$jar" ]] || { echo "missing $jar: build it first (see the header of this script)" >&2; exit 1; }
done

declare -A PORT PID
SINK_PID=
cleanup() {
	stop_apps
	if [[ -n $SINK_PID ]]; then
		kill "$SINK_PID" 2> /dev/null || true
		wait "$SINK_PID" 2> /dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

SINK_PORT=$(free_port)
java -Xmx128m -cp "$BENCH_JAR" io.fluxtail.ingest.OtlpSink "$SINK_PORT" > "$WORK/sink.log" 2>&1 &
SINK_PID=$!
DOWN_PORT=$(free_port)

# name|extra arguments
VARIANTS=(
	"shipping-off|"
	"shipping-on|--fluxtail.ingest.url=http://127.0.0.1:$SINK_PORT/v1/logs"
	"ingest-down|--fluxtail.ingest.url=http://127.0.0.1:$DOWN_PORT/v1/logs"
)
# EXTRA_BATCH_SIZES="2048 ..." adds shipping-on-batch-N: shipping with N events per batch (queue 8N),
# to compare batch sizes with the default in one run.
for size in ${EXTRA_BATCH_SIZES:-}; do
	VARIANTS+=("shipping-on-batch-$size|--fluxtail.ingest.url=http://127.0.0.1:$SINK_PORT/v1/logs --fluxtail.ingest.max-batch-size=$size --fluxtail.ingest.queue-capacity=$((size * 8))")
done

start_apps() {
	for variant in "${VARIANTS[@]}"; do
		local name=${variant%%|*} args=${variant#*|} port
		port=$(free_port)
		PORT[$name]=$port
		# shellcheck disable=SC2086
		java "${JAVA_OPTS[@]}" -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
			--management.endpoints.web.exposure.include=fluxtail $args >> "$WORK/$name.log" 2>&1 &
		PID[$name]=$!
	done
	for name in "${!PORT[@]}"; do
		await_app "$name" "${PORT[$name]}" "$WORK/$name.log"
	done
}

names=()
for variant in "${VARIANTS[@]}"; do names+=("${variant%%|*}"); done

declare -A INGEST_STATE
for fork in $(seq 1 "$FORKS"); do
	start_apps
	for name in "${names[@]}"; do
		wrk -t1 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "http://127.0.0.1:${PORT[$name]}/ping" > /dev/null
	done
	for round in $(seq 1 "$ROUNDS"); do
		count=${#names[@]}
		for i in $(seq 0 $((count - 1))); do
			name=${names[$(((i + round + fork) % count))]}
			rps=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:${PORT[$name]}/ping" \
				| tee "$WORK/$name.$fork.$round.wrk" | awk '/Requests\/sec/ {print $2}')
			echo "$fork $name $rps" >> "$WORK/results"
			echo "fork $fork round $round $name $rps" >&2
		done
	done
	for name in shipping-on ingest-down; do
		INGEST_STATE[$name]+="fork $fork: $(curl -fs "http://127.0.0.1:${PORT[$name]}/actuator/fluxtail" \
			| python3 -c 'import json, sys; i = json.load(sys.stdin)["ingest"]; print({k: i[k] for k in ("sent", "retries", "dropped", "queued")})')"$'\n'
	done
	stop_apps
done

echo "variant median_req_s runs ratio_vs_shipping_off per_fork_ratio_median"
off=$(awk '$2 == "shipping-off" {print $3}' "$WORK/results" | median)
for name in "${names[@]}"; do
	runs=$(awk -v n="$name" '$2 == n {print $3}' "$WORK/results" | sort -g | paste -sd' ')
	median=$(awk -v n="$name" '$2 == n {print $3}' "$WORK/results" | median)
	echo "$name $median [$runs] $(awk -v m="$median" -v o="$off" 'BEGIN {printf "%.3f", m / o}')" \
		"$(fork_ratio_median "$name" shipping-off < "$WORK/results")"
done
for name in shipping-on ingest-down; do
	printf '%s ingest state:\n%s' "$name" "${INGEST_STATE[$name]}"
done
