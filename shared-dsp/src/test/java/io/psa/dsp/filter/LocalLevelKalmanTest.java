package io.psa.dsp.filter;

import static io.psa.dsp.testing.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.dsp.testing.Golden;
import org.junit.jupiter.api.Test;

class LocalLevelKalmanTest {

  @Test
  void matches_the_golden_outputs_for_both_noise_settings() {
    JsonNode cases = Golden.load("kalman.json");
    assertThat(cases.size()).isEqualTo(2);
    for (JsonNode c : cases) {
      double[] z = Golden.doubles(c.get("z"));
      LocalLevelKalman.filterOnce(c.get("q").doubleValue(), c.get("r").doubleValue(), z, z.length);
      assertClose(Golden.doubles(c.get("x")), z, "kalman q=" + c.get("q"));
    }
  }

  @Test
  void carries_its_state_across_pieces_to_the_same_bits_as_one_pass() {
    double[] z = Golden.doubles(Golden.load("kalman.json").get(0).get("z"));
    double[] whole = z.clone();
    LocalLevelKalman.filterOnce(0.001, 0.1, whole, whole.length);
    LocalLevelKalman kalman = new LocalLevelKalman(0.001, 0.1);
    kalman.filter(z, 0, 1);
    kalman.filter(z, 1, 1);
    kalman.filter(z, 1, 77);
    kalman.filter(z, 77, z.length);
    assertThat(z).containsExactly(whole);
  }

  @Test
  void starts_at_the_first_measurement() {
    double[] z = {5.0, 7.0};
    LocalLevelKalman.filterOnce(0.5, 1.0, z, 2);
    // P = 1 + 0.5, K = 1.5 / 2.5 at k = 0 leaves x = 5; then P = 0.6 + 0.5, K = 1.1 / 2.1
    assertThat(z[0]).isEqualTo(5.0);
    assertClose(5.0 + 1.1 / 2.1 * 2.0, z[1], "x1");
  }
}
