package io.psa.model.evaluation;

import io.psa.dsp.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link SkabProtocol} for every configured detector on every file, files in parallel (each
 * file's features are computed once and shared by its detectors). A file the pipeline rejects is
 * reported in {@link SkabReport#failures()} and never stops the others. Results do not depend on
 * the number of threads: every fit is seeded from the configuration alone.
 */
public final class SkabEvaluation {

  /** Told after each file, from the worker threads: {@code done} of {@code total} files. */
  @FunctionalInterface
  public interface Listener {
    void fileDone(SkabFile file, int done, int total);
  }

  private final SkabConfig config;
  private final int threads;

  /**
   * @param config the settings, the same for every file
   * @param threads worker threads, >= 1 (files run in parallel)
   */
  public SkabEvaluation(SkabConfig config, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.config = config;
    this.threads = threads;
  }

  public SkabReport run(List<SkabFile> files, Listener listener) {
    long start = System.nanoTime();
    // an unknown detector is the caller's mistake, not one file's: fail before any work
    config.detectors().forEach(d -> io.psa.model.Detectors.trainer(d.name()));
    SkabProtocol protocol = new SkabProtocol(config);
    AtomicInteger done = new AtomicInteger();
    List<Future<Outcome>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (SkabFile file : files) {
        futures.add(pool.submit(() -> {
          try {
            return evaluate(protocol, file);
          } finally {
            listener.fileDone(file, done.incrementAndGet(), files.size());
          }
        }));
      }
    }
    List<FileResult> results = new ArrayList<>();
    Map<String, String> failures = new TreeMap<>();
    for (int i = 0; i < files.size(); i++) {
      try {
        Outcome outcome = futures.get(i).get();
        results.addAll(outcome.results());
        failures.putAll(outcome.failures());
      } catch (ExecutionException e) {
        throw new IllegalStateException("evaluating " + files.get(i).id() + " failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    List<String> order = config.detectors().stream().map(SkabConfig.DetectorSpec::name).toList();
    results.sort(Comparator.comparingInt((FileResult r) -> order.indexOf(r.detector())));
    return new SkabReport(config, results, failures, (System.nanoTime() - start) / 1e9);
  }

  /** One file's results, and what could not be evaluated, keyed {@code <file>} or {@code <file> <detector>}. */
  private record Outcome(List<FileResult> results, Map<String, String> failures) {}

  /** Input a detector or the pipeline rejects fails that pair or that file, never the run. */
  private Outcome evaluate(SkabProtocol protocol, SkabFile file) {
    List<FileResult> out = new ArrayList<>();
    Map<String, String> failed = new TreeMap<>();
    FileFeatures features;
    try {
      features = FileFeatures.of(file, config);
    } catch (ValidationException e) {
      return new Outcome(out, Map.of(file.id(), e.getMessage()));
    }
    for (SkabConfig.DetectorSpec spec : config.detectors()) {
      try {
        out.add(protocol.run(features, spec));
      } catch (IllegalArgumentException e) { // a ValidationException, or a trainer refusing the data
        failed.put(file.id() + " " + spec.name(), e.getMessage());
      }
    }
    return new Outcome(out, failed);
  }
}
