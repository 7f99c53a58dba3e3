package io.psa.model.detection;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * How many independent samples a series is worth: {@code n / (1 + 2 Σ ρ_k)}, the autocorrelations
 * {@code ρ_k} summed over the initial positive sequence, up to the first lag where the
 * autocorrelation is no longer positive (the classic truncation; Geyer 1992, "Practical Markov
 * Chain Monte Carlo", discusses it and its paired refinement). White noise is worth about {@code
 * n}; a temperature that warms up over the whole series is worth a handful, however many times it
 * was sampled; a periodic signal (a press stroke) stops at its first negative half-cycle and is
 * worth many.
 *
 * <p>The single-lag truncation, rather than Geyer's pairs, was chosen on the SKAB data: a noisy,
 * quantised flow signal has weak correlations out to long lags that the paired sum accumulates,
 * calling slow a channel whose level the training data shows well (docs/adr).
 *
 * <p>Autocorrelations come from one FFT of the zero-padded, centred series (O(n log n)), so an hour
 * of 50 ms samples costs milliseconds.
 */
public final class EffectiveSamples {

  private EffectiveSamples() {}

  /**
   * The effective sample size of {@code x[0..n)}, between 1 and {@code n}; {@code n} for a
   * constant series (nothing moves slowly in it).
   */
  public static double of(double[] x, int n) {
    if (n < 4) {
      return n;
    }
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += x[i];
    }
    mean /= n;
    int size = Integer.highestOneBit(2 * n - 1) << 1;
    double[] padded = new double[size];
    for (int i = 0; i < n; i++) {
      padded[i] = x[i] - mean;
    }
    FastFourierTransformer fft = new FastFourierTransformer(DftNormalization.STANDARD);
    Complex[] spectrum = fft.transform(padded, TransformType.FORWARD);
    double[] power = new double[size];
    for (int i = 0; i < size; i++) {
      power[i] = spectrum[i].abs() * spectrum[i].abs();
    }
    Complex[] acov = fft.transform(power, TransformType.INVERSE);
    double c0 = acov[0].getReal();
    if (!(c0 > 1e-300 * n)) {
      return n;
    }
    double tau = 1;
    for (int k = 1; k < n; k++) {
      double rho = acov[k].getReal() / c0;
      if (!(rho > 0)) {
        break;
      }
      tau += 2 * rho;
    }
    // an alternating series (tau <= 1) is worth at least n: never more than n is claimed
    return tau > 1 ? Math.max(1, n / tau) : n;
  }
}
