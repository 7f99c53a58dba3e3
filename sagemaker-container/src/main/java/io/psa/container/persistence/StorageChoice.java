package io.psa.container.persistence;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code psa serve} keeps results and where {@code psa results} reads them: nowhere, the
 * embedded PostgreSQL in a folder, or a PostgreSQL server.
 *
 * <p>Resolution, first match wins: the {@code --db} option ({@code none}, {@code embedded} or a
 * {@code jdbc:postgresql:} URL); {@code PSA_DB_URL}; {@code PSA_DB} ({@code none} or {@code
 * embedded}: the container image sets {@code none}, so it stays stateless unless {@code PSA_DB_URL}
 * is set); else the embedded database in {@link EmbeddedDatabase#defaultDirectory}.
 *
 * @param kind which of the three
 * @param jdbcUrl the server's URL ({@link Kind#SERVER} only)
 * @param directory the embedded database's folder ({@link Kind#EMBEDDED} only)
 */
public record StorageChoice(Kind kind, String jdbcUrl, Path directory) {

  /** The three places. */
  public enum Kind { NONE, EMBEDDED, SERVER }

  /**
   * @param option the {@code --db} value, or null when not given
   * @param env the process environment
   * @throws IllegalArgumentException naming the option or variable with a value it cannot use
   */
  public static StorageChoice resolve(String option, Map<String, String> env) {
    if (option != null) {
      return parse("--db", option.strip(), env);
    }
    String url = env.get("PSA_DB_URL");
    if (url != null && !url.isBlank()) {
      return parse("PSA_DB_URL", url.strip(), env);
    }
    String mode = env.get("PSA_DB");
    if (mode != null && !mode.isBlank()) {
      return parse("PSA_DB", mode.strip(), env);
    }
    return new StorageChoice(Kind.EMBEDDED, null, EmbeddedDatabase.defaultDirectory(env));
  }

  private static StorageChoice parse(String source, String value, Map<String, String> env) {
    if (value.equalsIgnoreCase("none")) {
      return new StorageChoice(Kind.NONE, null, null);
    }
    if (value.equalsIgnoreCase("embedded")) {
      return new StorageChoice(Kind.EMBEDDED, null, EmbeddedDatabase.defaultDirectory(env));
    }
    if (value.startsWith("jdbc:postgresql:")) {
      return new StorageChoice(Kind.SERVER, value, null);
    }
    String allowed = source.equals("PSA_DB_URL") ? "a jdbc:postgresql: URL"
        : source.equals("PSA_DB") ? "none or embedded" : "none, embedded or a jdbc:postgresql: URL";
    throw new IllegalArgumentException(source + ": expected " + allowed + ", got '" + value + "'");
  }

  /** The database's settings from the environment ({@code PSA_DB_SCHEMA}, ...) for {@code url}. */
  public DatabaseSettings settings(String url, Map<String, String> env) {
    Map<String, String> withUrl = new java.util.HashMap<>(env);
    withUrl.put("PSA_DB_URL", url);
    if (kind == Kind.EMBEDDED && !env.containsKey("PSA_DB_SPILL")) {
      // beside the data, not in whatever folder the server was started from
      withUrl.put("PSA_DB_SPILL", directory.resolveSibling("spill.jsonl").toString());
    }
    return DatabaseSettings.fromEnv(withUrl);
  }

  /** For logs and listings: {@code embedded PostgreSQL in DIR}, the URL without password, or none. */
  public String describe() {
    return switch (kind) {
      case NONE -> "no database";
      case EMBEDDED -> "the embedded PostgreSQL in " + directory;
      case SERVER -> jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    };
  }
}
