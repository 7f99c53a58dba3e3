package io.psa.model.detection;

import io.psa.model.calibration.ScoreCalibration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a trained model turns window features into alarms, beyond the detector itself: which
 * features it reads, what it compares them with along a stream, the alarm rule with its fitted
 * threshold, the calibration of batch scores, and what training warned about. Part of the model:
 * recorded in the manifest and applied by the one scorer wherever windows are scored.
 *
 * @param selection the features the detector reads
 * @param reference the stream reference (static or adaptive)
 * @param alarm the alarm rule
 * @param rawThreshold the alarm rule's threshold on the detector's raw score
 * @param batch the calibration of batch scores, or null (format 1: a batch's score is its largest
 *     window score)
 * @param warnings what training found wrong with its data
 */
public record Detection(
    FeatureSelection selection,
    Reference reference,
    AlarmRule alarm,
    double rawThreshold,
    BatchCalibration batch,
    List<TrainingWarning> warnings) {

  public Detection {
    warnings = List.copyOf(warnings);
    if (Double.isNaN(rawThreshold)) {
      throw new IllegalArgumentException("the alarm threshold must be a number");
    }
  }

  /**
   * What a format-1 model did: every feature, the training mean as reference, a window alarms on
   * its own at the calibration's threshold, a batch scores its largest window.
   */
  public static Detection legacy(List<String> channels, ScoreCalibration calibration) {
    return new Detection(FeatureSelection.all(channels), Reference.STATIC,
        new AlarmRule(calibration.thresholdQuantile(), 0, 1, 1, 0),
        calibration.rawAt(calibration.threshold()), null, List.of());
  }

  /** The manifest's {@code detection} object. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("selection", selection.toMap());
    map.put("reference", reference.toMap());
    Map<String, Object> alarmMap = new LinkedHashMap<>(alarm.toMap());
    alarmMap.put("raw_threshold", rawThreshold);
    map.put("alarm", alarmMap);
    map.put("batch_calibration", batch == null ? null : batch.toMap());
    List<Map<String, Object>> w = new ArrayList<>();
    warnings.forEach(x -> w.add(x.toMap()));
    map.put("training_warnings", w);
    return map;
  }

  /** Reads what {@link #toMap} wrote. */
  @SuppressWarnings("unchecked")
  public static Detection fromMap(Map<String, ?> map) {
    Map<String, ?> alarm = (Map<String, ?>) map.get("alarm");
    List<TrainingWarning> warnings = new ArrayList<>();
    for (Map<String, ?> w : (List<Map<String, ?>>) map.get("training_warnings")) {
      warnings.add(TrainingWarning.fromMap(w));
    }
    Object batch = map.get("batch_calibration");
    return new Detection(
        FeatureSelection.fromMap((Map<String, ?>) map.get("selection")),
        Reference.fromMap((Map<String, ?>) map.get("reference")),
        AlarmRule.fromMap(alarm),
        ((Number) alarm.get("raw_threshold")).doubleValue(),
        batch == null ? null : BatchCalibration.fromMap((Map<String, ?>) batch),
        warnings);
  }
}
