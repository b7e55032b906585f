#!/usr/bin/env bash
# The output queue and the ingest before and after they shared one batching worker, side by side in
# one run: each benchmark runs on the "before" jar, then on the "after" jar, then the next.
#   caller cost: AsyncOutputBenchmark (ns per log call, appender=fluxtail) and
#                IngestCallerBenchmark (console lines per second with shipping on)
#   throughput:  BatchWorkerThroughputBenchmark (items per second drained, output and ingest)
#
# Usage (from the repository root; hold the Maven lock for the whole run):
#   build each jar with: mvn -B -q -o -Pbenchmarks -pl benchmarks -am package -Dmaven.test.skip=true
#   (the "before" jar: a checkout of the earlier commit with BatchWorkerThroughputBenchmark.java and
#   StartedEncoders.java copied in)
#   flock /tmp/fluxtail-maven.lock benchmarks/batch-worker/run.sh BEFORE.jar AFTER.jar [forks]
set -euo pipefail

BEFORE=$1
AFTER=$2
FORKS=${3:-3}
OUT=$(mktemp -d /tmp/fluxtail-batch-worker.XXXXXX)
JMH=(-f "$FORKS" -wi 3 -w 1s -i 5 -r 1s -foe true)

run() {
	local name=$1 jar=$2
	shift 2
	echo "== $name: $*"
	java -jar "$jar" "$@" "${JMH[@]}" -rf json -rff "$OUT/$name.json" > "$OUT/$name.log"
	grep -E '^(Benchmark|[A-Za-z]+Benchmark\.)' "$OUT/$name.log" | grep -v ':p0\.' || true
}

for bench in "AsyncOutputBenchmark -p appender=fluxtail" "IngestCallerBenchmark -p shipping=on" \
		"BatchWorkerThroughputBenchmark"; do
	# shellcheck disable=SC2086
	set -- $bench
	run "before-$1" "$BEFORE" "$@"
	run "after-$1" "$AFTER" "$@"
done
echo "results in $OUT"
