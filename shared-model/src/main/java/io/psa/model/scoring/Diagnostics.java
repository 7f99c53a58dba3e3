package io.psa.model.scoring;

import io.psa.model.Prediction.Contribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a detector's per-feature contributions into shares that sum to 1, largest first. */
public final class Diagnostics {

  private Diagnostics() {}

  /**
   * Every feature's share of the window's contributions, sorted by share descending (ties by
   * feature order). Negative or non-finite contributions count as 0; when nothing contributed
   * (a window scored exactly like the training baseline) every feature gets an equal share.
   */
  public static List<Contribution> shares(List<String> featureNames, double[] contributions) {
    double total = 0;
    double[] c = new double[contributions.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = Double.isFinite(contributions[j]) ? Math.max(0, contributions[j]) : 0;
      total += c[j];
    }
    List<Contribution> out = new ArrayList<>(c.length);
    for (int j = 0; j < c.length; j++) {
      String name = featureNames.get(j);
      double share = total > 0 ? c[j] / total : 1.0 / c.length;
      out.add(new Contribution(name, channelOf(name), share));
    }
    out.sort(Comparator.comparingDouble(Contribution::share).reversed());
    return List.copyOf(out);
  }

  /** Shares summed per channel, largest first. */
  public static Map<String, Double> byChannel(List<Contribution> contributions) {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (Contribution c : contributions) {
      sums.merge(c.channel(), c.share(), Double::sum);
    }
    Map<String, Double> sorted = new LinkedHashMap<>();
    sums.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** {@code pressure} of {@code pressure.rms}: feature names are {@code <channel>.<feature>}. */
  static String channelOf(String feature) {
    int dot = feature.lastIndexOf('.');
    return dot < 0 ? feature : feature.substring(0, dot);
  }
}
