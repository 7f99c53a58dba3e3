package io.psa.model.iforest;

import io.psa.model.Detector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import smile.anomaly.IsolationForest;

/**
 * A trained isolation forest: raw score {@code s(x) = 2^(−E[h(x)] / c(ψ))} in (0, 1), higher =
 * more anomalous, with {@code ψ} the per-tree sample size. Immutable and thread-safe (Smile's
 * scoring only reads the trees).
 */
public final class IsolationForestDetector implements Detector {

  /** The manifest's detector kind. */
  public static final String KIND = "isolation_forest";
  static final String FILE = "forest.ser";

  private final IsolationForest forest;
  private final double[] medians;
  private final Map<String, Object> settings;

  /**
   * @param forest Smile's forest
   * @param medians per-feature training medians (scaled), the baseline of the attribution
   * @param settings the training settings to record in the manifest (trees, sample size, ...)
   */
  IsolationForestDetector(IsolationForest forest, double[] medians, Map<String, Object> settings) {
    this.forest = forest;
    this.medians = medians.clone();
    this.settings = Map.copyOf(settings);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public double[] score(double[][] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = forest.score(rows[i]);
    }
    return out;
  }

  /** The score drop when each feature alone is set to its training median, floored at 0. */
  @Override
  public double[][] contributions(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      double[] row = rows[r].clone();
      double base = forest.score(row);
      out[r] = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        double keep = row[j];
        row[j] = medians[j];
        out[r][j] = Math.max(0, base - forest.score(row));
        row[j] = keep;
      }
    }
    return out;
  }

  @Override
  public Map<String, Object> save(Path dir) throws IOException {
    byte[] data = ForestSerialization.write(forest);
    Files.write(dir.resolve(FILE), data);
    Map<String, Object> params = new LinkedHashMap<>(settings);
    params.put("file", FILE);
    params.put("format", "java-serialization, smile " + smileVersion());
    params.put("trees", forest.size());
    params.put("features", medians.length);
    params.put("medians", Arrays.stream(medians).boxed().toList());
    return new java.util.TreeMap<>(params);
  }

  /** Smile's version from its jar manifest, or {@code unknown}. */
  public static String smileVersion() {
    String v = IsolationForest.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
