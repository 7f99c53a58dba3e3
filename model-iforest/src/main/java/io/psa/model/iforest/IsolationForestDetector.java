package io.psa.model.iforest;

import io.psa.model.Detector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

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
  private final IsolationTree[] trees;
  private final FlatTrees flat; // null when Smile's node layout could not be read
  private final double c;
  private final double[] medians;
  private final Map<String, Object> settings;

  /**
   * @param forest Smile's forest
   * @param sampleSize {@code ψ}, the rows each tree was grown on
   * @param medians per-feature training medians (scaled), the baseline of the attribution
   * @param settings the training settings to record in the manifest (trees, sample size, ...)
   */
  IsolationForestDetector(IsolationForest forest, int sampleSize, double[] medians,
      Map<String, Object> settings) {
    this.forest = forest;
    this.trees = forest.trees();
    this.flat = flatten(trees, medians.length);
    this.c = averagePathLength(sampleSize);
    this.medians = medians.clone();
    this.settings = Map.copyOf(settings);
  }

  /**
   * {@code c(n) = 2 H(n − 1) − 2 (n − 1) / n}, the average path length of an unsuccessful search
   * in a binary search tree (Liu et al., eq. 1), written exactly as Smile's own normalisation so
   * that {@link #score} equals {@code IsolationForest.score} bit for bit.
   */
  static double averagePathLength(int n) {
    return 2.0 * ((Math.log(n - 1) + 0.5772156649) - (n - 1.0) / n);
  }

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * Smile's score, computed tree by tree over all rows rather than row by row: a tree (a few
   * hundred nodes with their cut vectors) then stays in the CPU cache while every row walks it,
   * which makes a batch several times faster. The per-row sums add the trees in the same order as
   * Smile, so the scores are identical.
   */
  @Override
  public double[] score(double[][] rows) {
    for (double[] row : rows) {
      if (row.length != medians.length) {
        throw new IllegalArgumentException(
            "row has " + row.length + " features, the forest " + medians.length);
      }
    }
    double[] sum = new double[rows.length];
    for (int t = 0; t < trees.length; t++) {
      if (flat != null) {
        flat.addPaths(t, rows, sum);
      } else {
        for (int i = 0; i < rows.length; i++) {
          sum[i] += trees[t].path(rows[i]);
        }
      }
    }
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = Math.pow(2.0, -(sum[i] / trees.length) / c);
    }
    return out;
  }

  private static FlatTrees flatten(IsolationTree[] trees, int dim) {
    try {
      return FlatTrees.of(trees, dim);
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.getLogger(IsolationForestDetector.class.getName()).log(System.Logger.Level.WARNING,
          "scoring with Smile's own tree walk (slower): its node layout is not readable: " + e);
      return null;
    }
  }

  /** Whether scoring uses the flat copy of the trees (tests). */
  boolean flat() {
    return flat != null;
  }

  /** The score drop when each feature alone is set to its training median, floored at 0. */
  @Override
  public double[][] contributions(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      int d = rows[r].length;
      double[] scores = flat != null ? variantScores(rows[r]) : variantScoresInFull(rows[r]);
      out[r] = new double[d];
      for (int j = 0; j < d; j++) {
        out[r][j] = Math.max(0, scores[0] - scores[j + 1]);
      }
    }
    return out;
  }

  /** The row's score, then the score with each feature alone at its median (flat trees). */
  private double[] variantScores(double[] row) {
    double[] sums = new double[row.length + 1];
    double[] cache = new double[flat.maxNodes()];
    int[] seen = new int[cache.length];
    for (int t = 0; t < trees.length; t++) {
      flat.addVariantPaths(t, row, medians, sums, cache, seen, t + 1);
    }
    double[] scores = new double[sums.length];
    for (int v = 0; v < sums.length; v++) {
      scores[v] = Math.pow(2.0, -(sums[v] / trees.length) / c);
    }
    return scores;
  }

  /** As {@link #variantScores}, every variant scored in full by {@link #score}. */
  double[] variantScoresInFull(double[] row) {
    // the row itself, then one copy per feature with that feature at its median: one batch
    double[][] variants = new double[row.length + 1][];
    variants[0] = row;
    for (int j = 0; j < row.length; j++) {
      variants[j + 1] = row.clone();
      variants[j + 1][j] = medians[j];
    }
    return score(variants);
  }

  /** Smile's forest, for tests that compare against its own scoring. */
  IsolationForest forest() {
    return forest;
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
