#!/usr/bin/env bash
# Load comparison against peers, on one machine with at least 2 cores:
#   each server pinned to CPU 0, wrk pinned to CPU 1, interleaved rounds, medians,
#   report written into BENCHMARKS.md with a chart in benchmarks/load/results/.
#
#   benchmarks/load/run.sh                        # all servers, all scenarios, 3 rounds (about 25 minutes)
#   benchmarks/load/run.sh --rounds 1 --duration 3 --servers fasthttp-java,go-fasthttp
#   benchmarks/load/run.sh --report-only          # rewrite the report from the last raw figures
#
# Installs what is missing with apt (wrk, Go, Debian's fasthttp sources), builds the servers,
# then hands over to dev.fasthttp.benchmarks.load.LoadComparison.
set -euo pipefail
cd "$(dirname "$0")/../.."

sudo=$([ "$(id -u)" = 0 ] || echo sudo)
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq "$@" >/dev/null || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null; }
}
command -v wrk >/dev/null || apt_install wrk
command -v taskset >/dev/null || apt_install util-linux
command -v go >/dev/null || apt_install golang-go
[ -d /usr/share/gocode/src/github.com/valyala/fasthttp ] || apt_install golang-github-valyala-fasthttp-dev

# A JDK 21+, found the way the build finds one: JAVA_HOME first, then /usr/lib/jvm.
java_home() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "no JDK 21+ found (set JAVA_HOME)" >&2; exit 1
}
JAVA="$(java_home)/bin/java"

if [[ " $* " != *" --report-only "* ]]; then
  mvn -q -B -DskipTests package -am \
    -pl samples/hello-core,samples/hello-spring,benchmarks,benchmarks/peers/spring-mvc-hello,benchmarks/peers/spring-webflux-hello
  mkdir -p benchmarks/load/target
  GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$PWD/benchmarks/load/target/gocache" \
    go build -o benchmarks/load/target/go-fasthttp-hello benchmarks/load/go/hello.go
fi

exec taskset -c 1 "$JAVA" -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.load.LoadComparison "$@"
