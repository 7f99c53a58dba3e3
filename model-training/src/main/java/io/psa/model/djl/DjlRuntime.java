package io.psa.model.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Prepares DJL before anything touches it: offline (the PyTorch libraries come from the {@code
 * pytorch-native-cpu} jar, nothing is downloaded), one CPU thread, a seeded engine.
 */
final class DjlRuntime {

  /** The engine every trainer uses. */
  static final String ENGINE = "PyTorch";

  private DjlRuntime() {}

  /**
   * As {@link #configure}, then seeds the engine's generator. The generator is one per process:
   * call it only while holding the training lock, on the thread that trains, so that no other
   * training reseeds it halfway through this one.
   */
  static synchronized Engine prepare(long seed) {
    Engine engine = configure();
    engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
    return engine;
  }

  /**
   * Sets the system properties DJL reads once, at engine start, unless the caller set them, and
   * the intra-op thread count on the calling thread. Seeds nothing: safe before the training lock.
   */
  static synchronized Engine configure() {
    setIfAbsent("ai.djl.offline", "true");
    // one intra-op and one inter-op thread: the networks are tiny, so threads cost more than they
    // save, and a fixed thread count keeps floating-point reductions in the same order every run
    setIfAbsent("ai.djl.pytorch.num_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    Engine engine = Engine.getEngine(ENGINE);
    // the engine applies num_threads on the thread that started it only (OpenMP keeps the thread
    // count per calling thread): a training on another thread would use every core and sum in
    // another order, so the weights would depend on which thread trains. Apply it on this one.
    int threads = Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads"));
    if (JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
    return engine;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
