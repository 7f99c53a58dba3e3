package io.psa.model.testing;

import io.psa.model.artifact.TrainedModel;
import io.psa.model.artifact.TrainingInfo;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small trained models for tests (2 minutes of simulated normal data), cached per JVM. */
public final class Models {

  private static final Map<String, ModelTrainer.Result> CACHE = new ConcurrentHashMap<>();

  private Models() {}

  /** A model of one detector kind, trained once per test run on seed 3, with fast settings. */
  public static ModelTrainer.Result small(String kind) {
    return CACHE.computeIfAbsent(kind, k -> {
      Map<String, String> hp = new HashMap<>(Map.of("detector", k, "model_version", "test-1"));
      if (k.equals("isolation_forest")) {
        hp.put("if_trees", "50");
      }
      try {
        return new ModelTrainer(TrainingSettings.fromMap(hp), TrainingListener.NONE, "test")
            .train(List.of(SimData.normal(2, 3)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public static TrainedModel model(String kind) {
    return small(kind).model();
  }

  public static TrainingInfo info(String kind) {
    return small(kind).info();
  }
}
