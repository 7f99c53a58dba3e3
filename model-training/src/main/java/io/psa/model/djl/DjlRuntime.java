package io.psa.model.djl;

import ai.djl.engine.Engine;

/**
 * Prepares DJL before anything touches it: offline (the PyTorch libraries come from the {@code
 * pytorch-native-cpu} jar, nothing is downloaded), one CPU thread, a seeded engine.
 */
final class DjlRuntime {

  /** The engine every trainer uses. */
  static final String ENGINE = "PyTorch";

  private DjlRuntime() {}

  /**
   * Sets the system properties DJL reads once, at engine start, unless the caller set them, and
   * seeds the engine's generator.
   */
  static synchronized Engine prepare(long seed) {
    setIfAbsent("ai.djl.offline", "true");
    // one intra-op and one inter-op thread: the networks are tiny, so threads cost more than they
    // save, and a fixed thread count keeps floating-point reductions in the same order every run
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    Engine engine = Engine.getEngine(ENGINE);
    engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
    return engine;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
