package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.container.evaluate.TinySkab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model that is evaluated is the model that is served: a model {@code psa evaluate} trained
 * on a file's first rows and saved ({@code --save-models}) scores the same file through {@code psa
 * score} to the very decisions the evaluation wrote, row for row, and to the same episodes.
 */
class EvaluateThenScoreTest {

  @TempDir Path dir;

  @Test
  void a_saved_evaluation_model_served_by_psa_score_gives_the_evaluations_decisions()
      throws IOException {
    Path skab = dir.resolve("skab");
    TinySkab.file(skab, "0", 150, 100, 130, 1);
    Path config = TinySkab.config(dir, "[{\"name\": \"pca\"}]");
    Path out = dir.resolve("out");
    Cli.Result evaluated = Cli.run("evaluate", "--skab", skab.toString(), "--out",
        out.toString(), "--config", config.toString(), "--save-models", "--no-plots");
    assertThat(evaluated.status()).as(evaluated.err()).isZero();

    // the same rows as a CSV signal: ts_ms,a,b (what psa score and S3 batch scoring read)
    List<String> rows = Files.readAllLines(skab.resolve("g").resolve("0.csv"));
    StringBuilder csv = new StringBuilder("ts_ms,a,b\n");
    List<Long> ts = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(";");
      long t = LocalDateTime.parse(f[0].replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
      ts.add(t);
      csv.append(t).append(',').append(f[1]).append(',').append(f[2]).append('\n');
    }
    Path signal = dir.resolve("signal.csv");
    Files.writeString(signal, csv);
    Cli.Result scored = Cli.run("score", "--model", out.resolve("models/pca/g/0").toString(),
        "--input", signal.toString());
    assertThat(scored.status()).as(scored.err()).isZero();
    JsonNode details = new ObjectMapper().readTree(scored.out()).path("details");

    // label every test row (from row 60) by the last window ending at or before it
    List<String> expected = Files.readAllLines(out.resolve("pca/g/0.csv"));
    JsonNode windows = details.path("windows");
    int alarmed = 0;
    for (int r = 60; r < ts.size(); r++) {
      int label = 0;
      for (JsonNode w : windows) {
        if (w.path("end_ts_ms").asLong() <= ts.get(r)) {
          label = w.path("is_anomaly").asBoolean() ? 1 : 0;
        }
      }
      alarmed += label;
      assertThat(expected.get(r - 60 + 1)).as("row %d", r).endsWith(";" + label);
    }
    assertThat(alarmed).as("the shift on rows 100-129 alarms").isGreaterThan(20);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    JsonNode evaluatedEpisodes = summary.at("/detectors/pca/files/0/episodes");
    assertThat(details.path("episodes")).hasSameSizeAs(evaluatedEpisodes);
    for (int i = 0; i < evaluatedEpisodes.size(); i++) {
      assertThat(details.path("episodes").get(i).path("start_ts_ms").asLong())
          .isEqualTo(evaluatedEpisodes.get(i).path("start_ts_ms").asLong());
      assertThat(details.path("episodes").get(i).path("end_ts_ms").asLong())
          .isEqualTo(evaluatedEpisodes.get(i).path("end_ts_ms").asLong());
    }
  }
}
