package io.psa.dsp.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code scipy.signal.zpk2sos(z, p, k)} with its default {@code 'nearest'} pairing, for digital
 * filters with real-coefficient zeros and poles: the pole closest to the unit circle goes into the
 * last section with the zero nearest to it, and so on backwards; the gain multiplies the first
 * section's numerator.
 */
final class SosPairing {

  private SosPairing() {}

  static Sos nearest(List<Complex> zeros, List<Complex> poles, double gain) {
    List<Complex> z = new ArrayList<>(zeros);
    List<Complex> p = new ArrayList<>(poles);
    // same number of poles and zeros, and an even number of each (a pole and a zero at 0)
    while (p.size() < z.size()) {
      p.add(Complex.ZERO);
    }
    while (z.size() < p.size()) {
      z.add(Complex.ZERO);
    }
    int sections = (p.size() + 1) / 2;
    if (p.size() % 2 == 1) {
      p.add(Complex.ZERO);
      z.add(Complex.ZERO);
    }
    z = ConjugatePairs.split(z);
    p = ConjugatePairs.split(p);
    double[] sos = new double[6 * sections];
    for (int si = sections - 1; si >= 0; si--) {
      pairNext(sos, si, z, p);
    }
    for (int i = 0; i < 3; i++) {
      sos[i] *= gain;
    }
    return new Sos(sos);
  }

  /**
   * Fills section {@code si} from the pole in {@code p} closest to the unit circle, its partner
   * and the zeros nearest to it, removing them from {@code z} and {@code p}: one turn of scipy's
   * {@code zpk2sos} loop, whose cases it keeps in the same order.
   */
  private static void pairNext(double[] sos, int si, List<Complex> z, List<Complex> p) {
    Complex p1 = p.remove(worst(p));
    long realPolesLeft = p.stream().filter(Complex::isReal).count();
    if (p1.isReal() && realPolesLeft == 0) {
      // last remaining real pole: pair it with the nearest real zero, as a first-order section
      Complex z1 = z.remove(nearest(z, p1, Kind.REAL));
      section(sos, si, List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
    } else if (p.size() + 1 == z.size() && !p1.isReal() && realPolesLeft == 1
        && z.stream().filter(Complex::isReal).count() == 1) {
      // one real pole and one real zero left: this complex pole must take a complex zero
      Complex z1 = z.remove(nearest(z, p1, Kind.COMPLEX));
      section(sos, si, List.of(z1, z1.conj()), List.of(p1, p1.conj()));
    } else {
      Complex p2;
      if (p1.isReal()) {
        List<Complex> reals = p.stream().filter(Complex::isReal).toList();
        p2 = reals.get(worst(reals));
        p.remove(p.indexOf(p2));
      } else {
        p2 = p1.conj();
      }
      if (z.isEmpty()) {
        section(sos, si, List.of(), List.of(p1, p2));
      } else {
        Complex z1 = z.remove(nearest(z, p1, Kind.ANY));
        if (!z1.isReal()) {
          section(sos, si, List.of(z1, z1.conj()), List.of(p1, p2));
        } else if (!z.isEmpty()) {
          Complex z2 = z.remove(nearest(z, p1, Kind.REAL));
          section(sos, si, List.of(z1, z2), List.of(p1, p2));
        } else {
          section(sos, si, List.of(z1), List.of(p1, p2));
        }
      }
    }
  }

  private enum Kind { ANY, REAL, COMPLEX }

  /** {@code argmin |1 - |p||}: the pole closest to the unit circle, the first one on ties. */
  private static int worst(List<Complex> p) {
    int best = 0;
    for (int i = 1; i < p.size(); i++) {
      if (Math.abs(1 - p.get(i).abs()) < Math.abs(1 - p.get(best).abs())) {
        best = i;
      }
    }
    return best;
  }

  /** {@code _nearest_real_complex_idx}: a stable sort by distance (numpy's for short arrays). */
  private static int nearest(List<Complex> from, Complex to, Kind kind) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> from.get(i).minus(to).abs()));
    for (int i : order) {
      boolean real = from.get(i).isReal();
      if (kind == Kind.ANY || (kind == Kind.REAL) == real) {
        return i;
      }
    }
    throw new IllegalStateException("no " + kind + " zero left to pair with pole " + to);
  }

  /** {@code _single_zpksos}: {@code b = poly(z)}, {@code a = poly(p)}, right-aligned in the row. */
  private static void section(double[] sos, int si, List<Complex> z, List<Complex> p) {
    double[] b = poly(z);
    double[] a = poly(p);
    System.arraycopy(b, 0, sos, 6 * si + 3 - b.length, b.length);
    System.arraycopy(a, 0, sos, 6 * si + 6 - a.length, a.length);
  }

  /** {@code numpy.poly}: the monic polynomial with these roots (real part: roots come in pairs). */
  private static double[] poly(List<Complex> roots) {
    Complex[] c = {Complex.real(1)};
    for (Complex r : roots) {
      Complex[] next = new Complex[c.length + 1];
      Complex minusR = r.negate();
      for (int i = 0; i < next.length; i++) {
        Complex fromOne = i < c.length ? c[i] : Complex.ZERO;
        Complex fromRoot = i > 0 ? c[i - 1].times(minusR) : Complex.ZERO;
        next[i] = i == 0 ? c[0] : (i < c.length ? fromOne.plus(fromRoot) : fromRoot);
      }
      c = next;
    }
    double[] out = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      out[i] = c[i].re();
    }
    return out;
  }
}
