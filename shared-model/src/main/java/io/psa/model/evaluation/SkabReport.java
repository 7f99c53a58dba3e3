package io.psa.model.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a SKAB evaluation: every (detector, file) result and the figures pooled over
 * test rows per detector: over all labelled files, over each half of them, and the false-alarm
 * rate over the pieces of the anomaly-free recording.
 *
 * @param config the configuration evaluated
 * @param results per detector then file, in configuration and file order; failed files included
 *     (predicted all-normal)
 * @param seconds wall time of the whole evaluation, s
 */
public record SkabReport(SkabConfig config, List<FileResult> results, double seconds) {

  /** A detector's pooled figures. */
  public record Totals(Counts all, Counts firstHalf, Counts secondHalf, Counts anomalyFree,
      int anomalyFreePieces) {}

  public SkabReport {
    results = List.copyOf(results);
  }

  /** Per detector, in configuration order, the pooled counts. */
  public Map<String, Totals> totals() {
    Map<String, Totals> out = new LinkedHashMap<>();
    for (SkabConfig.DetectorSpec d : config.detectors()) {
      Counts all = Counts.ZERO;
      Counts first = Counts.ZERO;
      Counts second = Counts.ZERO;
      Counts free = Counts.ZERO;
      int pieces = 0;
      for (FileResult r : of(d.name())) {
        switch (r.half()) {
          case 0 -> {
            free = free.plus(r.counts());
            pieces++;
          }
          case 1 -> first = first.plus(r.counts());
          default -> second = second.plus(r.counts());
        }
        if (r.half() != 0) {
          all = all.plus(r.counts());
        }
      }
      out.put(d.name(), new Totals(all, first, second, free, pieces));
    }
    return out;
  }

  /** The results of one detector, in file order. */
  public List<FileResult> of(String detector) {
    return results.stream().filter(r -> r.detector().equals(detector)).toList();
  }

  /**
   * What could not be evaluated and why, keyed {@code <file> <detector>} ({@code valve1/3 lstm}).
   */
  public Map<String, String> failures() {
    Map<String, String> out = new TreeMap<>();
    results.stream().filter(r -> r.failure() != null)
        .forEach(r -> out.put(r.file().id() + " " + r.detector(), r.failure()));
    return out;
  }
}
