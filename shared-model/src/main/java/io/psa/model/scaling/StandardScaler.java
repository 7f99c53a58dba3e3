package io.psa.model.scaling;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-feature standardisation {@code (x - mean) / scale}, fitted on training rows only.
 *
 * <p>{@code scale} is the population standard deviation of the training column; a column whose
 * standard deviation is zero (a constant feature, e.g. the kurtosis of a flat channel) gets scale
 * 1, so it is only centred and never divides by zero.
 *
 * @param mean per-feature training mean
 * @param scale per-feature training standard deviation, 1 where it was 0
 */
public record StandardScaler(double[] mean, double[] scale) {

  public StandardScaler {
    if (mean.length != scale.length) {
      throw new IllegalArgumentException("mean and scale differ in length");
    }
    for (double s : scale) {
      if (!(s > 0 && Double.isFinite(s))) {
        throw new IllegalArgumentException("scale must be finite and > 0, got " + s);
      }
    }
    mean = mean.clone();
    scale = scale.clone();
  }

  /** Fits on training rows (rows = windows, at least one). */
  public static StandardScaler fit(double[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no training rows to fit the scaler on");
    }
    int d = rows[0].length;
    double[] mean = new double[d];
    double[] m2 = new double[d];
    // Welford's update: stable for an hour of windows whose means are far from zero
    for (int n = 0; n < rows.length; n++) {
      double[] row = rows[n];
      for (int j = 0; j < d; j++) {
        double delta = row[j] - mean[j];
        mean[j] += delta / (n + 1);
        m2[j] += delta * (row[j] - mean[j]);
      }
    }
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double sd = Math.sqrt(m2[j] / rows.length);
      scale[j] = sd > 0 && Double.isFinite(sd) ? sd : 1.0;
    }
    return new StandardScaler(mean, scale);
  }

  /** The number of features (columns) the scaler was fitted on. */
  public int dimension() {
    return mean.length;
  }

  /** A scaled copy of one row. */
  public double[] transform(double[] row) {
    if (row.length != mean.length) {
      throw new IllegalArgumentException(
          "row has " + row.length + " features, the scaler " + mean.length);
    }
    double[] out = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = (row[j] - mean[j]) / scale[j];
    }
    return out;
  }

  /** Scaled copies of rows. */
  public double[][] transform(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = transform(rows[i]);
    }
    return out;
  }

  /** {@code {"type": "standard", "mean": [...], "scale": [...]}} for the manifest. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", "standard");
    map.put("mean", Arrays.stream(mean).boxed().toList());
    map.put("scale", Arrays.stream(scale).boxed().toList());
    return map;
  }

  /** Reads what {@link #toMap} wrote. */
  public static StandardScaler fromMap(Map<String, ?> map) {
    if (!"standard".equals(map.get("type"))) {
      throw new IllegalArgumentException("unknown scaler type " + map.get("type"));
    }
    return new StandardScaler(doubles(map.get("mean")), doubles(map.get("scale")));
  }

  static double[] doubles(Object list) {
    if (!(list instanceof List<?> values)) {
      throw new IllegalArgumentException("expected a list of numbers, got " + list);
    }
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(values.get(i) instanceof Number n)) {
        throw new IllegalArgumentException("expected a number, got " + values.get(i));
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StandardScaler s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
  }

  @Override
  public String toString() {
    return "StandardScaler[mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "]";
  }
}
