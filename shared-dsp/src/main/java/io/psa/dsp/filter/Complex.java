package io.psa.dsp.filter;

/**
 * A complex number with numpy's float64 arithmetic (Smith's division, as numpy's {@code
 * npy_cdouble} loops), used only while designing a filter, never in the hot path.
 */
record Complex(double re, double im) {

  static final Complex ZERO = new Complex(0, 0);

  static Complex real(double re) {
    return new Complex(re, 0);
  }

  /** {@code exp(i * theta)}, as numpy's {@code cexp} of a purely imaginary number. */
  static Complex expi(double theta) {
    return new Complex(Math.cos(theta), Math.sin(theta));
  }

  Complex plus(Complex o) {
    return new Complex(re + o.re, im + o.im);
  }

  Complex minus(Complex o) {
    return new Complex(re - o.re, im - o.im);
  }

  Complex times(Complex o) {
    return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
  }

  Complex scale(double s) {
    return new Complex(s * re, s * im);
  }

  Complex negate() {
    return new Complex(-re, -im);
  }

  Complex conj() {
    return new Complex(re, -im);
  }

  Complex dividedBy(Complex o) {
    // Smith's algorithm, the order of operations of numpy's complex true_divide
    if (Math.abs(o.re) >= Math.abs(o.im)) {
      double rat = o.im / o.re;
      double scl = 1.0 / (o.re + o.im * rat);
      return new Complex((re + im * rat) * scl, (im - re * rat) * scl);
    }
    double rat = o.re / o.im;
    double scl = 1.0 / (o.im + o.re * rat);
    return new Complex((re * rat + im) * scl, (im * rat - re) * scl);
  }

  double abs() {
    return Math.hypot(re, im);
  }

  /** numpy's {@code isreal}: the imaginary part is exactly zero. */
  boolean isReal() {
    return im == 0;
  }
}
