package io.psa.container.evaluate;

import io.psa.model.evaluation.Counts;
import io.psa.model.evaluation.SkabReport;
import java.util.List;

/**
 * One detector on the summary page: this run's (with both halves and the anomaly-free pieces) or
 * one of the published leaderboard (three figures only). Figures are fractions, not percent.
 *
 * @param name what the bar and the table call it
 * @param f1 F1 over all labelled test rows
 * @param far false-alarm rate over them
 * @param mar missed-alarm rate over them
 * @param firstHalf counts of the first half of each group's files; null for published rows
 * @param secondHalf counts of the rest; null for published rows
 * @param anomalyFreeFar false-alarm rate on the anomaly-free pieces; NaN when not measured
 * @param ours whether this run measured it
 */
record SummaryRow(String name, double f1, double far, double mar, Counts firstHalf,
    Counts secondHalf, double anomalyFreeFar, boolean ours) {

  /** docs/evaluation.md, the published leaderboard: all 34 SKAB experiment files. */
  static final List<SummaryRow> LEADERBOARD = List.of(
      published("SKAB Conv-AE", 0.78, 0.1355, 0.2802),
      published("SKAB MSET", 0.78, 0.3973, 0.1413),
      published("SKAB T2+Q (PCA)", 0.76, 0.2662, 0.2492),
      published("SKAB LSTM-AE", 0.74, 0.2996, 0.2592),
      published("SKAB Vanilla AE", 0.39, 0.0259, 0.7515),
      published("SKAB IF (raw points)", 0.29, 0.0256, 0.8289),
      published("every row anomalous", 0.70, 1.0, 0.0));

  /** A detector of this run. */
  static SummaryRow of(String name, SkabReport.Totals t) {
    Counts all = t.all();
    double free = t.anomalyFreePieces() == 0 ? Double.NaN : t.anomalyFree().far();
    return new SummaryRow(name, all.f1(), all.far(), all.mar(), t.firstHalf(), t.secondHalf(),
        free, true);
  }

  static SummaryRow published(String name, double f1, double far, double mar) {
    return new SummaryRow(name, f1, far, mar, null, null, Double.NaN, false);
  }

  /** The four figures the bars show, in bar order; NaN where there is none. */
  double[] bars() {
    return new double[] {f1, far, mar, anomalyFreeFar};
  }
}
