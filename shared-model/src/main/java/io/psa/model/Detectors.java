package io.psa.model;

import io.psa.dsp.ValidationException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds detector trainers and loaders by kind through {@link ServiceLoader}
 * ({@code META-INF/services}), so that a module on the classpath (the neural training module, for
 * one) adds kinds without this module knowing them. Short command-line names ({@code if}, {@code
 * pca}, {@code ae}, {@code lstm}) resolve to kinds with {@link #resolve}.
 */
public final class Detectors {

  private static final Map<String, String> ALIASES =
      Map.of(
          "if", "isolation_forest",
          "iforest", "isolation_forest",
          "ae", "autoencoder",
          "pca_t2q", "pca");

  private Detectors() {}

  /** Every kind some trainer on the classpath can fit, sorted. */
  public static SortedSet<String> trainableKinds() {
    SortedSet<String> kinds = new TreeSet<>();
    ServiceLoader.load(DetectorTrainer.class).forEach(t -> kinds.add(t.kind()));
    return kinds;
  }

  /** Every kind some loader on the classpath can load, sorted. */
  public static SortedSet<String> loadableKinds() {
    SortedSet<String> kinds = new TreeSet<>();
    ServiceLoader.load(DetectorLoader.class).forEach(l -> kinds.add(l.kind()));
    return kinds;
  }

  /** A kind or alias as the kind a trainer knows, unchanged when it is not an alias. */
  public static String resolve(String nameOrAlias) {
    String name = nameOrAlias.trim().toLowerCase(java.util.Locale.ROOT);
    return ALIASES.getOrDefault(name, name);
  }

  /**
   * The trainer of a kind or alias.
   *
   * @throws ValidationException on field {@code config.detector}, listing the known kinds
   */
  public static DetectorTrainer trainer(String nameOrAlias) {
    String kind = resolve(nameOrAlias);
    for (DetectorTrainer t : ServiceLoader.load(DetectorTrainer.class)) {
      if (t.kind().equals(kind)) {
        return t;
      }
    }
    throw ValidationException.ofConfig(
        "detector", "unknown detector \"" + nameOrAlias + "\"; known: " + trainableKinds()
            + " (aliases " + new TreeSet<>(ALIASES.keySet()) + ")");
  }

  /**
   * The loader of a kind.
   *
   * @throws IllegalArgumentException when no loader on the classpath knows it (a backend module
   *     such as model-iforest left out of the build), saying so
   */
  public static DetectorLoader loader(String kind) {
    for (DetectorLoader l : ServiceLoader.load(DetectorLoader.class)) {
      if (l.kind().equals(kind)) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "this build has no " + kind + " detector; it loads " + loadableKinds());
  }
}
