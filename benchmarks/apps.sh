# shellcheck shell=bash
# Helpers shared by the wrk benchmark scripts; sourced, not run.

# Prints a free TCP port on loopback.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits up to 60 s until the app on a port answers GET /ping; otherwise prints the end of its log
# and exits the script.
await_app() {
	local name=$1 port=$2 log=$3
	for _ in $(seq 1 120); do
		curl -fs -o /dev/null "http://127.0.0.1:$port/ping" && return 0
		sleep 0.5
	done
	echo "$name did not start; its log:" >&2
	tail -20 "$log" >&2
	exit 1
}

# Stops every app whose process id is in the associative array PID (name -> pid), and forgets them.
stop_apps() {
	for name in "${!PID[@]}"; do
		kill "${PID[$name]}" 2> /dev/null || true
	done
	for name in "${!PID[@]}"; do
		wait "${PID[$name]}" 2> /dev/null || true
		unset "PID[$name]"
	done
}

# Prints the median of the numbers on standard input, one per line: the mean of the two middle
# ones for an even count.
median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Reads "fork variant req/s" lines on standard input and prints, for one variant against a
# baseline, the median over forks of its mean req/s in a fork over the baseline's in the same fork:
# each fork compares JVMs started and measured together.
fork_ratio_median() {
	awk -v v="$1" -v b="$2" '
		$2 == v { sv[$1] += $3; nv[$1]++ }
		$2 == b { sb[$1] += $3; nb[$1]++ }
		END { for (f in sv) if (nb[f]) printf "%.3f\n", (sv[f] / nv[f]) / (sb[f] / nb[f]) }' | median
}

# Installs wrk from the distribution's packages when it is missing.
require_wrk() {
	if ! command -v wrk > /dev/null; then
		echo "wrk not found: installing it from the distribution's packages" >&2
		apt-get update -qq && apt-get install -y -qq wrk > /dev/null
	fi
}

# Prints the CPU time of a process, all its threads (live and ended) in user and kernel mode, in
# clock ticks (getconf CLK_TCK a second): utime + stime of /proc/<pid>/stat, read after the command
# name, which may hold spaces.
proc_cpu_ticks() {
	awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

# Prints "ticks wakes" summed over the live threads of a process that carry a name (their comm,
# 15 characters at most): CPU time as proc_cpu_ticks counts it, and how often they blocked
# (voluntary context switches), each block of a writer thread being one wake to come.
thread_cpu_wakes() {
	local pid=$1 name=$2 ticks=0 wakes=0 task
	for task in /proc/"$pid"/task/*; do
		[[ $(cat "$task/comm" 2> /dev/null) == "$name" ]] || continue
		ticks=$((ticks + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$task/stat")))
		wakes=$((wakes + $(awk '$1 == "voluntary_ctxt_switches:" { print $2 }' "$task/status")))
	done
	echo "$ticks $wakes"
}

# Waits until a process has used at most one clock tick of CPU in half a second (what a window of
# load left queued is written or shipped by then), 10 s at most.
await_idle() {
	local before after
	after=$(proc_cpu_ticks "$1")
	for _ in $(seq 1 20); do
		before=$after
		sleep 0.5
		after=$(proc_cpu_ticks "$1")
		((after - before <= 1)) && return 0
	done
	echo "process $1 still busy after 10 s" >&2
}

# Prints the median of the numbers on standard input and their spread, "median (min..max)", each
# with a printf format (default %.1f); "-" when there are none.
median_spread() {
	sort -g | awk -v f="${1:-%.1f}" '{ v[NR] = $1 }
		END {
			if (!NR) { print "-"; exit }
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf f " (" f ".." f ")\n", m, v[1], v[NR] }'
}
