package io.psa.lambda.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.service.MediaTypes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the function counts of a body it passed to the endpoint, for the result row. */
class EndpointRecordsTest {

  private static EndpointRecords.BatchStats stats(String body, MediaTypes format) throws Exception {
    return EndpointRecords.stats(body.getBytes(StandardCharsets.UTF_8), format);
  }

  @Test
  void a_csv_with_ts_ms_in_any_column_is_counted_from_that_column() throws Exception {
    assertThat(stats("ts_ms,pressure\n0,1.5\n\n10,1.6\n20,1.7\n", MediaTypes.CSV))
        .isEqualTo(new EndpointRecords.BatchStats(3, 0, 20));
    assertThat(stats("pressure, \"ts_ms\" ,force\n1.5,100,2\n1.6,110,2\n", MediaTypes.CSV))
        .isEqualTo(new EndpointRecords.BatchStats(2, 100, 110));
  }

  @Test
  void json_lines_and_a_predict_body_are_counted_by_their_ts_ms() throws Exception {
    assertThat(stats("{\"pressure\":1,\"ts_ms\":5}\n{\"ts_ms\":15,\"pressure\":2}\n",
        MediaTypes.JSON_LINES)).isEqualTo(new EndpointRecords.BatchStats(2, 5, 15));
    assertThat(stats("{\"asset_id\":\"a\",\"sensor_batch\":[{\"pressure\":1,\"ts_ms\":7},"
        + "{\"ts_ms\":17,\"pressure\":[1]}],\"config\":{}}", MediaTypes.JSON))
        .isEqualTo(new EndpointRecords.BatchStats(2, 7, 17));
  }
}
