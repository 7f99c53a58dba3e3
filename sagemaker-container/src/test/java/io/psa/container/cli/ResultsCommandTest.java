package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.container.persistence.DatabaseSettings;
import io.psa.container.persistence.PostgresResultWriter;
import io.psa.container.persistence.TestDatabase;
import io.psa.model.Episode;
import io.psa.model.results.InferenceResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code psa results} against a real PostgreSQL ({@link TestDatabase}), in a schema of its own. */
class ResultsCommandTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  @RegisterExtension final TestDatabase db = TestDatabase.perTest();

  private static InferenceResult result(String id, String asset, int minute, double score, boolean anomaly) {
    return new InferenceResult(id, asset, "default", "v7", T0.plusSeconds(60L * minute), 0, 9_990,
        1000, 3, score, anomaly, 0.995, new double[] {0.1, score, 0.2}, "api", 2.5, false,
        anomaly ? List.of(new Episode(3_000, 6_500, 4, score, 5_000, List.of("pressure", "force"),
            List.of("pressure.ptp"), false, false), new Episode(8_000, 9_990, 2, 0.9, 9_000,
            List.of("pressure"), List.of("pressure.mean"), true, false)) : List.of());
  }

  private void store(InferenceResult... results) throws Exception {
    try (PostgresResultWriter w = new PostgresResultWriter(
        DatabaseSettings.of(TestDatabase.url()).withSchema(db.schema))) {
      w.write(List.of(results));
    }
  }

  private Cli.Result results(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "results";
    all[1] = "--db";
    all[2] = TestDatabase.url();
    all[3] = "--schema";
    all[4] = db.schema;
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }

  @Test
  void lists_anomalous_results_first_then_the_newest_with_the_counts() throws Exception {
    store(result("old-alarm", "press-07", 1, 0.999, true), result("quiet", "press-07", 2, 0.40, false),
        result("newest", "pump-02", 3, 0.55, false));

    Cli.Result r = results();

    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("3 results (1 anomalous) in " + TestDatabase.url()
        + ", schema " + db.schema + "; anomalous first, then newest:");
    assertThat(lines.get(1)).startsWith("received (UTC)").contains("request_id", "score", "anomaly");
    assertThat(lines.subList(2, 5)).satisfiesExactly(
        l -> assertThat(l).startsWith("2026-11-29 10:01:00.000  old-alarm")
            .contains("press-07", "0.9990", "YES", " pressure,force ", "default v7"),
        l -> assertThat(l).startsWith("2026-11-29 10:03:00.000  newest")
            .contains("pump-02", "0.5500", "no", " - ", "default v7"),
        l -> assertThat(l).startsWith("2026-11-29 10:02:00.000  quiet"));
  }

  @Test
  void filters_by_asset_and_time_and_limits_the_rows_but_not_the_counts() throws Exception {
    store(result("row-a1", "press-07", 1, 0.1, false), result("row-a2", "press-07", 2, 0.2, false),
        result("row-a3", "press-07", 3, 0.3, false), result("row-b1", "pump-02", 2, 0.9, true));

    Cli.Result r = results("--asset", "press-07", "--since", "2026-11-29T10:02", "--limit", "1");

    assertThat(r.out().lines().toList()).hasSize(3);
    assertThat(r.out()).startsWith("2 matching results (0 anomalous) in ")
        .contains("; the first 1, anomalous first, then newest:", "row-a3")
        .doesNotContain("row-a2", "row-a1", "row-b1");
    Cli.Result until = results("--until", "2026-11-29T10:02:00Z", "--json");
    assertThat(until.out().lines().toList()).hasSize(1);
  }

  @Test
  void json_lines_carry_every_stored_field_and_the_episodes() throws Exception {
    store(result("j1", null, 1, 0.25, false), result("j2", "press-07", 2, 0.999, true));

    List<String> lines = results("--json").out().lines().toList();
    JsonNode alarm = new ObjectMapper().readTree(lines.get(0));
    JsonNode row = new ObjectMapper().readTree(lines.get(1));

    assertThat(alarm.get("request_id").asText()).isEqualTo("j2");
    assertThat(alarm.at("/episodes/0/channels").toString()).isEqualTo("[\"pressure\",\"force\"]");
    assertThat(alarm.at("/episodes/0/start_ts_ms").asLong()).isEqualTo(3_000);
    assertThat(alarm.at("/episodes/1/open").asBoolean()).isTrue();
    assertThat(row.get("episodes")).isEmpty();
    assertThat(row.get("sample_count").asInt()).isEqualTo(1000);

    assertThat(row.get("request_id").asText()).isEqualTo("j1");
    assertThat(row.get("asset_id").isNull()).isTrue();
    assertThat(row.get("received_at").asText()).isEqualTo("2026-11-29T10:01:00Z");
    assertThat(row.get("anomaly_score").asDouble()).isEqualTo(0.25);
    assertThat(row.get("threshold").asDouble()).isEqualTo(0.995);
    assertThat(row.get("model_version").asText()).isEqualTo("v7");
    assertThat(row.get("window_scores").toString()).isEqualTo("[0.1,0.25,0.2]");
  }

  @Test
  void an_empty_database_says_that_nothing_is_stored_yet() {
    Cli.Result r = results();

    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("no results stored in " + TestDatabase.url() + ", schema "
        + db.schema + System.lineSeparator());
  }
}
