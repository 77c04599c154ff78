# Sourced by deploy/local/run and bench/run: sets JAVA_HOME to a JDK 25 or later, or stops with what is missing.
# JAVA25_HOME, else a /usr/lib/jvm/temurin-25*, else the java on the PATH if it is 25 or later.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
jdk=""
if [ -n "${JAVA25_HOME:-}" ]; then
  [ -x "$JAVA25_HOME/bin/java" ] || { echo "JAVA25_HOME=$JAVA25_HOME has no bin/java" >&2; exit 1; }
  [ "$(java_major "$JAVA25_HOME")" -ge 25 ] 2>/dev/null \
    || { echo "JAVA25_HOME=$JAVA25_HOME is JDK $(java_major "$JAVA25_HOME"): the local stack needs 25 or later" >&2; exit 1; }
  jdk="$JAVA25_HOME"
else
  for candidate in /usr/lib/jvm/temurin-25*; do
    [ -x "$candidate/bin/java" ] && { jdk="$candidate"; break; }
  done
  if [ -z "$jdk" ] && command -v java >/dev/null; then
    on_path="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    [ "$(java_major "$on_path")" -ge 25 ] 2>/dev/null && jdk="$on_path"
  fi
fi
if [ -z "$jdk" ] || [ "$(java_major "$jdk")" -lt 25 ] 2>/dev/null; then
  echo "The local stack needs JDK 25 or later, and none was found: set JAVA25_HOME to one, or install Temurin 25" >&2
  echo "(/usr/lib/jvm/temurin-25-jdk-amd64), or put a java 25 first on the PATH. java on the PATH: $(java -version 2>&1 | head -n 1)" >&2
  exit 1
fi
export JAVA_HOME="$jdk"
