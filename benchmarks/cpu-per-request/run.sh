#!/usr/bin/env bash
# What logging costs a request, as the sample app's CPU time per request (issue 25): for every
# variant, the app process's CPU (all its threads: request threads, output writer, shipper; not the
# load generator, not the OTLP receiver) over a measured window, from utime + stime of
# /proc/<pid>/stat, divided by the requests completed in that window. The cost of a variant is its
# CPU per request minus starter-off's in the same round, and its ratio is that cost over
# boot-one-line's (Boot's plain pattern line) in the same round: unlike a saturated-throughput ratio,
# this does not move with what wrk, the writer thread and the receiver take from the two cores.
#
# Usage (from the repository root; hold the machine's build lock for the whole run):
#   flock /tmp/fluxtail-maven.lock mvn -B -q -o -Pbenchmarks -pl sample-app,benchmarks -am package -DskipTests
#   flock /tmp/fluxtail-maven.lock benchmarks/cpu-per-request/run.sh [rounds] [seconds] [connections]
# Environment:
#   VARIANTS="starter-sync debug5-off ..."  a subset (starter-off and boot-one-line are always run:
#                                           every cost and ratio is taken against them)
#   MODES="saturated fixed"                 either or both load modes (default both)
#   FIXED_RATE="3000 6000"                  the offered load(s) of the fixed mode in requests/s
#   FIXED_SHARE=0.25                        without FIXED_RATE: that share of starter-off's
#                                           saturated rate at the end of its warm-up. Half (0.5)
#                                           is not below saturation here: the generator's own CPU
#                                           shares the 2 cores, and on 2026-12-07 three of eight
#                                           variants fell short of it, with p50 up to 1 s.
#   FIXED_SECONDS, FIXED_CONNECTIONS        length and connections of a fixed-load window (default
#                                           the saturated window's length, 16)
#   WARMUP_SECONDS=40                       load on each JVM before it is measured
#   BEFORE_JAR=<jar>                        also run every starter variant from another build's
#                                           sample-app jar, as before:<name>, in the same rounds
#   KEEP_LOGS=1                             keep the work directory with every JVM's stdout
#
# Load modes, each measured once per variant per round:
#   saturated  wrk -t1 -c<connections> for <seconds>: CPU per request at full load.
#   fixed      io.fluxtail.benchmarks.FixedRateLoad (benchmarks.jar): an open-loop load at a fixed
#              rate below saturation, latency measured from each request's scheduled send time (a
#              stall is not hidden); CPU per request, p50/p99. A window that falls more than 5%
#              short of its rate, or has an error, fails: it is left out and counted.
# After each window the script waits until the app is idle (what it queued is written or shipped)
# before it reads the CPU time, so a queue's backlog is charged to the window that filled it.
#
# Every variant is its own fresh JVM (same flags as the other scripts), all started together and
# kept for the whole run: the rotation of the order each round needs them all alive, and a fresh
# set of JVMs per round would need the warm-up again each round (8 variants x 60 s). An idle JVM
# costs the measured one little: its few timer wakes are not counted in the measured process.
# The warm-up is printed as a curve (CPU per request per 10 s window), so every run shows whether
# it was long enough.
set -euo pipefail
# shellcheck source=../apps.sh
source "$(dirname "$0")/../apps.sh"

ROUNDS=${1:-3}
SECONDS_PER_RUN=${2:-10}
CONNECTIONS=${3:-32}
# The warm-up curve of every variant (two full runs on 2026-12-07) fell from 320..1100 us in the
# first 10 s to within the window-to-window noise (+-10%) from the third window on: 40 s leaves
# one window of margin.
WARMUP_SECONDS=${WARMUP_SECONDS:-40}
WARMUP_WINDOW=10
MODES=${MODES:-saturated fixed}
FIXED_SECONDS=${FIXED_SECONDS:-$SECONDS_PER_RUN}
FIXED_CONNECTIONS=${FIXED_CONNECTIONS:-16}
FIXED_SHARE=${FIXED_SHARE:-0.25}
JAVA_OPTS=(-Xms512m -Xmx512m -XX:+UseParallelGC)
# Threads whose CPU and wakes are reported apart: the queue-backed output's writer, the shipper.
WRITER_THREADS=(fluxtail-output fluxtail-ingest)

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
WORK=$(mktemp -d /tmp/fluxtail-cpu.XXXXXX)
RESULTS="$WORK/results"
COMMAND="$0 $*"
for setting in BEFORE_JAR VARIANTS MODES FIXED_RATE FIXED_SHARE FIXED_SECONDS FIXED_CONNECTIONS WARMUP_SECONDS; do
	[[ -n ${!setting:-} ]] && COMMAND="$setting=\"${!setting}\" $COMMAND"
done
STARTED=$(date -u '+%Y-%m-%d %H:%M')
STARTED_S=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
HZ=$(getconf CLK_TCK)

require_wrk
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
	if [[ -n ${KEEP_LOGS:-} ]]; then
		echo "logs kept in $WORK" >&2
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

SINK_PORT=$(free_port)
# name|path|sample app arguments. Costs are over starter-off (no starter, /ping logs nothing);
# boot-one-line, Boot's plain pattern line per request, is the reference (ratio 1.00).
# debug5-*: GET /ping/debug writes 5 DEBUG lines with arguments (off by default) and a completion line.
ALL_VARIANTS=(
	"starter-off|/ping|--fluxtail.enabled=false"
	"boot-one-line|/ping|--fluxtail.enabled=false --logging.level.checkout.ping=DEBUG"
	"boot-structured|/ping|--fluxtail.enabled=false --logging.level.checkout.ping=DEBUG --logging.structured.format.console=logstash"
	"starter-sync|/ping|"
	"starter-async|/ping|--fluxtail.output.async=true"
	"starter-ship|/ping|--fluxtail.ingest.url=http://127.0.0.1:$SINK_PORT/v1/logs"
	"debug5-off|/ping/debug|"
	"debug5-on-error|/ping/debug|--fluxtail.debug-on-error.enabled=true"
)
declare -A PATH_OF ARGS_OF
names=()
for variant in "${ALL_VARIANTS[@]}"; do
	IFS='|' read -r name path args <<< "$variant"
	PATH_OF[$name]=$path
	ARGS_OF[$name]=$args
done
for name in starter-off boot-one-line ${VARIANTS:-$(printf '%s\n' "${ALL_VARIANTS[@]}" | cut -d'|' -f1)}; do
	[[ -n ${PATH_OF[$name]+x} ]] || { echo "unknown variant $name" >&2; exit 1; }
	[[ " ${names[*]} " == *" $name "* ]] || names+=("$name")
done

# BEFORE_JAR: each starter variant also runs from another build's sample-app jar, as before:<name>,
# in the same rounds, so that a change is measured before and after in one run.
declare -A JAR_OF
if [[ -n ${BEFORE_JAR:-} ]]; then
	[[ -f $BEFORE_JAR ]] || { echo "missing $BEFORE_JAR" >&2; exit 1; }
	for name in "${names[@]}"; do
		case $name in
			starter-off | boot-*) ;;
			*)
				names+=("before:$name")
				PATH_OF[before:$name]=${PATH_OF[$name]}
				ARGS_OF[before:$name]=${ARGS_OF[$name]}
				JAR_OF[before:$name]=$BEFORE_JAR
				;;
		esac
	done
fi

if [[ " ${names[*]} " == *" starter-ship "* ]]; then
	java -Xmx128m -cp "$BENCH_JAR" io.fluxtail.ingest.OtlpSink "$SINK_PORT" > "$WORK/sink.log" 2>&1 &
	SINK_PID=$!
fi
for name in "${names[@]}"; do
	port=$(free_port)
	PORT[$name]=$port
	# shellcheck disable=SC2086
	java "${JAVA_OPTS[@]}" -jar "${JAR_OF[$name]:-$JAR}" --server.address=127.0.0.1 --server.port="$port" ${ARGS_OF[$name]} \
		> "$WORK/$name.log" 2>&1 &
	PID[$name]=$!
done
declare -A SERVED STATE
for name in "${names[@]}"; do
	await_app "$name" "${PORT[$name]}" "$WORK/$name.log"
	SERVED[$name]=1
done

url() {
	echo "http://127.0.0.1:${PORT[$1]}${PATH_OF[$1]}"
}

# Prints "ticks wakes " of each writer thread of a variant, in WRITER_THREADS order.
writer_state() {
	local thread
	for thread in "${WRITER_THREADS[@]}"; do
		printf '%s ' "$(thread_cpu_wakes "${PID[$1]}" "$thread")"
	done
}

# Prints "<thread> <CPU µs per request> <wakes per request>" for each writer thread that ran
# between two writer_state readings.
writer_figures() {
	local -a before after
	read -ra before <<< "$1"
	read -ra after <<< "$2"
	local requests=$3 i
	for i in "${!WRITER_THREADS[@]}"; do
		local ticks=$((after[2 * i] - before[2 * i])) wakes=$((after[2 * i + 1] - before[2 * i + 1]))
		((ticks + wakes > 0)) || continue
		awk -v t="${WRITER_THREADS[$i]}" -v c="$ticks" -v w="$wakes" -v n="$requests" -v hz="$HZ" \
			'BEGIN { printf "%s %.2f %.4f\n", t, c * 1e6 / hz / n, w / n }'
	done
}

# Prints the value of a key in FixedRateLoad's "key=value ..." line.
load_figure() {
	tr ' ' '\n' <<< "$2" | awk -F= -v k="$1" '$1 == k { print $2 }'
}

# Measures one window of a variant in a mode (saturated, or fixed:<rate>) and appends
# "round variant mode ok requests cpu_us_per_request req/s p50_ms p99_ms" to RESULTS, and the
# writer threads' figures to WRITERS. The CPU time is read once the app is idle again.
measure() {
	local round=$1 name=$2 mode=$3 seconds=${4:-$SECONDS_PER_RUN}
	local pid=${PID[$name]} ok=1 out before after writers_before requests rps p50 p99
	writers_before=$(writer_state "$name")
	before=$(proc_cpu_ticks "$pid")
	if [[ $mode == saturated ]]; then
		out=$(wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --latency "$(url "$name")")
		if grep -q "Non-2xx\|Socket errors" <<< "$out"; then
			echo "$name round $round: wrk reported $(grep "Non-2xx\|Socket errors" <<< "$out" | tr -s ' ')" >&2
			ok=0
		fi
		requests=$(awk '/requests in/ { print $1 }' <<< "$out")
		rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<< "$out")
		# wrk prints latencies as 812.00us, 1.23ms or 1.02s
		read -r p50 p99 < <(awk '
			function ms(v) { return (v ~ /us$/) ? v / 1000 : (v ~ /ms$/) ? v + 0 : v * 1000 }
			$1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } END { printf "%.3f %.3f\n", p50, p99 }' <<< "$out")
	else
		out=$(java -Xmx256m -cp "$BENCH_JAR" io.fluxtail.benchmarks.FixedRateLoad "$(url "$name")" "${mode#fixed:}" \
			"$FIXED_SECONDS" "$FIXED_CONNECTIONS") || ok=0
		((ok)) || echo "$name round $round at ${mode#fixed:} req/s failed: $out" >&2
		requests=$(load_figure completed "$out")
		rps=$(load_figure achieved_rate "$out")
		p50=$(awk -v v="$(load_figure p50_us "$out")" 'BEGIN { printf "%.3f", v / 1000 }')
		p99=$(awk -v v="$(load_figure p99_us "$out")" 'BEGIN { printf "%.3f", v / 1000 }')
		# each connection's unmeasured first request
		SERVED[$name]=$((SERVED[$name] + FIXED_CONNECTIONS))
	fi
	await_idle "$pid"
	after=$(proc_cpu_ticks "$pid")
	requests=${requests:-0}
	((requests > 0)) || ok=0
	SERVED[$name]=$((SERVED[$name] + requests))
	echo "$round $name $mode $ok $requests $(awk -v c=$((after - before)) -v n="$requests" -v hz="$HZ" \
		'BEGIN { printf "%.2f", n ? c * 1e6 / hz / n : 0 }') ${rps:-0} ${p50:-0} ${p99:-0}" >> "$RESULTS"
	if ((requests > 0)); then
		writer_figures "$writers_before" "$(writer_state "$name")" "$requests" \
			| sed "s/^/$round $name $mode /" >> "$WRITERS"
	fi
}

WRITERS="$WORK/writers"
touch "$RESULTS" "$WRITERS"

# Warm-up in windows, each measured like a round's: the curve of CPU per request shows whether it
# was long enough.
for name in "${names[@]}"; do
	for window in $(seq 1 $((WARMUP_SECONDS / WARMUP_WINDOW))); do
		measure "warmup-$window" "$name" saturated "$WARMUP_WINDOW"
	done
	echo "warm-up $name, CPU us/request per ${WARMUP_WINDOW}s window:" \
		"$(awk -v n="$name" '$2 == n && $1 ~ /^warmup/ { printf "%s ", $6 }' "$RESULTS")" >&2
done

mode_list=()
for mode in $MODES; do
	case $mode in
		saturated) mode_list+=(saturated) ;;
		fixed)
			if [[ -z ${FIXED_RATE:-} ]]; then
				FIXED_RATE=$(awk -v s="$FIXED_SHARE" '$2 == "starter-off" && $1 ~ /^warmup/ { r = $7 }
					END { printf "%d", int(r * s / 100) * 100 }' "$RESULTS")
				echo "fixed load: $FIXED_SHARE of starter-off's last warm-up window, $FIXED_RATE req/s" >&2
			fi
			for rate in $FIXED_RATE; do mode_list+=("fixed:$rate"); done
			;;
		*) echo "unknown mode $mode" >&2; exit 1 ;;
	esac
done

count=${#names[@]}
for round in $(seq 1 "$ROUNDS"); do
	for i in $(seq 0 $((count - 1))); do
		name=${names[$(((i + round) % count))]}
		for mode in "${mode_list[@]}"; do
			measure "$round" "$name" "$mode"
			echo "round $round $name $mode: $(tail -1 "$RESULTS" | cut -d' ' -f4-)" \
				"(ok requests cpu_us/request req/s p50_ms p99_ms)" >&2
		done
	done
done

# The per-round figures of a variant in a mode, one per round where the windows needed succeeded:
# cpu, rps, p50, p99; cost (over starter-off), ratio (cost over boot-one-line's cost), cpu_ratio
# and p99_ratio (over a base variant, default starter-off).
per_round() {
	awk -v m="$1" -v v="$2" -v f="$3" -v b="${4:-starter-off}" -v ref=boot-one-line '
		$1 ~ /^[0-9]+$/ && $3 == m && $4 == 1 { cpu[$2, $1] = $6; rps[$2, $1] = $7; p50[$2, $1] = $8; p99[$2, $1] = $9; rounds[$1] }
		END {
			for (r in rounds) {
				if (!((v, r) in cpu)) continue
				if (f == "cpu") print cpu[v, r]
				if (f == "rps") print rps[v, r]
				if (f == "p50") print p50[v, r]
				if (f == "p99") print p99[v, r]
				if (!((b, r) in cpu)) continue
				if (f == "cost") print cpu[v, r] - cpu[b, r]
				if (f == "cpu_ratio") print cpu[v, r] / cpu[b, r]
				if (f == "p99_ratio") print p99[v, r] / p99[b, r]
				if (f == "ratio" && ((ref, r) in cpu) && cpu[ref, r] != cpu[b, r])
					print (cpu[v, r] - cpu[b, r]) / (cpu[ref, r] - cpu[b, r])
			}
		}' "$RESULTS"
}

# One column of the writer figures of a variant's thread in a mode, one line per round.
writer_rounds() {
	awk -v n="$1" -v m="$2" -v t="$3" -v c="$4" '$1 ~ /^[0-9]+$/ && $2 == n && $3 == m && $4 == t { print $c }' "$WRITERS"
}

rounds_ok() {
	awk -v m="$1" -v v="$2" '$1 ~ /^[0-9]+$/ && $3 == m && $2 == v { n++; ok += $4 } END { printf "%d/%d", ok, n }' "$RESULTS"
}

for name in "${names[@]}"; do
	STATE[$name]=$(curl -fs "http://127.0.0.1:${PORT[$name]}/actuator/fluxtail" | python3 -c '
import json, sys
try:
	d = json.load(sys.stdin)
except ValueError:
	sys.exit("-")
if not d.get("installed"):
	sys.exit("starter off")
out = d.get("output") or {}
parts = ["output %s, dropped %s" % (out.get("mode"), out.get("dropped"))]
ingest = d.get("ingest") or {}
if ingest.get("active"):
	parts.append("ingest sent %s, undelivered %s, dropped %s" % (ingest.get("sent"), ingest.get("undelivered"),
		{k: v for k, v in (ingest.get("dropped") or {}).items() if v}))
debug = d.get("debug") or {}
if debug.get("onError"):
	parts.append("debug-on-error " + ", ".join("%s %s" % (k, debug.get(k))
		for k in ("unitsFlushed", "linesFlushed", "linesDiscarded", "linesLeftOut")))
print("; ".join(parts))' 2>&1 || true)
done
stop_apps
FINISHED_S=$(date +%s)

echo
echo "## App CPU per request, $STARTED UTC"
echo
echo "Command: \`$COMMAND\`"
echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(java -version 2>&1 | head -1)," \
	"load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg); wall time $(((FINISHED_S - STARTED_S) / 60)) min $(((FINISHED_S - STARTED_S) % 60)) s."
echo "Each variant one JVM (${JAVA_OPTS[*]}), warmed ${WARMUP_SECONDS}s with wrk; $ROUNDS rounds, order rotated;" \
	"figures: median (min..max) over rounds; cost = CPU/request minus starter-off's in the same round;" \
	"ratio = cost over boot-one-line's cost in the same round."
for mode in "${mode_list[@]}"; do
	echo
	if [[ $mode == saturated ]]; then
		echo "Saturated: wrk -t1 -c$CONNECTIONS, ${SECONDS_PER_RUN}s windows."
		echo
		echo "| variant | path | CPU µs/request | cost over starter-off, µs | ratio to boot-one-line | req/s | rounds |"
		echo "|---|---|---:|---:|---:|---:|---:|"
	else
		echo "Fixed offered load: ${mode#fixed:} req/s (FixedRateLoad, $FIXED_CONNECTIONS connections, ${FIXED_SECONDS}s windows," \
			"latency from the scheduled send; a round fails below 95% of the rate)."
		echo
		echo "| variant | path | CPU µs/request | cost over starter-off, µs | ratio to boot-one-line | achieved req/s | p50 ms | p99 ms | p99 vs starter-off | rounds |"
		echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
	fi
	for name in "${names[@]}"; do
		row="| $name | ${PATH_OF[$name]} | $(per_round "$mode" "$name" cpu | median_spread) | $(per_round "$mode" "$name" cost | median_spread)"
		row+=" | $(per_round "$mode" "$name" ratio | median_spread %.2f) | $(per_round "$mode" "$name" rps | median | xargs printf '%.0f')"
		if [[ $mode != saturated ]]; then
			row+=" | $(per_round "$mode" "$name" p50 | median) | $(per_round "$mode" "$name" p99 | median)"
			row+=" | $(per_round "$mode" "$name" p99_ratio | median_spread %.2f)"
		fi
		echo "$row | $(rounds_ok "$mode" "$name") |"
	done
done
if [[ " ${names[*]} " == *" debug5-off "* && " ${names[*]} " == *" debug5-on-error "* ]]; then
	echo
	for mode in "${mode_list[@]}"; do
		echo "debug5-on-error over debug5-off, CPU per request ($mode): $(per_round "$mode" debug5-on-error cpu_ratio debug5-off | median_spread %.3f)"
	done
fi
if [[ -s $WRITERS ]]; then
	echo
	echo "Writer threads (their share of the CPU above; a wake is one return from blocking):"
	echo
	echo "| variant | load | thread | CPU µs/request | wakes/request | requests per wake |"
	echo "|---|---|---|---:|---:|---:|"
	awk '$1 ~ /^[0-9]+$/ { print $2, $3, $4 }' "$WRITERS" | sort -u | while read -r name mode thread; do
		echo "| $name | $mode | $thread | $(writer_rounds "$name" "$mode" "$thread" 5 | median_spread %.2f)" \
			"| $(writer_rounds "$name" "$mode" "$thread" 6 | median_spread %.3f)" \
			"| $(writer_rounds "$name" "$mode" "$thread" 6 | awk '$1 > 0 { print 1 / $1 }' | median_spread %.1f) |"
	done
fi
echo
echo "Log lines written (sanity): requests counted by the clients, lines in the JVM's stdout."
echo
echo "| variant | requests | lines | completion lines | Boot 'ping answered' lines | /ping/debug DEBUG lines | starter's state at the end |"
echo "|---|---:|---:|---:|---:|---:|---|"
for name in "${names[@]}"; do
	log="$WORK/$name.log"
	echo "| $name | ${SERVED[$name]} | $(wc -l < "$log") | $(grep -c 'request completed' "$log" || true)" \
		"| $(grep -c 'ping answered' "$log" || true)" \
		"| $(grep -cE 'looking up order|in cache region|discount rules|is [0-9]+ cents|ping for order' "$log" || true) | ${STATE[$name]} |"
done
