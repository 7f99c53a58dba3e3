package io.psa.lambda;

import static io.psa.lambda.testing.Lambdas.body;
import static io.psa.lambda.testing.Lambdas.event;
import static io.psa.lambda.testing.Lambdas.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.container.persistence.TestDatabase;
import io.psa.lambda.runtime.Env;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With PSA_DB_URL the function migrates at init and writes each answer before it returns. */
class PredictHandlerResultsTest {
  @RegisterExtension final TestDatabase db = TestDatabase.perTest();

  @Test
  void each_answer_is_a_row_by_the_time_the_handler_returns() throws Exception {
    PredictHandler h = new PredictHandler(new Env(Map.of("PSA_DB_URL", TestDatabase.url(), "PSA_DB_SCHEMA", db.schema)));
    JsonNode spike = body(invoke(h, event("http-api-predict-spike.json")));
    invoke(h, event("http-api-predict-malformed.json"));

    assertThat(db.count("")).isEqualTo(1);
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + db.schema + ".inference_results")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("request_id")).isEqualTo(spike.path("request_id").asText());
      assertThat(rs.getString("asset_id")).isEqualTo("press-07");
      assertThat(rs.getBoolean("is_anomaly")).isTrue();
      assertThat(rs.getDouble("anomaly_score")).isEqualTo(spike.path("anomaly_score").asDouble());
      assertThat(rs.getInt("sample_count")).isEqualTo(1000);
      assertThat(rs.getInt("window_count")).isEqualTo(37);
      assertThat(rs.getString("source")).isEqualTo("api");
      assertThat(rs.getDouble("latency_ms")).isPositive();
    }
  }

  @Test
  void a_database_that_goes_away_costs_the_row_but_never_the_answer() throws Exception {
    PredictHandler h = new PredictHandler(new Env(Map.of("PSA_DB_URL", TestDatabase.url(), "PSA_DB_SCHEMA", db.schema)));
    db.dropSchema(); // the table vanishes under the running function

    JsonNode r = invoke(h, event("http-api-predict-normal.json"));
    assertThat(r.path("statusCode").asInt()).isEqualTo(200);
  }
}
