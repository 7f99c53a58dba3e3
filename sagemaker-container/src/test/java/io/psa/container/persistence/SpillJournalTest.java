package io.psa.container.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.model.results.InferenceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillJournalTest {
  private static final long MB = 1024 * 1024;
  @TempDir Path dir;

  private SpillJournal open(Path p) throws Exception {
    return new SpillJournal(p, 16 * MB, Duration.ofMillis(50));
  }

  @Test
  void an_appended_result_is_in_the_file_when_append_returns_and_replays_field_for_field()
      throws Exception {
    Path p = dir.resolve("spill.jsonl");
    try (SpillJournal j = open(p)) {
      j.append(List.of(Results.number("a", 1), Results.number("a", 2), Results.number("a", 3)));
      // what another process (or the next start after kill -9) reads, without close or sync
      assertThat(Files.readAllLines(p)).hasSize(3).allMatch(l -> l.startsWith("{\"request_id\":\"a-"));
      assertThat(j.pending()).isEqualTo(3);

      List<List<InferenceResult>> batches = new ArrayList<>();
      assertThat(j.replay(2, (rows, bad) -> batches.add(rows))).isEqualTo(3);
      assertThat(batches).hasSize(2);
      assertThat(batches.get(0).get(0)).usingRecursiveComparison().isEqualTo(Results.number("a", 1));
      assertThat(j.hasPending()).isFalse();
      assertThat(j.bytes()).isZero();
    }
  }

  @Test
  void keeps_text_no_database_would_take_as_ascii_escapes_and_reads_it_back_exactly() throws Exception {
    InferenceResult odd = Results.withAsset(Results.number("odd", 1), "a\u0000b\ud800c\u00e9\uD83D\uDE00");
    try (SpillJournal j = open(dir.resolve("spill.jsonl"))) {
      j.append(List.of(odd));
      assertThat(Files.readString(dir.resolve("spill.jsonl"))).isASCII()
          .contains("a\\u0000b\\uD800c\\u00E9\\uD83D\\uDE00");
      List<InferenceResult> back = new ArrayList<>();
      j.replay(10, (rows, bad) -> back.addAll(rows));
      assertThat(back.get(0).assetId()).isEqualTo(odd.assetId());
    }
  }

  @Test
  void a_failed_replay_keeps_the_untaken_batches_and_resumes_after_the_last_taken() throws Exception {
    try (SpillJournal j = open(dir.resolve("spill.jsonl"))) {
      for (int i = 0; i < 5; i++) {
        j.append(List.of(Results.number("b", i)));
      }
      List<String> taken = new ArrayList<>();
      assertThatThrownBy(() -> j.replay(2, (rows, bad) -> {
        if (!taken.isEmpty()) {
          throw new java.sql.SQLTransientConnectionException("down");
        }
        rows.forEach(r -> taken.add(r.requestId()));
      })).hasMessage("down");
      assertThat(taken).containsExactly("b-0", "b-1");
      assertThat(j.pending()).isEqualTo(3);

      j.append(List.of(Results.number("b", 5))); // a fresh file while one is being replayed
      j.replay(2, (rows, bad) -> rows.forEach(r -> taken.add(r.requestId())));
      assertThat(taken).containsExactly("b-0", "b-1", "b-2", "b-3", "b-4");
      j.replay(2, (rows, bad) -> rows.forEach(r -> taken.add(r.requestId())));
      assertThat(taken).endsWith("b-5");
      assertThat(j.pending()).isZero();
      assertThat(j.hasPending()).isFalse();
    }
  }

  @Test
  void a_torn_last_line_and_a_damaged_line_are_handed_over_as_unreadable() throws Exception {
    Path p = dir.resolve("spill.jsonl");
    try (SpillJournal j = open(p)) {
      j.append(List.of(Results.number("c", 1)));
    }
    Files.writeString(p, "not json\n{\"request_id\": \"c-2\", \"mod", StandardOpenOption.APPEND);
    try (SpillJournal j = open(p)) {
      assertThat(j.pending()).isEqualTo(3);
      List<String> ids = new ArrayList<>();
      List<String> unreadable = new ArrayList<>();
      j.replay(10, (rows, bad) -> {
        rows.forEach(r -> ids.add(r.requestId()));
        unreadable.addAll(bad);
      });
      assertThat(ids).containsExactly("c-1");
      assertThat(unreadable).containsExactly("not json", "{\"request_id\": \"c-2\", \"mod");
      assertThat(j.pending()).isZero();
    }
  }

  @Test
  void replays_a_spill_file_left_by_the_previous_version() throws Exception {
    // as the previous SpillFile wrote it: UTF-8 text, window_scores after cached
    Path p = dir.resolve("spill.jsonl");
    Files.writeString(p, "{\"request_id\":\"old-1\",\"asset_id\":\"Presse Köln\",\"model_name\":"
        + "\"default\",\"model_version\":\"v1\",\"received_at\":\"2026-11-20T10:00:00Z\","
        + "\"first_ts_ms\":0,\"last_ts_ms\":9990,\"sample_count\":1000,\"window_count\":2,"
        + "\"anomaly_score\":0.25,\"is_anomaly\":false,\"threshold\":0.995,\"source\":\"api\","
        + "\"latency_ms\":3.5,\"cached\":true,\"window_scores\":[0.25,0.125]}\n");
    try (SpillJournal j = open(p)) {
      List<InferenceResult> back = new ArrayList<>();
      j.replay(10, (rows, bad) -> back.addAll(rows));
      assertThat(back).singleElement().satisfies(r -> {
        assertThat(r.assetId()).isEqualTo("Presse Köln");
        assertThat(r.windowScores()).containsExactly(0.25, 0.125);
        assertThat(r.cached()).isTrue();
        assertThat(r.receivedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
      });
    }
  }

  @Test
  void refuses_an_append_past_its_cap_and_takes_results_again_once_replayed() throws Exception {
    try (SpillJournal j = new SpillJournal(dir.resolve("spill.jsonl"), MB, Duration.ofSeconds(1))) {
      int n = 0;
      try {
        while (true) {
          j.append(List.of(Results.number("d", n)));
          n++;
        }
      } catch (SpillJournal.Full e) {
        assertThat(e.getMessage()).contains("1048576 bytes");
      }
      assertThat(n).isBetween(1000, 5000);
      assertThat(j.bytes()).isLessThanOrEqualTo(MB);
      assertThat(j.replay(500, (rows, bad) -> { })).isEqualTo(n);
      j.append(List.of(Results.number("d", n)));
      assertThat(j.pending()).isEqualTo(1);
    }
  }

  @Test
  void a_second_server_cannot_open_the_same_journal() throws Exception {
    Path p = dir.resolve("spill.jsonl");
    try (SpillJournal first = open(p)) {
      assertThatThrownBy(() -> open(p)).hasMessageContaining("in use by another psa serve");
    }
    try (SpillJournal again = open(p)) {
      assertThat(again.pending()).isZero();
    }
  }

}
