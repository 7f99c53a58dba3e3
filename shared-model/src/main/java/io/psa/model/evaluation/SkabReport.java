package io.psa.model.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a SKAB evaluation: every (detector, file) result, the files that could not be
 * evaluated and why, and the figures pooled over all test rows of all files per detector.
 *
 * @param config the configuration evaluated
 * @param results per detector then file, in configuration and file order
 * @param failures what could not be evaluated and why, keyed by file id ({@code valve1/3}, the
 *     pipeline rejected it) or file id and detector ({@code valve1/3 lstm})
 * @param seconds wall time of the whole evaluation, s
 */
public record SkabReport(
    SkabConfig config, List<FileResult> results, Map<String, String> failures, double seconds) {

  public SkabReport {
    results = List.copyOf(results);
    failures = Map.copyOf(failures);
  }

  /** Per detector, in configuration order, the counts over all its files. */
  public Map<String, Counts> totals() {
    Map<String, Counts> totals = new LinkedHashMap<>();
    for (SkabConfig.DetectorSpec d : config.detectors()) {
      totals.put(d.name(), Counts.ZERO);
    }
    for (FileResult r : results) {
      totals.merge(r.detector(), r.counts(), Counts::plus);
    }
    return totals;
  }

  /** The results of one detector, in file order. */
  public List<FileResult> of(String detector) {
    return results.stream().filter(r -> r.detector().equals(detector)).toList();
  }
}
