package io.psa.dsp.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * scipy's {@code _cplxreal}: the complex values (one per conjugate pair, positive imaginary part,
 * the pair averaged, sorted by real part then imaginary magnitude) followed by the real values
 * (sorted), the order {@code zpk2sos} then searches in.
 */
final class ConjugatePairs {

  /** {@code 100 * eps} of float64: scipy's relative tolerance for "real" and "conjugate". */
  private static final double TOL = 100 * Math.ulp(1.0);

  private ConjugatePairs() {}

  static List<Complex> split(List<Complex> values) {
    List<Complex> sorted = new ArrayList<>(values);
    // lexsort((abs(imag), real)): a stable sort by real part, then by imaginary magnitude
    sorted.sort(
        Comparator.comparingDouble(Complex::re).thenComparingDouble(c -> Math.abs(c.im())));
    List<Complex> reals = new ArrayList<>();
    List<Complex> positive = new ArrayList<>();
    List<Complex> negative = new ArrayList<>();
    for (Complex c : sorted) {
      if (Math.abs(c.im()) <= TOL * c.abs()) {
        reals.add(Complex.real(c.re()));
      } else if (c.im() > 0) {
        positive.add(c);
      } else {
        negative.add(c);
      }
    }
    if (positive.size() != negative.size()) {
      throw new IllegalArgumentException("a complex value has no matching conjugate");
    }
    List<Complex> out = new ArrayList<>(values.size());
    for (int i = 0; i < positive.size(); i++) {
      Complex zp = positive.get(i);
      Complex zn = negative.get(i);
      if (zp.minus(zn.conj()).abs() > TOL * zn.abs()) {
        throw new IllegalArgumentException("a complex value has no matching conjugate: " + zp);
      }
      // average out rounding between the two halves of the pair
      out.add(new Complex((zp.re() + zn.re()) / 2, (zp.im() - zn.im()) / 2));
    }
    out.addAll(reals);
    return out;
  }
}
