package io.psa.model;

import io.psa.dsp.ValidationException;
import java.util.Map;

/**
 * Reads detector hyperparameters from SageMaker-style string maps, naming the key in every error
 * ({@code config.<key>}). Shared by the trainers so that every detector reports bad values alike.
 */
public final class Hyperparameters {

  private Hyperparameters() {}

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
  public static int intValue(Map<String, String> map, String key, int fallback, int min, int max) {
    String s = map.get(key);
    if (s == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(s.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw ValidationException.ofConfig(
        key, "must be a whole number from " + min + " to " + max + ", got \"" + s + "\"");
  }

  /** A finite number in {@code [min, max]} (bounds inclusive), or {@code fallback} when absent. */
  public static double doubleValue(
      Map<String, String> map, String key, double fallback, double min, double max) {
    String s = map.get(key);
    if (s == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(s.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw ValidationException.ofConfig(
        key, "must be a number from " + min + " to " + max + ", got \"" + s + "\"");
  }
}
