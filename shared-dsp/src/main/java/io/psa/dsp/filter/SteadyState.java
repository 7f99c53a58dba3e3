package io.psa.dsp.filter;

/**
 * scipy's {@code sosfilt_zi} and {@code lfilter_zi}: the initial state of each section for which a
 * constant input of 1 passes through the cascade without a transient.
 */
final class SteadyState {

  private SteadyState() {}

  /** Per section {@code lfilter_zi(b, a)} times the DC gain of the sections before it. */
  static double[] sosfiltZi(double[] sos, int sections) {
    double[] zi = new double[2 * sections];
    double scale = 1.0;
    for (int s = 0; s < sections; s++) {
      int o = 6 * s;
      double[] one = lfilterZi(sos[o], sos[o + 1], sos[o + 2], sos[o + 3], sos[o + 4], sos[o + 5]);
      zi[2 * s] = scale * one[0];
      zi[2 * s + 1] = scale * one[1];
      scale *= (sos[o] + sos[o + 1] + sos[o + 2]) / (sos[o + 3] + sos[o + 4] + sos[o + 5]);
    }
    return zi;
  }

  /**
   * Solves {@code (I − companion(a)ᵀ) zi = b[1:] − a[1:] · b0} for a second-order section as
   * {@code numpy.linalg.solve} does (OpenBLAS {@code getf2} + {@code getrs}): partial pivoting,
   * the multiplier scaled by the pivot's reciprocal, then two triangular solves by division. This
   * order matches scipy's {@code sosfilt_zi} to the bit for every design we checked.
   */
  static double[] lfilterZi(double b0, double b1, double b2, double a0, double a1, double a2) {
    if (a0 != 1.0) {
      b0 /= a0;
      b1 /= a0;
      b2 /= a0;
      a1 /= a0;
      a2 /= a0;
    }
    // I - companion(a).T = [[1 + a1, -1], [a2, 1]]
    double m00 = 1 + a1;
    double m01 = -1;
    double m10 = a2;
    double m11 = 1;
    double r0 = b1 - a1 * b0;
    double r1 = b2 - a2 * b0;
    if (Math.abs(m10) > Math.abs(m00)) {
      double t = m00; m00 = m10; m10 = t;
      t = m01; m01 = m11; m11 = t;
      t = r0; r0 = r1; r1 = t;
    }
    double l = m10 * (1.0 / m00);
    double u11 = m11 - l * m01;
    double y1 = r1 - l * r0;
    double x1 = y1 / u11;
    double x0 = (r0 - m01 * x1) / m00;
    return new double[] {x0, x1};
  }
}
