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
