package io.psa.model.detection;

import io.psa.dsp.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the detector compares a window's features with along a stream: at first the training
 * windows' mean; then, with a time constant, a reference that follows slow changes of the
 * operating point while no alarm is on, so a drift much slower than {@code timeConstantS} is not a
 * fault.
 *
 * <p>While an alarm is on the reference stands still: a long fault is never absorbed into "normal",
 * and its end, the return to the old operating point, is never mistaken for a new fault. An alarm
 * that lasts {@code rebaselineAfterS} is taken as a new operating point (a changed set point, a
 * replaced part): its episode ends, marked as re-baselined, and the reference jumps to the current
 * window. A {@code /predict} batch is a stream of its own and starts from the training mean.
 *
 * @param timeConstantS time constant of the reference's exponential following, s; 0 keeps the
 *     training mean for ever [0]
 * @param rebaselineAfterS an alarm this long re-baselines, s; 0 never [0]
 */
public record Reference(double timeConstantS, double rebaselineAfterS) {

  /** The training mean, for ever. */
  public static final Reference STATIC = new Reference(0, 0);

  public Reference {
    if (!(timeConstantS >= 0 && Double.isFinite(timeConstantS))) {
      throw ValidationException.ofConfig("reference_time_constant_s",
          "must be a finite number >= 0, got " + timeConstantS);
    }
    if (!(rebaselineAfterS >= 0 && Double.isFinite(rebaselineAfterS))) {
      throw ValidationException.ofConfig("rebaseline_after_s",
          "must be a finite number >= 0, got " + rebaselineAfterS);
    }
  }

  /** The weight of a new window in the reference, for windows {@code strideMs} apart. */
  public double alpha(long strideMs) {
    return timeConstantS > 0 ? -Math.expm1(-strideMs / (timeConstantS * 1000)) : 0;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("time_constant_s", timeConstantS);
    map.put("rebaseline_after_s", rebaselineAfterS);
    return map;
  }

  public static Reference fromMap(Map<String, ?> map) {
    return new Reference(((Number) map.get("time_constant_s")).doubleValue(),
        ((Number) map.get("rebaseline_after_s")).doubleValue());
  }
}
