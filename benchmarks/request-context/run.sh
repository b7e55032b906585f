#!/usr/bin/env bash
# Throughput and latency of the sample app's trivial GET /ping with the starter (synchronous and
# queue-backed output), without it, and with Spring Boot's own per-request lines, measured
# alternately in one run, on loopback only.
#
# Usage (from the repository root, after building the jar):
#   cpu-lock mvn -B -q -o -pl sample-app -am package -DskipTests
#   FORKS=3 cpu-lock benchmarks/request-context/run.sh [rounds] [seconds] [connections]
# BASELINE_JAR=<another build of the sample app> adds the variant baseline-sync: that jar with its
# defaults, to compare two builds in one run.
#
# Every variant runs as its own JVM (same flags); each round measures every variant once, in
# rotating order, so drift (JIT, GC, the other builds on the machine) hits all of them alike.
# FORKS=N (default 1) repeats start, warm-up and rounds with N fresh sets of JVMs and takes the
# medians over all of them: on a shared VM one JVM of a build can cost half again as much CPU per
# request as the next, so one JVM per variant decides a whole run's ratios by luck.
# Application log lines go to a file, as they would in production, and are counted at the end.
set -euo pipefail
# shellcheck source=../apps.sh
source "$(dirname "$0")/../apps.sh"

ROUNDS=${1:-5}
SECONDS_PER_RUN=${2:-10}
CONNECTIONS=${3:-32}
# Each JVM gets this much load before it is measured. A shorter warm-up measures the JIT: after 15 s
# the sample app runs at half its steady speed (benchmarks/warmup-curve.sh).
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
FORKS=${FORKS:-1}
THREADS=1
JAVA_OPTS=(-Xms512m -Xmx512m -XX:+UseParallelGC)

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
WORK=$(mktemp -d /tmp/fluxtail-bench.XXXXXX)

if ! command -v wrk > /dev/null; then
	echo "wrk not found: installing it from the distribution's packages" >&2
	apt-get update -qq && apt-get install -y -qq wrk > /dev/null
fi
if [[ ! -f "$JAR" ]]; then
	echo "missing $JAR: build it first (see the header of this script)" >&2
	exit 1
fi

# name|extra arguments
# boot-one-line is the reference for "one synchronous log line per request": plain Spring Boot
# (the starter off) whose /ping writes one line with Boot's default pattern encoder.
# boot-access-log is the anchor for a per-request line: Tomcat's access log (buffered by default).
VARIANTS=(
	"starter-sync|"
	"starter-async|--fluxtail.output.async=true"
	"starter-off|--fluxtail.enabled=false"
	"context-no-completion|--fluxtail.request.completion.enabled=false"
	"boot-one-line|--fluxtail.enabled=false --logging.level.checkout.ping=DEBUG"
	"boot-access-log|--fluxtail.enabled=false --server.tomcat.accesslog.enabled=true --server.tomcat.basedir=$WORK/tomcat"
)
if [[ -n "${BASELINE_JAR:-}" ]]; then
	VARIANTS+=("baseline-sync|")
fi

declare -A PORT PID
cleanup() {
	stop_apps
	rm -rf "$WORK"
}
trap cleanup EXIT

start_variants() {
	for variant in "${VARIANTS[@]}"; do
		local name=${variant%%|*} args=${variant#*|} port jar=$JAR
		port=$(free_port)
		PORT[$name]=$port
		if [[ $name == baseline-sync ]]; then
			jar=$BASELINE_JAR
		fi
		# shellcheck disable=SC2086
		java "${JAVA_OPTS[@]}" -jar "$jar" --server.address=127.0.0.1 --server.port="$port" $args \
			>> "$WORK/$name.log" 2>&1 &
		PID[$name]=$!
	done
	for name in "${!PORT[@]}"; do
		await_app "$name" "${PORT[$name]}" "$WORK/$name.log"
	done
}

to_ms() {
	# wrk prints latencies as 812.00us, 1.23ms or 1.02s
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
		else { print v } }'
}

measure() {
	local name=$1 seconds=$2 out
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "http://127.0.0.1:${PORT[$name]}/ping")
	if grep -q "Non-2xx\|Socket errors" <<< "$out"; then
		echo "$name: wrk reported errors" >&2
		echo "$out" >&2
		exit 1
	fi
	local rps p50 p99
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<< "$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$out")")
	echo "$rps $p50 $p99"
}

declare -A RESULTS
for fork in $(seq 1 "$FORKS"); do
	start_variants
	echo "fork $fork: warming up every variant for ${WARMUP_SECONDS}s" >&2
	for variant in "${VARIANTS[@]}"; do
		measure "${variant%%|*}" "$WARMUP_SECONDS" > /dev/null
	done
	for round in $(seq 1 "$ROUNDS"); do
		count=${#VARIANTS[@]}
		for i in $(seq 0 $((count - 1))); do
			variant=${VARIANTS[$(((i + round + fork) % count))]}
			name=${variant%%|*}
			result=$(measure "$name" "$SECONDS_PER_RUN")
			RESULTS[$name]+="$result"$'\n'
			echo "$fork $name ${result%% *}" >> "$WORK/rps"
			echo "fork $fork round $round $name: $result (req/s p50_ms p99_ms)" >&2
		done
	done
	stop_apps
done

echo
echo "GET /ping, ${FORKS} x ${ROUNDS} rounds x ${SECONDS_PER_RUN}s, wrk -t${THREADS} -c${CONNECTIONS}, JVM ${JAVA_OPTS[*]}, $(nproc) cores"
echo
echo "| variant | median req/s | median p50 ms | median p99 ms | req/s vs starter-off | per-fork ratio, median |"
echo "|---|---:|---:|---:|---:|---:|"
off_rps=$(awk 'NF { print $1 }' <<< "${RESULTS[starter-off]}" | median)
for variant in "${VARIANTS[@]}"; do
	name=${variant%%|*}
	rps=$(awk 'NF { print $1 }' <<< "${RESULTS[$name]}" | median)
	p50=$(awk 'NF { print $2 }' <<< "${RESULTS[$name]}" | median)
	p99=$(awk 'NF { print $3 }' <<< "${RESULTS[$name]}" | median)
	ratio=$(awk -v a="$rps" -v b="$off_rps" 'BEGIN { printf "%.3f", a / b }')
	echo "| $name | $rps | $p50 | $p99 | $ratio | $(fork_ratio_median "$name" starter-off < "$WORK/rps") |"
done
echo
for variant in "${VARIANTS[@]}"; do
	name=${variant%%|*}
	echo "$name wrote $(grep -c 'request completed' "$WORK/$name.log" || true) completion lines" \
		"and $(grep -c 'ping answered' "$WORK/$name.log" || true) plain Boot lines"
done
echo "boot-access-log wrote $(cat "$WORK"/tomcat/logs/access_log* 2> /dev/null | wc -l) access log lines"
grep -h '"Log output queue' "$WORK"/*.log | head -5 || true
