package io.psa.dsp.features;

import java.util.List;

/**
 * The six features of one window {@code x} of {@code W} samples (docs/pipeline.md step 6), with
 * {@code x̄} its mean, {@code d = x − x̄} and {@code m_k = mean(d^k)}:
 *
 * <ul>
 *   <li>{@code rms = sqrt(mean(x²))}
 *   <li>{@code kurtosis = m₄ / m₂² − 3} ({@code scipy.stats.kurtosis}, Fisher, biased), 0 when
 *       {@code m₂ ≤ (1e-15 · x̄)²}, where scipy returns NaN
 *   <li>{@code spectral_energy = Σ_{k=0}^{⌊W/2⌋} |X_k|² / W} with {@code X = rfft(d)}
 *   <li>{@code zcr = #{i : s_i ≠ s_{i+1}} / (W − 1)} with {@code s_i = (d_i ≥ 0)}
 *   <li>{@code mean = x̄}, {@code ptp = max(x) − min(x)}
 * </ul>
 *
 * <p>The spectral energy uses Parseval's identity instead of a transform: the DFT of a real
 * sequence is conjugate-symmetric, so the half spectrum {@code k = 0..⌊W/2⌋} holds half of the
 * total energy {@code W · Σd²} plus half of the unpaired bins {@code X_0 = Σd} and, for even W,
 * {@code X_{W/2} = Σ(−1)^i d_i}. That is exact, O(W) instead of O(W²), and as accurate as a FFT
 * (every term is a sum of non-negative numbers).
 */
public final class WindowFeatures {

  /** Feature names in output order. */
  public static final List<String> NAMES =
      List.of("rms", "kurtosis", "spectral_energy", "zcr", "mean", "ptp");

  /** Number of features per channel. */
  public static final int COUNT = 6;

  /** scipy's zero-variance tolerance, {@code numpy.finfo(float64).resolution}. */
  static final double EPS = 1e-15;

  private WindowFeatures() {}

  /**
   * Computes the six features of {@code x[from .. from + w)} into {@code out[at .. at + 6)}.
   *
   * @param w window length, at least 2
   */
  public static void compute(double[] x, int from, int w, double[] out, int at) {
    // numpy's mean (pairwise summation) so that the signs of d, hence zcr, match to the bit
    double mean = NumpySum.pairwise(x, from, w) / w;
    double sumSq = 0;
    double m2Sum = 0;
    double m4Sum = 0;
    double evenSum = 0; // Σ d_i over even i, for X_0 and X_{W/2}
    double oddSum = 0;
    double min = x[from];
    double max = min;
    int crossings = 0;
    boolean previous = x[from] - mean >= 0;
    int to = from + w;
    for (int i = from; i < to; i++) {
      double v = x[i];
      double d = v - mean;
      double d2 = d * d;
      sumSq += v * v;
      m2Sum += d2;
      m4Sum += d2 * d2;
      if (((i - from) & 1) == 0) {
        evenSum += d;
      } else {
        oddSum += d;
      }
      min = v < min ? v : min; // inputs are finite: no NaN rules needed
      max = v > max ? v : max;
      boolean sign = d >= 0;
      crossings += sign != previous ? 1 : 0;
      previous = sign;
    }
    double m2 = m2Sum / w;
    double m4 = m4Sum / w;
    double x0 = evenSum + oddSum;
    double xHalf = evenSum - oddSum;
    double unpaired = x0 * x0 + ((w & 1) == 0 ? xHalf * xHalf : 0);
    out[at] = Math.sqrt(sumSq / w);
    out[at + 1] = m2 <= (EPS * mean) * (EPS * mean) ? 0.0 : m4 / (m2 * m2) - 3;
    out[at + 2] = (w * m2Sum + unpaired) / (2.0 * w);
    out[at + 3] = (double) crossings / (w - 1);
    out[at + 4] = mean;
    out[at + 5] = max - min;
  }

  /** {@code <channel>.<feature>} for every channel, channel-major. */
  public static List<String> featureNames(List<String> channels) {
    String[] names = new String[channels.size() * COUNT];
    for (int c = 0; c < channels.size(); c++) {
      for (int f = 0; f < COUNT; f++) {
        names[c * COUNT + f] = channels.get(c) + "." + NAMES.get(f);
      }
    }
    return List.of(names);
  }
}
