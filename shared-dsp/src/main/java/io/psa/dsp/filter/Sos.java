package io.psa.dsp.filter;

/**
 * A digital filter as second-order sections, scipy's {@code sos} layout: row {@code s} is {@code
 * b0 b1 b2 a0 a1 a2} with {@code a0 = 1}, stored flat ({@code coefficients()[6 * s + j]}).
 * Immutable; also holds what the zero-phase filter derives from the design once: the pad length
 * and the steady-state initial conditions {@code sosfilt_zi}.
 */
public final class Sos {

  private final double[] sos;
  private final int sections;
  private final int padlen;
  private final double[] zi;

  /** @param coefficients {@code 6 · n} values, row-major, each row with {@code a0 = 1} */
  public Sos(double[] coefficients) {
    if (coefficients.length == 0 || coefficients.length % 6 != 0) {
      throw new IllegalArgumentException("need 6 coefficients per section, got " + coefficients.length);
    }
    this.sos = coefficients.clone();
    this.sections = sos.length / 6;
    this.padlen = padlen(sos, sections);
    this.zi = SteadyState.sosfiltZi(sos, sections);
  }

  /** Number of second-order sections. */
  public int sections() {
    return sections;
  }

  /** A copy of the coefficients, row-major {@code [b0 b1 b2 a0 a1 a2] × sections}. */
  public double[] coefficients() {
    return sos.clone();
  }

  /** Section {@code s}'s row as {@code [b0, b1, b2, a0, a1, a2]}. */
  public double[] section(int s) {
    double[] row = new double[6];
    System.arraycopy(sos, 6 * s, row, 0, 6);
    return row;
  }

  /**
   * sosfiltfilt's default pad length: {@code 3 · (2 · n + 1 − min(#{b2 = 0}, #{a2 = 0}))}. A
   * signal needs more samples than this to be filtered.
   */
  public int padlen() {
    return padlen;
  }

  /** {@code sosfilt_zi}: per section {@code [z0, z1]}, the state of a unit step's steady state. */
  public double[] zi() {
    return zi.clone();
  }

  /** The largest pole radius over all sections: how slowly the filter forgets its state. */
  public double maxPoleRadius() {
    double rho = 0;
    for (int s = 0; s < sections; s++) {
      double a1 = sos[6 * s + 4];
      double a2 = sos[6 * s + 5];
      double disc = a1 * a1 - 4 * a2;
      double r = disc < 0
          ? Math.sqrt(a2) // complex pair: |p|² = a2
          : Math.max(Math.abs(-a1 + Math.sqrt(disc)), Math.abs(-a1 - Math.sqrt(disc))) / 2;
      rho = Math.max(rho, r);
    }
    return rho;
  }

  double[] raw() {
    return sos;
  }

  double[] rawZi() {
    return zi;
  }

  private static int padlen(double[] sos, int sections) {
    int b2Zero = 0;
    int a2Zero = 0;
    for (int s = 0; s < sections; s++) {
      b2Zero += sos[6 * s + 2] == 0 ? 1 : 0;
      a2Zero += sos[6 * s + 5] == 0 ? 1 : 0;
    }
    return 3 * (2 * sections + 1 - Math.min(b2Zero, a2Zero));
  }
}
