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
