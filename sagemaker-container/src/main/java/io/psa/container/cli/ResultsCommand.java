package io.psa.container.cli;

import io.psa.container.persistence.DatabaseSettings;
import io.psa.container.persistence.EmbeddedDatabase;
import io.psa.container.persistence.EmbeddedDatabaseException;
import io.psa.container.persistence.ResultLines;
import io.psa.container.persistence.ResultReader;
import io.psa.model.Episode;
import io.psa.container.persistence.StorageChoice;
import io.psa.model.results.InferenceResult;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code psa results}: what {@code psa serve} stored, anomalous results first. */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lists stored results (table inference_results): anomalous ones first, then the newest,"
          + " with their scores, the channels that drove their alarm episodes, and how many"
          + " matched. --json prints each whole, episodes included.",
      "",
      "Reads where psa serve writes: the embedded PostgreSQL in ~/.psa/postgres ($PSA_HOME) by"
          + " default (the running server's, or started for the query when no server runs),"
          + " or PSA_DB_URL, or --db URL. The schema: PSA_DB_SCHEMA (default psa)."
    },
    footer = {
      "",
      "Examples:",
      "  psa results",
      "  psa results --asset press-07 --since 2h",
      "  psa results --since 2026-11-29 --until 2026-11-30T06:00 --limit 100 --json"
    })
public final class ResultsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(names = "--asset", paramLabel = "ID", description = "Only this asset_id.")
  String asset;

  @Option(names = "--since", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Only results received since then: 2h (ago), 2026-11-29, 2026-11-29T10:00 (UTC).")
  Instant since;

  @Option(names = "--until", paramLabel = "TIME", converter = TimeConverter.class,
      description = "Only results received before then (same forms as --since).")
  Instant until;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
      description = "Most results listed (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "One JSON object per line instead of a table.")
  boolean json;

  @Option(names = "--db", paramLabel = "WHERE",
      description = "embedded or a jdbc:postgresql: URL (default: PSA_DB_URL if set, else embedded).")
  String db;

  @Option(names = "--schema", paramLabel = "NAME", defaultValue = "${env:PSA_DB_SCHEMA:-psa}",
      description = "The schema that holds inference_results (default: ${DEFAULT-VALUE}).")
  String schema;

  @Override
  public Integer call() throws SQLException {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit: must be >= 1, got " + limit);
    }
    Map<String, String> env = System.getenv();
    StorageChoice choice = choice(env);
    PrintWriter out = spec.commandLine().getOut();
    if (choice.kind() == StorageChoice.Kind.EMBEDDED && !EmbeddedDatabase.exists(choice.directory())) {
      out.println("no results stored yet: " + choice.describe() + " does not exist"
          + " (psa serve creates it on its first start)");
      out.flush();
      return 0;
    }
    ResultReader.Filter filter = new ResultReader.Filter(asset, since, until, limit);
    ResultReader.Listing listing;
    try (EmbeddedDatabase embedded = embedded(choice)) {
      String url = embedded != null ? embedded.jdbcUrl() : choice.jdbcUrl();
      DatabaseSettings settings = settings(choice, url, env);
      listing = ResultReader.read(settings, filter);
    }
    print(out, choice, listing);
    return 0;
  }

  private StorageChoice choice(Map<String, String> env) {
    try {
      StorageChoice c = StorageChoice.resolve(db, env);
      if (c.kind() == StorageChoice.Kind.NONE) {
        throw new ParameterException(spec.commandLine(), (db != null ? "--db" : "PSA_DB")
            + " is none: there is no database to read; use --db embedded or a URL");
      }
      return c;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private DatabaseSettings settings(StorageChoice choice, String url, Map<String, String> env) {
    try {
      return choice.settings(url, env).withSchema(schema);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--schema: " + e.getMessage());
    }
  }

  /** The running server's database when psa serve has it open, else one started for this query. */
  private EmbeddedDatabase embedded(StorageChoice choice) {
    if (choice.kind() != StorageChoice.Kind.EMBEDDED) {
      return null;
    }
    Optional<EmbeddedDatabase> running = EmbeddedDatabase.running(choice.directory());
    if (running.isPresent()) {
      return running.get();
    }
    try {
      return EmbeddedDatabase.start(choice.directory());
    } catch (EmbeddedDatabaseException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void print(PrintWriter out, StorageChoice choice, ResultReader.Listing l) {
    if (json) {
      l.rows().forEach(r -> out.println(ResultLines.line(r)));
      out.flush();
      return;
    }
    String filtered = asset != null || since != null || until != null ? " matching" : "";
    if (!l.stored() || l.matched() == 0) {
      out.printf("no%s results stored in %s, schema %s%n", filtered, choice.describe(), schema);
      out.flush();
      return;
    }
    out.printf("%d%s results (%d anomalous) in %s, schema %s; %s:%n", l.matched(), filtered,
        l.anomalous(), choice.describe(), schema, l.rows().size() < l.matched()
            ? "the first " + l.rows().size() + ", anomalous first, then newest" : "anomalous first, then newest");
    out.printf("%-23s  %-36s  %-12s  %7s  %9s  %-7s  %7s  %8s  %-20s  %s%n", "received (UTC)",
        "request_id", "asset", "score", "threshold", "anomaly", "windows", "ms", "channels", "model");
    for (InferenceResult r : l.rows()) {
      out.printf(Locale.ROOT, "%-23s  %-36s  %-12s  %7.4f  %9.4f  %-7s  %7d  %8.2f  %-20s  %s %s%n",
          TIME.format(r.receivedAt()), r.requestId(), r.assetId() == null ? "-" : r.assetId(),
          r.anomalyScore(), r.threshold(), r.isAnomaly() ? "YES" : "no", r.windowCount(),
          r.latencyMs(), channels(r), r.modelName(), r.modelVersion());
    }
    out.flush();
  }

  /** The channels that drove the result's alarm episodes, or "-" when it named none. */
  private static String channels(InferenceResult r) {
    Set<String> channels = new LinkedHashSet<>();
    for (Episode e : r.episodes()) {
      channels.addAll(e.channels());
    }
    return channels.isEmpty() ? "-" : String.join(",", channels);
  }
}
