#!/bin/sh
# The CDK app as cdk.json starts it: the compiled stack on the classpath Maven wrote to
# target/classpath.txt. Java: $JAVA_HOME/bin/java if JAVA_HOME is set, else java on the PATH (17+).
set -eu
cd "$(dirname "$0")"
if [ ! -f target/classes/io/psa/infra/PsaApp.class ] || [ ! -f target/classpath.txt ]; then
  echo "psa infra: the CDK app is not built; from the repository root run: ./mvnw -B -DskipTests package" >&2
  exit 1
fi
java=java
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
fi
exec "$java" -cp "target/classes:$(cat target/classpath.txt)" io.psa.infra.PsaApp
