package io.psa.dsp.filter;

import static io.psa.dsp.testing.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.dsp.testing.Golden;
import org.junit.jupiter.api.Test;

class ButterworthTest {

  @Test
  void matches_every_golden_scipy_design() {
    assertDesigns(Golden.load("butter_sos.json"), 4);
  }

  @Test
  void matches_scipy_for_orders_1_to_10_from_low_cutoffs_to_near_nyquist() {
    assertDesigns(Golden.load("ref-butter_sos.json"), 320);
  }

  @Test
  void computes_the_pad_length_from_the_sections_as_sosfiltfilt_does() {
    // even orders: 3 * (2n + 1); odd orders end in a first-order section (b2 = a2 = 0)
    assertThat(Butterworth.lowpass(4, 8, 100).padlen()).isEqualTo(15);
    assertThat(Butterworth.lowpass(1, 8, 100).padlen()).isEqualTo(6);
    assertThat(Butterworth.lowpass(5, 8, 100).padlen()).isEqualTo(18);
    assertThat(Butterworth.lowpass(10, 8, 100).padlen()).isEqualTo(33);
  }

  @Test
  void gives_unit_gain_at_dc_so_a_constant_passes_unchanged() {
    Sos sos = Butterworth.lowpass(6, 2, 20);
    double gain = 1;
    for (int s = 0; s < sos.sections(); s++) {
      double[] r = sos.section(s);
      gain *= (r[0] + r[1] + r[2]) / (r[3] + r[4] + r[5]);
    }
    assertClose(1.0, gain, "DC gain");
  }

  @Test
  void rejects_a_cutoff_at_or_above_nyquist() {
    assertThatThrownBy(() -> Butterworth.lowpass(4, 50, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 50.0)");
  }

  private static void assertDesigns(JsonNode cases, int expectedCount) {
    assertThat(cases.size()).isEqualTo(expectedCount);
    for (JsonNode c : cases) {
      int order = c.get("order").intValue();
      double cutoff = c.get("cutoff_hz").doubleValue();
      double fs = c.get("fs_hz").doubleValue();
      Sos sos = Butterworth.lowpass(order, cutoff, fs);
      double[][] expected = Golden.matrix(c.get("sos"));
      String what = "butter(" + order + ", " + cutoff + ", fs=" + fs + ")";
      assertThat(sos.sections()).as(what).isEqualTo(expected.length);
      for (int s = 0; s < expected.length; s++) {
        assertClose(expected[s], sos.section(s), what + " section " + s);
      }
    }
  }
}
