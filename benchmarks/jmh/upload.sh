#!/usr/bin/env bash
# Streamed uploads (UploadBenchmark): this project's streaming route and Netty's HttpServerCodec,
# each fed by a raw socket client that allocates nothing and by the JDK's HttpClient, bodies of
# 1, 64 and 1,024 MiB over loopback, every count checked; JMH with -prof gc, pinned to CPU 0, for
# the time and the bytes allocated per upload. The tables go into BENCHMARKS.md.
#
#   benchmarks/jmh/upload.sh [rounds, default 2]
#
# Any JMH argument after the rounds is passed on (e.g. -p sizeMiB=1,64 for a shorter run).
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/lib.sh

rounds=${1:-2}
shift $(( $# > 0 ? 1 : 0 ))
out=benchmarks/jmh/target/upload
java="$(java_home)/bin/java"
command -v taskset >/dev/null || apt_install util-linux
mkdir -p "$out"
rm -f "$out"/jmh-*.csv "$out"/jmh-*.log
mvn -q -B -pl benchmarks -am -DskipTests package

{
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, shared with other work (load average $(cut -d' ' -f1-3 /proc/loadavg) at the start)"
  echo "JVM: $("$java" -version 2>&1 | head -1)"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "command: \`taskset -c 0 java -jar benchmarks/target/benchmarks.jar 'upload.UploadBenchmark' -prof gc -foe true$( (( $# )) && printf ' %s' "$@")\` ($rounds rounds; JMH: 3 warm-up and 5 measured iterations of 2 s unless the arguments say otherwise, one fork, \`-Xms512m -Xmx512m -XX:AutoBoxCacheMax=65536\`)"
} > "$out/environment.txt"

for round in $(seq 1 "$rounds"); do
  echo "round $round: UploadBenchmark"
  taskset -c 0 "$java" -jar benchmarks/target/benchmarks.jar 'upload.UploadBenchmark' -prof gc -foe true "$@" \
    -rf csv -rff "$out/jmh-$round.csv" > "$out/jmh-$round.log"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/environment.txt"
"$java" -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.jmh.UploadReport "$out" BENCHMARKS.md
