package io.psa.container.persistence;

import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * The results schema was migrated by scripts that differ from this build's (a script changed
 * after it was applied, or one applied that this build does not have). Unlike an outage it does
 * not pass by itself: an operator repairs the schema history or points psa at a fresh schema;
 * until then answers are kept in the spill journal, none is lost.
 */
public final class SchemaMismatchException extends IllegalStateException {

  SchemaMismatchException(String schema, FlywayValidateException cause) {
    super("schema " + schema + " was migrated by scripts that differ from this build's ("
        + details(cause.getMessage()) + "); repair its flyway_schema_history (flyway repair) or"
        + " set PSA_DB_SCHEMA to a new schema", cause);
  }

  /** Flyway's findings on one line, without its header and advice. */
  static String details(String message) {
    if (message == null) {
      return "no details";
    }
    StringBuilder out = new StringBuilder();
    for (String line : message.lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("Validate failed")) {
        continue;
      }
      if (line.startsWith("Either ") || line.startsWith("Need more")) {
        break;
      }
      out.append(out.isEmpty() ? "" : " ").append(line.replaceAll("\\s+", " "));
    }
    return out.isEmpty() ? message.strip().lines().findFirst().orElse("no details") : out.toString();
  }
}
