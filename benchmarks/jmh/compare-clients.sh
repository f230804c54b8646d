#!/usr/bin/env bash
# The client benchmarks of this project (JMH, with platform- and virtual-thread callers), of the
# JDK's and Apache's clients in the same harness, and Go fasthttp's own (client_timing_test.go,
# from Debian's fasthttp package, with its net/http peers), all pinned to CPU 0, alternated round
# by round; the table goes into BENCHMARKS.md.
#
#   benchmarks/jmh/compare-clients.sh [rounds, default 2]
#
# An iteration that has not ended after two minutes is interrupted (-to), so that a hang costs one
# cell rather than the run (1,000 virtual-thread callers once hung on the client pool's lock).
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/lib.sh

# Each round also measures the in-memory variants as Go does, wall time over all requests of
# virtual-thread callers, without JMH's harness around them (see ParallelCallers).
each_round() {
  echo "round $2: ParallelCallers"
  taskset -c 0 "$3" -Xms512m -Xmx512m -XX:AutoBoxCacheMax=65536 -cp benchmarks/target/benchmarks.jar \
    dev.fasthttp.benchmarks.ParallelCallers 1 10 100 1000 > "$1/wall-$2.txt"
}

alternate_with_go benchmarks/jmh/target/clients "${1:-2}" 'kClient(Do|GetEndToEnd)|HTTPClient(Do|GetEndToEnd)|PipelineClient' \
  dev.fasthttp.benchmarks.jmh.ClientComparison \
  '\.(ClientBenchmark|ClientVirtualThreadsBenchmark|JdkClientBenchmark|ApacheClientBenchmark)\.' -to 120s
