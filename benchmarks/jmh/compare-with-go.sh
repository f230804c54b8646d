#!/usr/bin/env bash
# The in-memory server benchmarks of this project (JMH) next to Go fasthttp's own
# (server_timing_test.go, from Debian's fasthttp package), both pinned to CPU 0, alternated
# round by round; the table goes into BENCHMARKS.md.
#
#   benchmarks/jmh/compare-with-go.sh [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/lib.sh
alternate_with_go benchmarks/jmh/target "${1:-2}" 'kServerGet|kServerPost' \
  dev.fasthttp.benchmarks.jmh.GoComparison 'ServerBenchmark'
