#!/usr/bin/env bash
# How long the sample app needs under load before its throughput stops moving: one fresh JVM with
# the given arguments, wrk in back-to-back windows, and after each window the JIT's work so far
# (jstat -compiler: methods compiled, seconds spent compiling). Used to choose WARMUP_SECONDS of
# the wrk benchmarks; loopback only, bounded by the window count.
#
# Usage (from the repository root, sample app built as in request-context/run.sh):
#   cpu-lock benchmarks/warmup-curve.sh [windows] [seconds] -- [sample app arguments]
# e.g. with an OTLP sink first: java -cp benchmarks/target/benchmarks.jar io.fluxtail.ingest.OtlpSink 19555 &
#   cpu-lock benchmarks/warmup-curve.sh 18 5 -- --fluxtail.ingest.url=http://127.0.0.1:19555/v1/logs
set -euo pipefail
# shellcheck source=apps.sh
source "$(dirname "$0")/apps.sh"

WINDOWS=${1:-18}
SECONDS_PER_WINDOW=${2:-5}
shift 2 || true
[[ ${1:-} == -- ]] && shift

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR="$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
LOG=$(mktemp /tmp/fluxtail-warmup.XXXXXX)
PORT=$(free_port)

java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" "$@" \
	> "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2> /dev/null || true; wait $APP 2> /dev/null || true; rm -f "$LOG"' EXIT
await_app sample-app "$PORT" "$LOG"

echo "| after s | req/s | methods compiled | seconds compiling |"
echo "|---:|---:|---:|---:|"
for window in $(seq 1 "$WINDOWS"); do
	rps=$(wrk -t1 -c32 -d"${SECONDS_PER_WINDOW}s" "http://127.0.0.1:$PORT/ping" | awk '/Requests\/sec/ { print $2 }')
	read -r compiled seconds < <(jstat -compiler "$APP" | awk 'NR == 2 { print $1, $4 }')
	echo "| $((window * SECONDS_PER_WINDOW)) | $rps | $compiled | $seconds |"
done
