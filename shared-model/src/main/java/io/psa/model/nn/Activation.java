package io.psa.model.nn;

import java.util.Locale;

/**
 * Element-wise activation of a {@link DenseLayer}. The names are the ones written in the weight
 * file's parameters ({@code "tanh"}, ...), so they must never be renamed.
 */
public enum Activation {
  /** f(x) = x, for output layers that reconstruct scaled (unbounded) features. */
  IDENTITY,
  /** f(x) = max(0, x). */
  RELU,
  /** f(x) = tanh(x). */
  TANH,
  /** f(x) = 1 / (1 + e^-x). */
  SIGMOID;

  /** Applies the function to one value. */
  public double apply(double x) {
    return switch (this) {
      case IDENTITY -> x;
      case RELU -> x > 0 ? x : 0;
      case TANH -> Math.tanh(x);
      case SIGMOID -> sigmoid(x);
    };
  }

  /** The logistic function, also used by the LSTM gates. */
  static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** The lower-case name used in parameter maps and hyperparameters. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@link #id()}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Activation of(String id) {
    for (Activation a : values()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + id + "', expected one of identity, relu, tanh, sigmoid");
  }
}
