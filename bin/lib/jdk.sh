# Sourced by the project's scripts: finds a JDK 25 or newer and exports JAVA_HOME.
# Order: JAVA_HOME when it is 25+, then `java` on PATH when 25+, then /usr/lib/jvm/*25*.

architect_java_major() {
  # Prints the feature version of the java binary $1 (17, 25, ...), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

architect_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(architect_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then return 0; fi
  fi
  if candidate=$(command -v java 2>/dev/null); then
    candidate=$(readlink -f "$candidate")
    major=$(architect_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ -x "$(dirname "$candidate")/javac" ]; then
      JAVA_HOME=$(dirname "$(dirname "$candidate")"); export JAVA_HOME; return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ]; then
      major=$(architect_java_major "$candidate/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 25 ]; then
        JAVA_HOME=$candidate; export JAVA_HOME; return 0
      fi
    fi
  done
  echo "architect: no JDK 25 found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*25*); install one, e.g. Temurin 25 (apt package temurin-25-jdk), or set JAVA_HOME" >&2
  return 1
}
