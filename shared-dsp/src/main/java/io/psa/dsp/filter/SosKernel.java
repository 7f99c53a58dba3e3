package io.psa.dsp.filter;

/**
 * The inner loop of {@code scipy.signal.sosfilt} (transposed direct form II, scipy's {@code
 * _sosfilt} operation for operation, so results match to the bit where the inputs do), run
 * section by section over a stretch of samples, in place, forwards or backwards.
 *
 * <p>Running one section (or a pair) over the whole stretch before the next gives exactly the
 * numbers of scipy's sample-by-sample loop (each section sees the same input sequence) and lets
 * the JIT keep the coefficients and the state in registers. The recursion is latency-bound, so
 * four channels are filtered in one loop: their independent chains fill the floating-point
 * pipelines.
 */
public final class SosKernel {

  private SosKernel() {}

  /**
   * Runs every section over {@code x[first], x[first + step], ...} ({@code count} samples), in
   * place. {@code state} holds {@code [z0, z1]} per section and is updated.
   */
  public static void run(Sos sos, double[] state, double[] x, int first, int count, int step) {
    double[] c = sos.raw();
    for (int s = 0; s < sos.sections(); s++) {
      int o = 6 * s;
      double b0 = c[o], b1 = c[o + 1], b2 = c[o + 2], a1 = c[o + 4], a2 = c[o + 5];
      double z0 = state[2 * s];
      double z1 = state[2 * s + 1];
      for (int k = 0, i = first; k < count; k++, i += step) {
        double xi = x[i];
        double y = b0 * xi + z0;
        z0 = b1 * xi - a1 * y + z1;
        z1 = b2 * xi - a2 * y;
        x[i] = y;
      }
      state[2 * s] = z0;
      state[2 * s + 1] = z1;
    }
  }

  /**
   * {@link #run} on four channels at once (same stretch, each with its own state). Sections go
   * in pairs, both in one loop: the second section's recursion overlaps the first's, which with
   * the four channels keeps eight independent chains in flight (16 state registers, no spills).
   */
  public static void run4(
      Sos sos, double[][] states, int firstState, double[][] xs, int firstX,
      int first, int count, int step) {
    int s = 0;
    for (; s + 2 <= sos.sections(); s += 2) {
      pair4(sos.raw(), s, states, firstState, xs, firstX, first, count, step);
    }
    if (s < sos.sections()) {
      single4(sos.raw(), s, states, firstState, xs, firstX, first, count, step);
    }
  }

  /** Sections {@code s} and {@code s + 1} over the stretch, sample by sample. */
  private static void pair4(double[] c, int s, double[][] states, int fs, double[][] xs,
      int fx, int first, int count, int step) {
    int o = 6 * s;
    double p0 = c[o], p1 = c[o + 1], p2 = c[o + 2], p4 = c[o + 4], p5 = c[o + 5];
    double q0 = c[o + 6], q1 = c[o + 7], q2 = c[o + 8], q4 = c[o + 10], q5 = c[o + 11];
    double[] xa = xs[fx], xb = xs[fx + 1], xc = xs[fx + 2], xd = xs[fx + 3];
    double[] sa = states[fs], sb = states[fs + 1], sc = states[fs + 2], sd = states[fs + 3];
    int j = 2 * s;
    double a0 = sa[j], a1 = sa[j + 1], a2 = sa[j + 2], a3 = sa[j + 3];
    double b0 = sb[j], b1 = sb[j + 1], b2 = sb[j + 2], b3 = sb[j + 3];
    double c0 = sc[j], c1 = sc[j + 1], c2 = sc[j + 2], c3 = sc[j + 3];
    double d0 = sd[j], d1 = sd[j + 1], d2 = sd[j + 2], d3 = sd[j + 3];
    for (int k = 0, i = first; k < count; k++, i += step) {
      double va = xa[i], vb = xb[i], vc = xc[i], vd = xd[i];
      // section s, as scipy's _sosfilt: y = b0 x + z0; z0 = b1 x - a1 y + z1; z1 = b2 x - a2 y
      double ya = p0 * va + a0, yb = p0 * vb + b0, yc = p0 * vc + c0, yd = p0 * vd + d0;
      a0 = p1 * va - p4 * ya + a1;
      b0 = p1 * vb - p4 * yb + b1;
      c0 = p1 * vc - p4 * yc + c1;
      d0 = p1 * vd - p4 * yd + d1;
      a1 = p2 * va - p5 * ya;
      b1 = p2 * vb - p5 * yb;
      c1 = p2 * vc - p5 * yc;
      d1 = p2 * vd - p5 * yd;
      // section s + 1 on section s's output
      double wa = q0 * ya + a2, wb = q0 * yb + b2, wc = q0 * yc + c2, wd = q0 * yd + d2;
      a2 = q1 * ya - q4 * wa + a3;
      b2 = q1 * yb - q4 * wb + b3;
      c2 = q1 * yc - q4 * wc + c3;
      d2 = q1 * yd - q4 * wd + d3;
      a3 = q2 * ya - q5 * wa;
      b3 = q2 * yb - q5 * wb;
      c3 = q2 * yc - q5 * wc;
      d3 = q2 * yd - q5 * wd;
      xa[i] = wa;
      xb[i] = wb;
      xc[i] = wc;
      xd[i] = wd;
    }
    sa[j] = a0; sa[j + 1] = a1; sa[j + 2] = a2; sa[j + 3] = a3;
    sb[j] = b0; sb[j + 1] = b1; sb[j + 2] = b2; sb[j + 3] = b3;
    sc[j] = c0; sc[j + 1] = c1; sc[j + 2] = c2; sc[j + 3] = c3;
    sd[j] = d0; sd[j + 1] = d1; sd[j + 2] = d2; sd[j + 3] = d3;
  }

  /** Section {@code s} alone over the stretch (the last one of an odd count). */
  private static void single4(double[] c, int s, double[][] states, int fs, double[][] xs,
      int fx, int first, int count, int step) {
    int o = 6 * s;
    double b0 = c[o], b1 = c[o + 1], b2 = c[o + 2], a1 = c[o + 4], a2 = c[o + 5];
    double[] xa = xs[fx], xb = xs[fx + 1], xc = xs[fx + 2], xd = xs[fx + 3];
    double[] sa = states[fs], sb = states[fs + 1], sc = states[fs + 2], sd = states[fs + 3];
    int j = 2 * s;
    double za0 = sa[j], za1 = sa[j + 1], zb0 = sb[j], zb1 = sb[j + 1];
    double zc0 = sc[j], zc1 = sc[j + 1], zd0 = sd[j], zd1 = sd[j + 1];
    for (int k = 0, i = first; k < count; k++, i += step) {
      double va = xa[i], vb = xb[i], vc = xc[i], vd = xd[i];
      double ya = b0 * va + za0, yb = b0 * vb + zb0, yc = b0 * vc + zc0, yd = b0 * vd + zd0;
      za0 = b1 * va - a1 * ya + za1;
      zb0 = b1 * vb - a1 * yb + zb1;
      zc0 = b1 * vc - a1 * yc + zc1;
      zd0 = b1 * vd - a1 * yd + zd1;
      za1 = b2 * va - a2 * ya;
      zb1 = b2 * vb - a2 * yb;
      zc1 = b2 * vc - a2 * yc;
      zd1 = b2 * vd - a2 * yd;
      xa[i] = ya;
      xb[i] = yb;
      xc[i] = yc;
      xd[i] = yd;
    }
    sa[j] = za0; sa[j + 1] = za1; sb[j] = zb0; sb[j + 1] = zb1;
    sc[j] = zc0; sc[j + 1] = zc1; sd[j] = zd0; sd[j + 1] = zd1;
  }

  /**
   * {@link #run} for {@code channels} channels, four at a time while four are left: {@code
   * xs[c]} with its {@code states[c]}, all over the same stretch.
   */
  public static void runChannels(Sos sos, double[][] states, double[][] xs, int channels,
      int first, int count, int step) {
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      run4(sos, states, c, xs, c, first, count, step);
    }
    for (; c < channels; c++) {
      run(sos, states[c], xs[c], first, count, step);
    }
  }

  /** Sets {@code state} to {@code sosfilt_zi · x0}: the steady state for a constant input x0. */
  public static void steadyState(Sos sos, double x0, double[] state) {
    double[] zi = sos.rawZi();
    for (int j = 0; j < zi.length; j++) {
      state[j] = zi[j] * x0;
    }
  }
}
