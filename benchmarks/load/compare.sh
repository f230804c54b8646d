#!/usr/bin/env bash
# Load comparison on one machine: each server pinned to CPU 0 (one core, JVMs told so), wrk
# pinned to CPU 1, loopback only, servers measured in interleaved rounds, median reported.
#
#   benchmarks/load/compare.sh [rounds] [seconds]
#
# Needs: wrk, taskset, curl, a JDK 21+ (found like the build does), and the jars
# (mvn -pl samples/hello-core,benchmarks -am -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${1:-3}
SECONDS_PER_RUN=${2:-8}
CONNECTIONS=${CONNECTIONS:-50}
PORT=18090

java_home() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "no JDK 21+ found" >&2; exit 1
}
JAVA="$(java_home)/bin/java"
JVM_OPTS=(-XX:ActiveProcessorCount=1 -Xms256m -Xmx256m)

declare -A START
START[fasthttp]="$JAVA ${JVM_OPTS[*]} -jar samples/hello-core/target/hello-core.jar"
START[jdk-platform]="env EXECUTOR=platform $JAVA ${JVM_OPTS[*]} -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.peers.JdkHelloServer"
START[jdk-virtual]="env EXECUTOR=virtual $JAVA ${JVM_OPTS[*]} -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.peers.JdkHelloServer"
SERVERS=(${SERVERS:-fasthttp jdk-platform jdk-virtual})

results=$(mktemp)
trap 'rm -f "$results"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT

for round in $(seq 1 "$ROUNDS"); do
  for server in "${SERVERS[@]}"; do
    PORT=$PORT taskset -c 0 ${START[$server]} >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/plaintext" >/dev/null && break; sleep 0.1; done
    taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$PORT/plaintext" >/dev/null   # warm-up
    out=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "http://127.0.0.1:$PORT/plaintext")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
    echo "$server $round $rps $p50 $p99 ${errors:-none}" | tee -a "$results" >&2
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  done
done

echo
echo "wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s, $ROUNDS interleaved rounds, median; server on CPU 0, wrk on CPU 1"
echo
echo "| server | requests/s (median) | p50 | p99 | ratio to fasthttp |"
echo "| --- | --- | --- | --- | --- |"
base=$(awk '$1 == "fasthttp" {print $3}' "$results" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
for server in "${SERVERS[@]}"; do
  awk -v s="$server" '$1 == s' "$results" | sort -k3 -n | awk -v base="$base" -v s="$server" '
    {rps[NR]=$3; p50[NR]=$4; p99[NR]=$5}
    END {m=int((NR+1)/2); printf "| %s | %.0f | %s | %s | %.2f |\n", s, rps[m], p50[m], p99[m], rps[m]/base}'
done
