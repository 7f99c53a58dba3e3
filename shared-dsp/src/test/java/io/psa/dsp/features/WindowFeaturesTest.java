package io.psa.dsp.features;

import static io.psa.dsp.testing.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.psa.dsp.testing.Golden;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowFeaturesTest {

  @Test
  void matches_the_golden_windows_including_constant_and_spiky_ones() {
    assertWindows(Golden.load("features.json"), 6);
  }

  @Test
  void matches_numpy_on_odd_even_short_and_long_windows() {
    assertWindows(Golden.load("ref-features.json"), 21);
  }

  @Test
  void reads_the_window_at_an_offset_and_writes_at_an_offset() {
    double[] x = {99, 1, 2, 3, 99};
    double[] out = new double[8];
    WindowFeatures.compute(x, 1, 3, out, 2);
    assertThat(out[0]).isZero();
    assertThat(out[6]).isEqualTo(2.0); // mean
    assertThat(out[7]).isEqualTo(2.0); // ptp
  }

  @Test
  void parseval_spectral_energy_equals_a_direct_dft_of_the_half_spectrum() {
    SplittableRandom random = new SplittableRandom(11);
    for (int w : new int[] {2, 5, 20, 31, 128}) {
      double[] x = new double[w];
      for (int i = 0; i < w; i++) {
        x[i] = 100 + random.nextGaussian();
      }
      double[] out = new double[6];
      WindowFeatures.compute(x, 0, w, out, 0);
      assertClose(directDft(x), out[2], "spectral_energy W=" + w);
    }
  }

  @Test
  void names_features_channel_major() {
    assertThat(WindowFeatures.featureNames(List.of("a", "b")))
        .containsExactly("a.rms", "a.kurtosis", "a.spectral_energy", "a.zcr", "a.mean", "a.ptp",
            "b.rms", "b.kurtosis", "b.spectral_energy", "b.zcr", "b.mean", "b.ptp");
  }

  /** {@code Σ_{k=0}^{⌊W/2⌋} |X_k|² / W} of {@code d = x − mean}, straight from the definition. */
  private static double directDft(double[] x) {
    int w = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v / w;
    }
    double total = 0;
    for (int k = 0; k <= w / 2; k++) {
      double re = 0;
      double im = 0;
      for (int n = 0; n < w; n++) {
        re += (x[n] - mean) * Math.cos(2 * Math.PI * k * n / w);
        im -= (x[n] - mean) * Math.sin(2 * Math.PI * k * n / w);
      }
      total += re * re + im * im;
    }
    return total / w;
  }

  private static void assertWindows(JsonNode cases, int expectedCount) {
    assertThat(cases.size()).isEqualTo(expectedCount);
    int index = 0;
    for (JsonNode c : cases) {
      double[] x = Golden.doubles(c.get("x"));
      double[] out = new double[WindowFeatures.COUNT];
      WindowFeatures.compute(x, 0, x.length, out, 0);
      for (int f = 0; f < WindowFeatures.COUNT; f++) {
        String name = WindowFeatures.NAMES.get(f);
        assertClose(c.get("features").get(name).doubleValue(), out[f],
            "window " + index + " (W=" + x.length + ") " + name);
      }
      index++;
    }
  }
}
