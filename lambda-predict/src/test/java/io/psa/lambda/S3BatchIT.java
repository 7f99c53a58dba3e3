package io.psa.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import io.psa.lambda.model.ModelLoader;
import io.psa.lambda.testing.Lambdas;
import io.psa.lambda.testing.S3Events;
import io.psa.lambda.testing.S3Mock;
import io.psa.model.Prediction;
import io.psa.container.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The shaded jar's S3BatchHandler in its own JVM with the heap capped at 256 MB, on a 1-hour 10 ms
 * CSV (360,000 rows) in S3Mock, reached through the standard endpoint variable; a crash half-way
 * (the process killed) and the event delivered again. Prints the wall time and peak heap for the
 * README; asserts no time.
 */
class S3BatchIT {
  private static final Pattern PEAK = Pattern.compile("\"peakHeapMb\":(\\d+)");
  private static S3Mock mock;
  private static S3Client s3;
  private static String bucket;
  private static SensorBatch hour;
  private static byte[] csv;

  @BeforeAll
  static void start() throws Exception {
    mock = S3Mock.shared();
    s3 = mock.client();
    bucket = mock.bucket(s3);
    hour = new SensorSimulator(SimulationSpec.of(3_600_000).withSeed(11)
        .withAnomalies(List.of(new Anomaly(AnomalyKind.SPIKE, "pressure", 1_800_000, 5_000),
            new Anomaly(AnomalyKind.STUCK, "force", 2_700_000, 60_000)))).generate();
    csv = BatchText.utf8(BatchText.csv(hour));
  }

  private byte[] upload(String key) {
    PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(csv));
    return S3Events.forObject("s3-object-created-csv.json", bucket, key, csv.length, put);
  }

  private Process invoke(byte[] event, Path log, Map<String, String> env) throws Exception {
    Path file = Files.createTempFile("s3-event", ".json");
    Files.write(file, event);
    Path jar = Path.of(System.getProperty("psa.lambdaJar", "target/lambda-predict.jar"));
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx256m", "-cp", jar.toString(), "io.psa.lambda.local.InvokeLambda", file.toString(),
        "--handler", "s3").redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("PSA_") || k.startsWith("AWS_"));
    pb.environment().putAll(mock.env());
    pb.environment().putAll(env);
    return pb.start();
  }

  private static long fileRows(TestDatabase db) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(TestDatabase.url());
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + db.schema + ".file_results")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String text(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
  }

  private boolean exists(String key) {
    return s3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents().stream()
        .anyMatch(o -> o.key().equals(key));
  }

  @Test
  void an_hour_of_10_ms_data_is_scored_in_256_mb_and_every_window_equals_the_whole_signal()
      throws Exception {
    byte[] event = upload("incoming/hour.csv");
    Path log = Files.createTempFile("s3-hour", ".log");
    long start = System.nanoTime();
    Process p = invoke(event, log, Map.of());
    assertThat(p.waitFor()).as("log: %s", Files.readString(log)).isZero();
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    String out = Files.readString(log);
    Matcher peak = PEAK.matcher(out);
    assertThat(peak.find()).as(out).isTrue();
    System.out.printf("1-hour CSV (%d rows, %.1f MB) under -Xmx256m: %d ms wall for the process,"
        + " peak heap %s MB%n", hour.size(), csv.length / 1e6, wallMs, peak.group(1));

    Prediction whole = ModelLoader.load(null, null).score(hour, null, "whole");
    List<String> lines = text("results/hour.csv.jsonl").lines().toList();
    assertThat(lines).hasSize(whole.windows().size()).hasSize(14_397);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode w = Lambdas.JSON.readTree(lines.get(i));
      assertThat(w.path("start_ts_ms").asLong()).isEqualTo(whole.windows().get(i).startTsMs());
      assertThat(w.path("score").asDouble()).isCloseTo(whole.windows().get(i).score(), within(1e-9));
      assertThat(w.path("is_anomaly").asBoolean()).isEqualTo(whole.windows().get(i).isAnomaly());
    }
    JsonNode summary = Lambdas.JSON.readTree(text("results/hour.csv.summary.json"));
    assertThat(summary.path("rows").asLong()).isEqualTo(360_000);
    assertThat(Long.parseLong(peak.group(1))).isLessThanOrEqualTo(256);
  }

  @Test
  void a_crash_half_way_leaves_no_partial_result_and_the_redelivery_completes_once() throws Exception {
    TestDatabase db = TestDatabase.require();
    Map<String, String> env = new HashMap<>(Map.of("PSA_DB_URL", TestDatabase.url(), "PSA_DB_SCHEMA", db.schema));
    try {
      byte[] event = upload("incoming/crash/hour.csv");
      Path log = Files.createTempFile("s3-crash", ".log");
      Process p = invoke(event, log, env);
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!Files.readString(log).contains("\"windows\":7000") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(p.isAlive()).as("still scoring half-way: %s", Files.readString(log)).isTrue();
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup, as a timeout or an OOM kill
      p.waitFor();

      assertThat(exists("results/crash/hour.csv.jsonl")).isFalse();
      assertThat(exists("results/crash/hour.csv.summary.json")).isFalse();
      assertThat(fileRows(db)).isZero();

      List<String> statuses = new ArrayList<>();
      for (int attempt = 0; attempt < 2; attempt++) {
        Path again = Files.createTempFile("s3-redelivery", ".log");
        Process q = invoke(event, again, env);
        assertThat(q.waitFor()).as("log: %s", Files.readString(again)).isZero();
        String out = Files.readString(again);
        statuses.add(out.contains("\"message\":\"file scored\"") ? "scored"
            : out.contains("already handled") ? "skipped" : "?");
      }
      assertThat(statuses).containsExactly("scored", "skipped");
      assertThat(text("results/crash/hour.csv.jsonl").lines()).hasSize(14_397);
      assertThat(fileRows(db)).isEqualTo(1);
    } finally {
      db.dropSchema();
    }
  }
}
