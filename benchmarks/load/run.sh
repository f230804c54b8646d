#!/usr/bin/env bash
# Load comparison against peers, on one machine with at least 2 cores:
#   each server pinned to CPU 0, wrk pinned to CPU 1, interleaved rounds, medians,
#   report written into BENCHMARKS.md with a chart in benchmarks/load/results/.
#
#   benchmarks/load/run.sh                        # all servers, all scenarios, 3 rounds (about 25 minutes)
#   benchmarks/load/run.sh --rounds 1 --duration 3 --servers fasthttp-java,go-fasthttp
#   benchmarks/load/run.sh --report-only          # rewrite the report from the last raw figures
#
#   benchmarks/load/run.sh --typed-route          # one route, GET .../users/42 as JSON (about 20 minutes): the starter's
#                                                 # typed and raw routes, Spring MVC, WebFlux, and the typed route with
#                                                 # the sample's observations on; its own section of BENCHMARKS.md
#                                                 # (--rounds, --duration, ... as above; --servers picks contenders)
#
# Installs what is missing with apt (wrk, Go, Debian's fasthttp sources), builds the servers,
# then hands over to dev.fasthttp.benchmarks.load.LoadComparison.
set -euo pipefail
cd "$(dirname "$0")/../.."

. benchmarks/lib.sh
command -v wrk >/dev/null || apt_install wrk
command -v taskset >/dev/null || apt_install util-linux
typed_route=$([[ " $* " == *" --typed-route "* ]] && echo yes || true)
[ -n "$typed_route" ] || require_go_fasthttp
JAVA="$(java_home)/bin/java"

if [[ " $* " != *" --report-only "* ]]; then
  if [ -n "$typed_route" ]; then
    # Only the Spring servers: the starter's sample and the two peers.
    mvn -q -B -DskipTests package -am \
      -pl samples/hello-spring,benchmarks,benchmarks/peers/spring-mvc-hello,benchmarks/peers/spring-webflux-hello
  else
    mvn -q -B -DskipTests package -am \
      -pl samples/hello-core,samples/hello-spring,benchmarks,benchmarks/peers/spring-mvc-hello,benchmarks/peers/spring-webflux-hello
    mkdir -p benchmarks/load/target
    GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$PWD/benchmarks/load/target/gocache" \
      go build -o benchmarks/load/target/go-fasthttp-hello benchmarks/load/go/hello.go
  fi
fi

exec taskset -c 1 "$JAVA" -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.load.LoadComparison "$@"
