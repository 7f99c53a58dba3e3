#!/bin/sh
# SageMaker starts the image with one argument: `serve` (hosting, Batch Transform) or `train`.
# Maps them to the psa jar; any other arguments are passed to psa as they are (`simulate ...`).
#   serve [opts]  -> psa serve --host 0.0.0.0 --port ${SAGEMAKER_BIND_TO_PORT:-8080} [opts]
#                    (the model: /opt/ml/model when it holds one, else the default model)
#   train [opts]  -> psa train [opts]   (no --data: the SageMaker contract, /opt/ml/input ->
#                    /opt/ml/model, the reason in /opt/ml/output/failure on error)
# JAVA (default: java), PSA_JAR (default: /opt/psa/psa.jar) and JAVA_OPTS can be overridden.
set -eu

JAVA="${JAVA:-java}"
JAR="${PSA_JAR:-/opt/psa/psa.jar}"
command="${1:-serve}"
if [ "$#" -gt 0 ]; then
  shift
fi

# JAVA_OPTS is split into words on purpose: it holds several options
case "$command" in
  serve)
    exec "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" serve \
      --host 0.0.0.0 --port "${SAGEMAKER_BIND_TO_PORT:-8080}" "$@" ;;
  train)
    exec "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" train "$@" ;;
  *)
    exec "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" "$command" "$@" ;;
esac
