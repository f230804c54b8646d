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
alternate_with_go benchmarks/jmh/target/clients "${1:-2}" 'kClient(Do|GetEndToEnd)|HTTPClient(Do|GetEndToEnd)|PipelineClient' \
  dev.fasthttp.benchmarks.jmh.ClientComparison \
  '\.(ClientBenchmark|ClientVirtualThreadsBenchmark|JdkClientBenchmark|ApacheClientBenchmark)\.' -to 120s
