package io.psa.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.container.persistence.TestDatabase;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import io.psa.lambda.batch.FileLedger;
import io.psa.lambda.batch.SegmentedFileScorer;
import io.psa.lambda.model.ModelLoader;
import io.psa.lambda.runtime.Metrics;
import io.psa.lambda.testing.Lambdas;
import io.psa.lambda.testing.S3Events;
import io.psa.lambda.testing.S3Mock;
import io.psa.model.Prediction;
import io.psa.model.scoring.ModelScorer;
import io.psa.results.postgres.JdbcSession;
import io.psa.results.postgres.Migrations;
import io.psa.results.postgres.Migrator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3BatchHandler on the S3 events of {@code events/}, through the real SDK against S3Mock, with
 * its file rows in the real PostgreSQL.
 */
class S3BatchHandlerTest {
  private static S3Client s3;
  private static ModelScorer model;
  @RegisterExtension final TestDatabase db = TestDatabase.perTest();
  private String bucket;
  private S3BatchHandler handler;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Mock.shared().client();
    model = ModelLoader.load(null, null);
  }

  @BeforeEach
  void each() throws Exception {
    JdbcSession session = new JdbcSession(() -> DriverManager.getConnection(TestDatabase.url()));
    Migrator.migrate(session, db.schema, Migrations.load(getClass().getClassLoader()));
    bucket = S3Mock.shared().bucket(s3);
    handler = new S3BatchHandler(s3, new SegmentedFileScorer(model), new FileLedger(session, db.schema),
        new Metrics("psa", "s3"));
  }

  private byte[] upload(String eventFile, String key, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    return S3Events.forObject(eventFile, bucket, key, bytes.length, put);
  }

  private String text(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
  }

  private boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private long rows(String where) throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT count(*) FROM " + db.schema + ".file_results " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static SensorBatch signal(long ms, long seed, Anomaly... anomalies) {
    return new SensorSimulator(SimulationSpec.of(ms).withSeed(seed).withAnomalies(List.of(anomalies)))
        .generate();
  }

  @Test
  void a_csv_upload_is_scored_window_by_window_as_the_whole_signal_and_once_only() throws Exception {
    SensorBatch batch = signal(600_000, 9, new Anomaly(AnomalyKind.SPIKE, "pressure", 300_000, 4_000));
    String key = "incoming/line-3/press-07/2026-11-29T14:00.csv";
    byte[] event = upload("s3-object-created-csv.json", key, BatchText.csv(batch));

    JsonNode first = Lambdas.invoke(handler, event);
    Prediction whole = model.score(batch, null, "whole");
    List<String> lines = text("results/line-3/press-07/2026-11-29T14:00.csv.jsonl").lines().toList();
    JsonNode summary = Lambdas.JSON.readTree(text("results/line-3/press-07/2026-11-29T14:00.csv.summary.json"));

    assertThat(first.at("/files/0/status").asText()).isEqualTo("scored");
    assertThat(lines).hasSize(whole.windows().size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode w = Lambdas.JSON.readTree(lines.get(i));
      Prediction.Window expected = whole.windows().get(i);
      assertThat(w.path("start_ts_ms").asLong()).isEqualTo(expected.startTsMs());
      assertThat(w.path("end_ts_ms").asLong()).isEqualTo(expected.endTsMs());
      assertThat(w.path("score").asDouble()).isCloseTo(expected.score(), within(1e-9));
      assertThat(w.path("is_anomaly").asBoolean()).isEqualTo(expected.isAnomaly());
      assertThat(w.path("top_channel").isNull()).isEqualTo(!expected.isAnomaly());
      assertThat(w.path("score").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(summary.path("rows").asLong()).isEqualTo(60_000);
    assertThat(summary.path("windows").asLong()).isEqualTo(whole.windows().size());
    assertThat(summary.path("anomalous_windows").asLong())
        .isEqualTo(whole.windows().stream().filter(Prediction.Window::isAnomaly).count()).isPositive();
    JsonNode spike = null; // the episode over the injected pressure spike at 300-304 s
    for (JsonNode e : summary.path("episodes")) {
      if (e.path("start_ts_ms").asLong() <= 306_000 && e.path("end_ts_ms").asLong() >= 300_000) {
        spike = e;
      }
    }
    assertThat(spike).as("%s", summary.path("episodes")).isNotNull();
    assertThat(spike.path("channels").toString()).contains("pressure");
    assertThat(summary.path("episodes")).hasSize(whole.episodes().size());
    assertThat(summary.at("/source/key").asText()).isEqualTo(key);
    assertThat(summary.at("/model/name").asText()).isEqualTo("default");
    assertThat(rows("WHERE status = 'scored' AND rows_read = 60000")).isEqualTo(1);
    // the database keeps the file's episodes, keyed by the object
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery("SELECT request_id, start_ts_ms,"
            + " channels FROM " + db.schema + ".anomaly_episodes ORDER BY ordinal")) {
      int n = 0;
      boolean pressure = false;
      while (rs.next()) {
        assertThat(rs.getString("request_id")).startsWith("s3://").contains(key + "#");
        pressure |= rs.getLong("start_ts_ms") <= 306_000
            && java.util.Arrays.asList((String[]) rs.getArray("channels").getArray()).contains("pressure");
        n++;
      }
      assertThat(n).isEqualTo(whole.episodes().size());
      assertThat(pressure).isTrue();
    }

    String before = text("results/line-3/press-07/2026-11-29T14:00.csv.summary.json");
    JsonNode again = Lambdas.invoke(handler, event);
    assertThat(again.at("/files/0/status").asText()).isEqualTo("skipped");
    assertThat(text("results/line-3/press-07/2026-11-29T14:00.csv.summary.json")).isEqualTo(before);
    assertThat(rows("")).isEqualTo(1);
  }

  @Test
  void a_json_lines_upload_with_a_space_in_its_key_is_scored() throws Exception {
    String key = "incoming/line-3/pump-02 run 2.jsonl";
    byte[] event = upload("s3-object-created-jsonl.json", key, BatchText.jsonLines(signal(120_000, 4)));

    JsonNode r = Lambdas.invoke(handler, event);

    assertThat(r.at("/files/0/status").asText()).isEqualTo("scored");
    assertThat(r.at("/files/0/rows").asLong()).isEqualTo(12_000);
    assertThat(text("results/line-3/pump-02 run 2.jsonl.jsonl").lines()).hasSize((int) r.at("/files/0/windows").asLong());
  }

  @Test
  void a_gap_beyond_max_gap_ms_ends_a_segment_and_is_reported_instead_of_failing_the_file()
      throws Exception {
    SensorBatch before = signal(120_000, 3);
    SensorBatch after = new SensorSimulator(SimulationSpec.of(120_000).withSeed(4)
        .withStartTsMs(180_000)).generate(); // a minute's silence between the two
    String csv = BatchText.csv(before) + BatchText.csv(after).lines().skip(1)
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    byte[] event = upload("s3-object-created-csv.json", "incoming/gappy.csv", csv);

    JsonNode r = Lambdas.invoke(handler, event);
    JsonNode summary = Lambdas.JSON.readTree(text("results/gappy.csv.summary.json"));

    assertThat(r.at("/files/0/status").asText()).isEqualTo("scored");
    assertThat(summary.path("segments").asInt()).isEqualTo(2);
    assertThat(summary.at("/gaps/0/from_ts_ms").asLong()).isEqualTo(119_990);
    assertThat(summary.at("/gaps/0/to_ts_ms").asLong()).isEqualTo(180_000);
    List<String> lines = text("results/gappy.csv.jsonl").lines().toList();
    for (String line : lines) { // no window spans the gap
      JsonNode w = Lambdas.JSON.readTree(line);
      assertThat(w.path("start_ts_ms").asLong() >= 180_000 || w.path("end_ts_ms").asLong() <= 119_990).isTrue();
    }
    assertThat(rows("WHERE segments = 2 AND gaps = 1")).isEqualTo(1);
  }

  @Test
  void a_bad_file_moves_to_failed_with_an_error_naming_line_and_field_and_the_good_one_is_scored()
      throws Exception {
    String csv = BatchText.csv(signal(60_000, 5));
    List<String> lines = new java.util.ArrayList<>(csv.lines().toList());
    lines.set(56, lines.get(56).replaceFirst(",[^,]*,", ",high,")); // line 57: record 55, pressure
    byte[] bad = upload("s3-object-created-csv.json", "incoming/bad.csv", String.join("\n", lines) + "\n");
    byte[] good = upload("s3-object-created-csv.json", "incoming/good.csv", csv);

    JsonNode r = Lambdas.invoke(handler, S3Events.merge(bad, good));
    JsonNode error = Lambdas.JSON.readTree(text("failed/bad.csv.error.json"));

    assertThat(r.at("/files/0/status").asText()).isEqualTo("failed");
    assertThat(r.at("/files/1/status").asText()).isEqualTo("scored");
    assertThat(error.at("/error/code").asText()).isEqualTo("invalid_value");
    assertThat(error.at("/error/field").asText()).isEqualTo("sensor_batch[55].pressure");
    assertThat(error.at("/error/line").asLong()).isEqualTo(57);
    assertThat(error.at("/error/record").asLong()).isEqualTo(55);
    assertThat(text("failed/bad.csv")).isEqualTo(String.join("\n", lines) + "\n");
    assertThat(exists("incoming/bad.csv")).isFalse();
    assertThat(exists("results/bad.csv.jsonl")).isFalse();
    assertThat(rows("WHERE status = 'failed' AND error_line = 57 AND error_field = 'sensor_batch[55].pressure'")).isEqualTo(1);
    assertThat(Lambdas.invoke(handler, bad).at("/files/0/status").asText()).isEqualTo("skipped");
  }

  @Test
  void a_rule_broken_across_records_names_the_line_found_by_reading_the_file_again() throws Exception {
    String csv = BatchText.csv(signal(60_000, 6));
    List<String> lines = new java.util.ArrayList<>(csv.lines().toList());
    lines.add(3, ""); // a blank line: record 300 now stands on line 303
    String body = String.join("\n", lines).replaceFirst("\n3000,", "\n2990,") + "\n";
    byte[] event = upload("s3-object-created-csv.json", "incoming/unordered.csv", body);

    Lambdas.invoke(handler, event);
    JsonNode error = Lambdas.JSON.readTree(text("failed/unordered.csv.error.json"));

    assertThat(error.at("/error/code").asText()).isEqualTo("not_increasing");
    assertThat(error.at("/error/record").asLong()).isEqualTo(300);
    assertThat(error.at("/error/line").asLong()).isEqualTo(303);
  }

  @Test
  void a_file_without_an_extension_is_read_again_in_the_format_its_content_shows() throws Exception {
    // JSON Lines have no header line: record 300 stands on line 301 (a CSV's would be on 302)
    String body = BatchText.jsonLines(signal(60_000, 9)).replaceFirst("\"ts_ms\":3000,", "\"ts_ms\":2990,");
    byte[] event = upload("s3-object-created-jsonl.json", "incoming/unordered-export", body);

    Lambdas.invoke(handler, event);
    JsonNode error = Lambdas.JSON.readTree(text("failed/unordered-export.error.json"));

    assertThat(error.at("/error/code").asText()).isEqualTo("not_increasing");
    assertThat(error.at("/error/record").asLong()).isEqualTo(300);
    assertThat(error.at("/error/line").asLong()).isEqualTo(301);
  }

  @Test
  void without_a_database_a_redelivery_finds_the_summary_and_skips() throws Exception {
    S3BatchHandler noDb = new S3BatchHandler(s3, new SegmentedFileScorer(model), null, new Metrics("psa", "s3"));
    byte[] event = upload("s3-object-created-csv.json", "incoming/nodb.csv", BatchText.csv(signal(60_000, 7)));

    assertThat(Lambdas.invoke(noDb, event).at("/files/0/status").asText()).isEqualTo("scored");
    assertThat(Lambdas.invoke(noDb, event).at("/files/0/status").asText()).isEqualTo("skipped");
    // a new upload under the same key is a new version of the file: scored again
    byte[] newer = upload("s3-object-created-csv.json", "incoming/nodb.csv", BatchText.csv(signal(60_000, 8)));
    assertThat(Lambdas.invoke(noDb, newer).at("/files/0/status").asText()).isEqualTo("scored");
  }

  @Test
  void an_event_outside_incoming_is_skipped_untouched() throws Exception {
    byte[] event = upload("s3-object-created-csv.json", "results/x.csv", "ts_ms\n");
    assertThat(Lambdas.invoke(handler, event).at("/files/0/reason").asText()).contains("under incoming/");
    assertThat(exists("results/x.csv")).isTrue();
  }

  @Test
  void the_event_files_are_real_s3_notifications() {
    for (String f : List.of("s3-object-created-csv.json", "s3-object-created-jsonl.json")) {
      var e = com.amazonaws.services.lambda.runtime.tests.EventLoader.loadS3Event(Lambdas.event(f).toString());
      assertThat(e.getRecords().getFirst().getEventName()).isEqualTo("ObjectCreated:Put");
      assertThat(e.getRecords().getFirst().getS3().getObject().getKey()).startsWith("incoming/");
    }
  }
}
