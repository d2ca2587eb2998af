# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm (or $M2MCARE_JVM_DIRS),
# then whatever `java` on PATH belongs to. Nothing is hard-coded to one machine's path.

m2mcare_java_major() {
  # prints the major version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/javac" -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'
  fi
}

m2mcare_find_jdk() {
  local min=21 best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(m2mcare_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for dir in ${M2MCARE_JVM_DIRS:-/usr/lib/jvm /opt/java /usr/local/lib/jvm}; do
    [ -d "$dir" ] || continue
    for candidate in "$dir"/*; do
      [ -L "$candidate" ] && continue
      major=$(m2mcare_java_major "$candidate")
      if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
        best="$candidate"; best_major="$major"
      fi
    done
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(m2mcare_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then best="$candidate"; fi
  fi
  [ -n "$best" ] || return 1
  echo "$best"
}

if jdk=$(m2mcare_find_jdk); then
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own libraries still call sun.misc.Unsafe; JDK 24+ warns about it on every build unless allowed.
  if [ "$(m2mcare_java_major "$JAVA_HOME")" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
else
  echo "M2M Care needs a JDK 21 or newer; none found in JAVA_HOME, /usr/lib/jvm or PATH." >&2
  return 1 2>/dev/null || exit 1
fi
unset jdk
