package io.psa.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.container.persistence.ResultStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code psa_database_up} is there only when a database is: a 0 would read as an outage. */
class DatabaseMetricTest {

  private static String metrics(ResultStore store) throws Exception {
    ServerSettings s = ServerSettings.defaults().withAddress("127.0.0.1", 0).withCache(0, Duration.ZERO);
    try (PsaServer server = PsaServer.start(s, ModelHolder.of(TestModels.scorer()), store)) {
      return new Http(server.port()).get("/metrics").body();
    }
  }

  @Test
  void without_a_database_there_is_no_database_up_gauge() throws Exception {
    String text = metrics(ResultStore.NONE);

    assertThat(text).doesNotContain("psa_database_up").contains("psa_model_loaded 1");
  }

  @Test
  void with_a_database_the_gauge_says_whether_it_answers() throws Exception {
    String text = metrics(new RecordingStore());

    assertThat(text.lines()).contains("# TYPE psa_database_up gauge", "psa_database_up 1");
  }
}
