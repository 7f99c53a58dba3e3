package io.psa.container.persistence;

import io.psa.model.results.InferenceResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {
  @TempDir Path dir;

  @Test
  void replays_every_field_as_appended_in_batches() throws Exception {
    SpillFile f = new SpillFile(dir.resolve("spill.jsonl"));
    f.append(List.of(Results.number("a", 1), Results.number("a", 2), Results.number("a", 3)));
    List<List<InferenceResult>> batches = new ArrayList<>();
    assertThat(f.replay(2, b -> batches.add(List.copyOf(b)))).isEqualTo(3);
    assertThat(batches).hasSize(2);
    InferenceResult back = batches.get(0).get(0);
    InferenceResult original = Results.number("a", 1);
    assertThat(back).usingRecursiveComparison().isEqualTo(original);
    assertThat(f.hasPending()).isFalse();
  }

  @Test
  void keeps_the_results_when_a_replay_fails_and_skips_a_torn_last_line() throws Exception {
    Path p = dir.resolve("spill.jsonl");
    SpillFile f = new SpillFile(p);
    f.append(List.of(Results.number("b", 1), Results.number("b", 2)));
    Files.writeString(p, "{\"request_id\": \"b-3\", \"mod", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> f.replay(10, b -> { throw new java.sql.SQLException("down"); }))
        .hasMessage("down");
    assertThat(f.hasPending()).isTrue();
    f.append(List.of(Results.number("b", 4))); // goes to a fresh file while one is being replayed
    List<String> ids = new ArrayList<>();
    f.replay(10, b -> b.forEach(r -> ids.add(r.requestId())));
    assertThat(ids).containsExactly("b-1", "b-2");
    f.replay(10, b -> b.forEach(r -> ids.add(r.requestId())));
    assertThat(ids).containsExactly("b-1", "b-2", "b-4");
    assertThat(f.hasPending()).isFalse();
  }
}
