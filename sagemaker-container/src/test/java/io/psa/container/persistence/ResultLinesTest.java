package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.Episode;
import io.psa.model.results.InferenceResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A journal line keeps a result's episodes, and a line written before episodes still reads. */
class ResultLinesTest {

  @Test
  void a_result_and_its_episodes_survive_the_journal_line() throws Exception {
    InferenceResult r = new InferenceResult("req-1", "press-7", "default", "v1",
        Instant.parse("2026-11-29T12:00:00.5Z"), 0, 9_990, 1_000, 37, 0.99, true, 0.9997,
        new double[] {0.1, 0.999}, "api", 1.5, false,
        List.of(new Episode(3_250, 6_700, 10, 0.99999, 5_450, List.of("pressure", "force"),
            List.of("pressure.ptp"), false, true)));

    String line = ResultLines.line(r);
    InferenceResult back = ResultLines.parse(line);

    assertThat(line).doesNotContain("\n");
    assertThat(back.requestId()).isEqualTo("req-1");
    assertThat(back.episodes()).isEqualTo(r.episodes());
  }

  @Test
  void a_line_written_before_episodes_reads_with_none() throws Exception {
    String old = "{\"request_id\":\"r\",\"asset_id\":null,\"model_name\":\"m\",\"model_version\":"
        + "\"v\",\"received_at\":\"2026-11-29T12:00:00Z\",\"first_ts_ms\":0,\"last_ts_ms\":9,"
        + "\"sample_count\":10,\"window_count\":1,\"anomaly_score\":0.5,\"is_anomaly\":false,"
        + "\"threshold\":0.9,\"source\":\"api\",\"latency_ms\":1.0,\"window_scores\":[0.5]}";

    InferenceResult back = ResultLines.parse(old);

    assertThat(back.episodes()).isEmpty();
    assertThat(back.windowScores()).containsExactly(0.5);
  }
}
