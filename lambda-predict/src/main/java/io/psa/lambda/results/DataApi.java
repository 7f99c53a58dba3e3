package io.psa.lambda.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/**
 * Where an Aurora cluster is reached through the RDS Data API (HTTPS, no VPC, no driver): the
 * cluster and secret ARNs and the database name, plus how plain values become Data API
 * parameters and fields become values.
 *
 * @param clusterArn {@code PSA_DB_CLUSTER_ARN}
 * @param secretArn {@code PSA_DB_SECRET_ARN}, the credentials in Secrets Manager
 * @param database {@code PSA_DB_NAME}
 */
public record DataApi(String clusterArn, String secretArn, String database) {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  /** The parameters {@code names[i] = values[i]}, plain values as {@link #parameter} takes them. */
  static List<SqlParameter> parameters(List<String> names, Object[] values) {
    List<SqlParameter> set = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      set.add(parameter(names.get(i), values[i]));
    }
    return set;
  }

  /** A named parameter of a plain value (as {@link io.psa.results.postgres.ResultRow#values}). */
  static SqlParameter parameter(String name, Object value) {
    SqlParameter.Builder p = SqlParameter.builder().name(name);
    return switch (value) {
      case null -> p.value(Field.builder().isNull(true).build()).build();
      case String s -> p.value(Field.fromStringValue(s)).build();
      case Long l -> p.value(Field.fromLongValue(l)).build();
      case Integer n -> p.value(Field.fromLongValue(n.longValue())).build();
      case Double d -> p.value(Field.fromDoubleValue(d)).build();
      case Boolean b -> p.value(Field.fromBooleanValue(b)).build();
      // timestamps travel as text with a type hint; TIMESTAMPTZ reads them as UTC
      case Instant t -> p.value(Field.fromStringValue(TIMESTAMP.format(t))).typeHint(TypeHint.TIMESTAMP).build();
      case double[] a -> p.value(Field.fromStringValue(arrayLiteral(a))).build();
      case String[] a -> p.value(Field.fromStringValue(arrayLiteral(a))).build();
      default -> throw new IllegalArgumentException("no Data API parameter for " + value.getClass());
    };
  }

  /** A PostgreSQL array literal, {@code {0.1,0.2}}; the SQL casts it (the Data API has no array parameters). */
  static String arrayLiteral(double[] a) {
    StringBuilder b = new StringBuilder(a.length * 20 + 2).append('{');
    for (int i = 0; i < a.length; i++) {
      b.append(i == 0 ? "" : ",").append(Double.isFinite(a[i]) ? Double.toString(a[i]) : "NaN");
    }
    return b.append('}').toString();
  }

  /** A PostgreSQL text array literal, {@code {"a","b c"}}, every element quoted and escaped. */
  static String arrayLiteral(String[] a) {
    StringBuilder b = new StringBuilder().append('{');
    for (int i = 0; i < a.length; i++) {
      b.append(i == 0 ? "\"" : ",\"")
          .append(a[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }

  /** A field as String, Long, Double, Boolean or null. */
  static Object value(Field f) {
    if (Boolean.TRUE.equals(f.isNull())) {
      return null;
    }
    return switch (f.type()) {
      case STRING_VALUE -> f.stringValue();
      case LONG_VALUE -> f.longValue();
      case DOUBLE_VALUE -> f.doubleValue();
      case BOOLEAN_VALUE -> f.booleanValue();
      default -> String.valueOf(f);
    };
  }
}
