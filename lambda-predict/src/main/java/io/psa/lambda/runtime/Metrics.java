package io.psa.lambda.runtime;

import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.exception.DimensionSetExceededException;
import software.amazon.cloudwatchlogs.emf.exception.InvalidDimensionException;
import software.amazon.cloudwatchlogs.emf.exception.InvalidMetricException;
import software.amazon.cloudwatchlogs.emf.exception.InvalidNamespaceException;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * CloudWatch metrics in the embedded metric format (one JSON log line per invocation, turned into
 * metrics by CloudWatch with no API call): {@code Requests}, {@code Errors} by {@code ErrorCode},
 * {@code ScoringTime} (ms), {@code WindowsScored}, {@code Anomalies}; and for S3 files {@code Rows}.
 * Namespace {@code PSA_METRICS_NAMESPACE} [psa], dimension {@code Function}.
 */
public final class Metrics {
  private final String namespace;
  private final String function;

  public Metrics(String namespace, String function) {
    this.namespace = namespace;
    this.function = function;
  }

  public static Metrics fromEnv(Env env, String function) {
    return new Metrics(env.get("PSA_METRICS_NAMESPACE", "psa"), function);
  }

  /** One invocation's figures, written by {@link Invocation#flush}. */
  public Invocation start() {
    return new Invocation();
  }

  /** Figures of one invocation. */
  public final class Invocation {
    private final MetricsLogger logger = new MetricsLogger(new LambdaEnvironment());
    private String errorCode;

    Invocation() {
      try {
        logger.setNamespace(namespace);
        logger.setDimensions(DimensionSet.of("Function", function));
        logger.putMetric("Requests", 1, Unit.COUNT);
      } catch (InvalidNamespaceException | InvalidDimensionException | InvalidMetricException
          | DimensionSetExceededException e) {
        throw new IllegalArgumentException("bad metric settings: " + e.getMessage(), e);
      }
    }

    public Invocation put(String name, double value, Unit unit) {
      try {
        logger.putMetric(name, value, unit);
      } catch (InvalidMetricException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      return this;
    }

    /** Marks the invocation as failed with an API error code (one per invocation). */
    public Invocation error(String code) {
      this.errorCode = code;
      return this;
    }

    /** Writes the line, and for a failure one more with {@code Errors} by {@code ErrorCode}. */
    public void flush() {
      logger.flush();
      if (errorCode != null) {
        MetricsLogger errors = new MetricsLogger(new LambdaEnvironment());
        try {
          errors.setNamespace(namespace);
          errors.setDimensions(DimensionSet.of("Function", function, "ErrorCode", errorCode));
          errors.putMetric("Errors", 1, Unit.COUNT);
        } catch (InvalidNamespaceException | InvalidDimensionException | InvalidMetricException
            | DimensionSetExceededException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
        errors.flush();
      }
    }
  }
}
