#!/usr/bin/env bash
# The in-memory server benchmarks of this project (JMH) next to Go fasthttp's own
# (server_timing_test.go, from Debian's fasthttp package), both pinned to CPU 0, alternated
# round by round; the table goes into BENCHMARKS.md.
#
#   benchmarks/jmh/compare-with-go.sh [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/../.."
. benchmarks/lib.sh
require_go_fasthttp
JAVA="$(java_home)/bin/java"
ROUNDS=${1:-2}
OUT=benchmarks/jmh/target
mkdir -p "$OUT"
rm -f "$OUT"/go-*.txt "$OUT"/jmh-*.csv

mvn -q -B -pl benchmarks -am -DskipTests package
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round: Go fasthttp"
  (cd /usr/share/gocode/src/github.com/valyala/fasthttp \
    && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$OLDPWD/$OUT/gocache" GOMAXPROCS=1 \
       taskset -c 0 go test -run XXX -bench 'kServerGet|kServerPost' -benchmem) > "$OUT/go-$round.txt"
  echo "round $round: JMH"
  taskset -c 0 "$JAVA" -jar benchmarks/target/benchmarks.jar 'ServerBenchmark' -prof gc \
    -rf csv -rff "$OUT/jmh-$round.csv" > "$OUT/jmh-$round.log"
done
"$JAVA" -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.jmh.GoComparison "$OUT" BENCHMARKS.md
