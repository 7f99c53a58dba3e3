package io.psa.model.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardScalerTest {

  private static final double[][] ROWS = {{1, 10, -2}, {3, 10, 0}, {5, 10, 2}, {7, 10, 4}};

  @Test
  void fits_mean_and_population_standard_deviation_of_the_training_rows() {
    StandardScaler s = StandardScaler.fit(ROWS);
    assertThat(s.mean()).containsExactly(4, 10, 1);
    // numpy: np.std([1,3,5,7]) == 2.23606797749979
    assertThat(s.scale()[0]).isCloseTo(2.23606797749979, within(1e-14));
    assertThat(s.scale()[2]).isCloseTo(2.23606797749979, within(1e-14));
  }

  @Test
  void constant_column_gets_scale_one_so_it_is_only_centred() {
    StandardScaler s = StandardScaler.fit(ROWS);
    assertThat(s.scale()[1]).isEqualTo(1.0);
    assertThat(s.transform(new double[] {4, 12.5, 1})).containsExactly(0, 2.5, 0);
  }

  @Test
  void transforms_with_training_statistics_not_those_of_the_scored_rows() {
    StandardScaler s = StandardScaler.fit(ROWS);
    double[][] scored = s.transform(new double[][] {{100, 10, 1}, {100, 10, 1}});
    assertThat(scored[0][0]).isCloseTo(96 / 2.23606797749979, within(1e-12));
    assertThat(scored[1]).containsExactly(scored[0]);
  }

  @Test
  void round_trips_bit_for_bit_through_the_manifest_json() throws Exception {
    StandardScaler s = StandardScaler.fit(new double[][] {{0.1, 1e-300}, {0.7, 3.3e-7}, {1 / 3.0, 2}});
    ObjectMapper mapper = new ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> back = mapper.readValue(mapper.writeValueAsString(s.toMap()), Map.class);
    assertThat(StandardScaler.fromMap(back)).isEqualTo(s);
  }

  @Test
  void rejects_a_row_of_the_wrong_width() {
    StandardScaler s = StandardScaler.fit(ROWS);
    assertThatThrownBy(() -> s.transform(new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 features, the scaler 3");
  }
}
