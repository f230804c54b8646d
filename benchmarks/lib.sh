# Shared by the benchmark scripts: installing what is missing, and finding a JDK 21+.

sudo_if_needed=$([ "$(id -u)" = 0 ] || echo sudo)

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  $sudo_if_needed apt-get install -y -qq "$@" >/dev/null \
    || { $sudo_if_needed apt-get update -qq && $sudo_if_needed apt-get install -y -qq "$@" >/dev/null; }
}

# Go and Debian's fasthttp sources: the Go peer and Go's own benchmarks are built from them.
require_go_fasthttp() {
  command -v taskset >/dev/null || apt_install util-linux
  command -v go >/dev/null || apt_install golang-go
  [ -d /usr/share/gocode/src/github.com/valyala/fasthttp ] || apt_install golang-github-valyala-fasthttp-dev
}

# A JDK 21+, found the way the build finds one: JAVA_HOME first, then /usr/lib/jvm.
java_home() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "no JDK 21+ found (set JAVA_HOME)" >&2
  exit 1
}

# Go fasthttp's own benchmarks (from Debian's package) and the JMH benchmarks mirroring them,
# alternated round by round, each pinned to CPU 0 (Go with GOMAXPROCS=1); then a generator turns
# the raw outputs in <dir> into its table in BENCHMARKS.md. A caller that defines a function
# each_round gets it called after JMH in every round, with <dir>, the round and the java command.
#   alternate_with_go <dir> <rounds> <go -bench pattern> <generator class> <JMH arguments...>
alternate_with_go() {
  local out=$1 rounds=$2 go_pattern=$3 generator=$4 java round
  shift 4
  require_go_fasthttp
  java="$(java_home)/bin/java"
  mkdir -p "$out"
  rm -f "$out"/go-*.txt "$out"/jmh-*.csv "$out"/wall-*.txt
  mvn -q -B -pl benchmarks -am -DskipTests package
  for round in $(seq 1 "$rounds"); do
    echo "round $round: Go"
    (cd /usr/share/gocode/src/github.com/valyala/fasthttp \
      && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$OLDPWD/$out/gocache" GOMAXPROCS=1 \
         taskset -c 0 go test -run XXX -bench "$go_pattern" -benchmem) > "$out/go-$round.txt"
    echo "round $round: JMH"
    taskset -c 0 "$java" -jar benchmarks/target/benchmarks.jar "$@" -prof gc \
      -rf csv -rff "$out/jmh-$round.csv" > "$out/jmh-$round.log"
    if declare -F each_round > /dev/null; then
      each_round "$out" "$round" "$java"
    fi
  done
  "$java" -cp benchmarks/target/benchmarks.jar "$generator" "$out" BENCHMARKS.md
}
