package io.psa.lambda.runtime;

import java.util.Map;

/**
 * The functions' settings, all from environment variables (Lambda has no command line). Blank
 * counts as unset.
 */
public record Env(Map<String, String> vars) {

  public static Env system() {
    return new Env(System.getenv());
  }

  /** The value, or null when unset or blank. */
  public String get(String name) {
    String v = vars.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  public String get(String name, String fallback) {
    String v = get(name);
    return v == null ? fallback : v;
  }

  /**
   * @throws IllegalArgumentException naming the variable when it is not a number
   */
  public double number(String name, double fallback) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
    }
  }
}
