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
