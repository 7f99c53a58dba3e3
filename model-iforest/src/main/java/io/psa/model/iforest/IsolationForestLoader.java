package io.psa.model.iforest;

import io.psa.model.Detector;
import io.psa.model.DetectorLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import smile.anomaly.IsolationForest;

/**
 * Loads an {@link IsolationForestDetector}: {@code forest.ser} through the allow-list filter of
 * {@link ForestSerialization}, the medians from the manifest parameters.
 */
public final class IsolationForestLoader implements DetectorLoader {

  @Override
  public String kind() {
    return IsolationForestDetector.KIND;
  }

  @Override
  public Detector load(Path dir, Map<String, Object> params) throws IOException {
    if (!(params.get("medians") instanceof List<?> list)) {
      throw new IOException("isolation forest parameters lack the training medians");
    }
    double[] medians = new double[list.size()];
    for (int i = 0; i < medians.length; i++) {
      if (!(list.get(i) instanceof Number n)) {
        throw new IOException("median " + i + " is not a number: " + list.get(i));
      }
      medians[i] = n.doubleValue();
    }
    IsolationForest forest =
        ForestSerialization.read(Files.readAllBytes(dir.resolve(IsolationForestDetector.FILE)));
    if (forest.size() < 1) {
      throw new IOException("the forest file holds no trees");
    }
    if (!(params.get("sample_size") instanceof Number psi) || psi.intValue() < 2) {
      throw new IOException("isolation forest parameters lack the sample size (>= 2)");
    }
    Map<String, Object> settings = new TreeMap<>();
    for (String key : List.of("sample_size", "max_depth", "extension_level")) {
      if (params.containsKey(key)) {
        settings.put(key, params.get(key));
      }
    }
    return new IsolationForestDetector(forest, psi.intValue(), medians, settings);
  }
}
