#!/usr/bin/env bash
# One bcrypt check at costs 10, 11 and 12, on this machine. Usage: bench/password-hash.sh [checks per cost]
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
"$java" -cp "$(cat target/classpath.txt)" bench/PasswordHashCost.java "${1:-20}"
