package io.psa.dsp.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Digital Butterworth low-pass design, step for step as {@code scipy.signal.butter(order, cutoff,
 * 'low', fs=fs, output='sos')}: the analog prototype ({@code buttap}), the cutoff shift ({@code
 * lp2lp_zpk}) to the frequency pre-warped for the bilinear transform, the bilinear transform
 * ({@code bilinear_zpk}) and the grouping into sections ({@code zpk2sos}, see {@link SosPairing}).
 *
 * <p>Like scipy, the cutoff is first normalized to the Nyquist frequency ({@code Wn = cutoff /
 * (fs/2)}) and the design then runs at {@code fs = 2}, so the pre-warped frequency is {@code 4 ·
 * tan(π · Wn / 2)} and the bilinear transform uses {@code fs2 = 4}; the order of floating-point
 * operations follows scipy's so that the coefficients agree to the last few bits.
 */
public final class Butterworth {

  /** The design runs at scipy's normalized sampling rate, where Nyquist is 1. */
  private static final double FS = 2.0;

  private Butterworth() {}

  /**
   * Designs the low-pass.
   *
   * @param order filter order, 1 to 10 (any positive order works)
   * @param cutoffHz the -3 dB frequency, Hz, in {@code (0, fsHz / 2)}
   * @param fsHz the sampling rate, Hz
   * @return the second-order sections, first section carrying the gain
   * @throws IllegalArgumentException if the cutoff is not strictly between 0 and Nyquist
   */
  public static Sos lowpass(int order, double cutoffHz, double fsHz) {
    if (order < 1) {
      throw new IllegalArgumentException("order must be >= 1, got " + order);
    }
    double wn = cutoffHz / (fsHz / 2);
    if (!(wn > 0 && wn < 1)) {
      throw new IllegalArgumentException(
          "cutoff must be in (0, " + fsHz / 2 + ") Hz, got " + cutoffHz);
    }
    double warped = 2 * FS * Math.tan(Math.PI * wn / FS);
    List<Complex> analogPoles = analogPrototype(order);
    // lp2lp_zpk: scale the poles radially to the warped cutoff; no zeros, degree = order
    List<Complex> poles = new ArrayList<>(order);
    for (Complex p : analogPoles) {
      poles.add(new Complex(warped, 0).times(p));
    }
    double gain = Math.pow(warped, order);
    return bilinear(poles, gain);
  }

  /** {@code buttap}: poles {@code -exp(iπm/(2N))} for {@code m = -N+1, -N+3, ..., N-1}, gain 1. */
  static List<Complex> analogPrototype(int order) {
    List<Complex> poles = new ArrayList<>(order);
    // numpy computes 1j*pi*m / (2N) as a complex division by 2N, i.e. a multiplication by 1/(2N)
    double inverse = 1.0 / (2 * order);
    for (int m = -order + 1; m < order; m += 2) {
      poles.add(Complex.expi(Math.PI * m * inverse).negate());
    }
    return poles;
  }

  /**
   * {@code bilinear_zpk} at {@code fs = 2}: poles map to {@code (4 + p) / (4 - p)}, the zeros at
   * infinity land on Nyquist ({@code -1}), and the gain compensates {@code 1 / prod(4 - p)}.
   */
  private static Sos bilinear(List<Complex> poles, double gain) {
    Complex fs2 = Complex.real(2 * FS);
    List<Complex> digitalPoles = new ArrayList<>(poles.size());
    Complex denominator = null;
    for (Complex p : poles) {
      digitalPoles.add(fs2.plus(p).dividedBy(fs2.minus(p)));
      Complex factor = fs2.minus(p);
      denominator = denominator == null ? factor : denominator.times(factor);
    }
    List<Complex> zeros = new ArrayList<>(poles.size());
    for (int i = 0; i < poles.size(); i++) {
      zeros.add(Complex.real(-1));
    }
    double digitalGain = gain * Complex.real(1.0).dividedBy(denominator).re();
    return SosPairing.nearest(zeros, digitalPoles, digitalGain);
  }
}
