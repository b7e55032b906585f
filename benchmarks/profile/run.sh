#!/usr/bin/env bash
# Profiles the sample app under load: wrk on loopback warms it up, then async-profiler samples its
# CPU (1 ms, Java and kernel frames) while wrk keeps going, and the samples are split by part of
# the logging path (shares.py): where a variant's cost goes, measured inside one JVM, where the
# req/s of one JVM moves by more than the costs being compared (docs/benchmarks.md).
#
#   cpu-lock mvn -B -q -o -Pbenchmarks -pl sample-app,benchmarks -am package -DskipTests
#   cpu-lock benchmarks/profile/run.sh NAME [app args...]
#   WARMUP_SECONDS=60 RECORD_SECONDS=20 cpu-lock benchmarks/profile/run.sh starter-async --fluxtail.output.async=true
#
# Leaves the folded stacks in /tmp/fluxtail-profile-NAME.collapsed. async-profiler comes from its
# Maven artifact (tools.profiler:async-profiler), fetched into the local repository when missing.
set -euo pipefail
source "$(dirname "$0")/../apps.sh"

NAME=$1
shift
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
RECORD_SECONDS=${RECORD_SECONDS:-20}
CONNECTIONS=${CONNECTIONS:-32}
PROFILER_VERSION=4.1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
OUT=/tmp/fluxtail-profile-$NAME.collapsed
WORK=$(mktemp -d /tmp/fluxtail-profile.XXXXXX)

case "$(uname -m)" in
	x86_64) ARCH=linux-x64 ;;
	aarch64) ARCH=linux-arm64 ;;
	*) echo "async-profiler has no library for $(uname -m)" >&2; exit 1 ;;
esac
PROFILER_JAR=$HOME/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION.jar
if [[ ! -f $PROFILER_JAR ]]; then
	mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$PROFILER_VERSION
fi
unzip -q -o "$PROFILER_JAR" "$ARCH/*" -d "$WORK"
LIBRARY=$WORK/$ARCH/libasyncProfiler.so

declare -A PID
trap 'stop_apps; rm -rf "$WORK"' EXIT
port=$(free_port)
java -Xms512m -Xmx512m -XX:+UseParallelGC -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
	-jar "$JAR" --server.address=127.0.0.1 --server.port="$port" "$@" > "$WORK/app.log" 2>&1 &
PID[$NAME]=$!
await_app "$NAME" "$port" "$WORK/app.log"

wrk -t1 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "http://127.0.0.1:$port/ping" > /dev/null
# jcmd hands the agent everything between the escaped quotes as one option string
jcmd "${PID[$NAME]}" JVMTI.agent_load "$LIBRARY" "\"start,event=cpu,interval=1000000,threads\"" > /dev/null
rps=$(wrk -t1 -c"$CONNECTIONS" -d"${RECORD_SECONDS}s" "http://127.0.0.1:$port/ping" | awk '/^Requests\/sec:/ { print $2 }')
jcmd "${PID[$NAME]}" JVMTI.agent_load "$LIBRARY" "\"stop,collapsed,file=$OUT\"" > /dev/null

echo "$NAME: $rps req/s while sampled (${WARMUP_SECONDS} s warm-up, ${RECORD_SECONDS} s sampled, wrk -t1 -c$CONNECTIONS), app args: $*"
python3 "$(dirname "$0")/shares.py" "$OUT"
