package io.psa.model.evaluation;

import io.psa.model.Detectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link SkabProtocol} for every configured detector on every labelled file and on every
 * piece of the anomaly-free recording, files in parallel. A file that cannot be evaluated is
 * named in the report with its reason and counted as predicted all-normal, so the totals are over
 * all files; it never stops the others. Results do not depend on the number of threads: every fit
 * is seeded from the configuration alone.
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

  /**
   * @param labelled the experiments, in group then file order
   * @param anomalyFree the pieces of the anomaly-free recording (may be empty)
   */
  public SkabReport run(List<SkabFile> labelled, List<SkabFile> anomalyFree, Listener listener) {
    long start = System.nanoTime();
    // an unknown detector is the caller's mistake, not one file's: fail before any work
    config.detectors().forEach(d -> Detectors.trainer(d.name()));
    SkabProtocol protocol = new SkabProtocol(config);
    Map<SkabFile, Integer> halves = new LinkedHashMap<>(halves(labelled));
    anomalyFree.forEach(f -> halves.put(f, 0));
    AtomicInteger done = new AtomicInteger();
    List<Future<List<FileResult>>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (var e : halves.entrySet()) {
        futures.add(pool.submit(() -> {
          try {
            return evaluate(protocol, e.getKey(), e.getValue());
          } finally {
            listener.fileDone(e.getKey(), done.incrementAndGet(), halves.size());
          }
        }));
      }
    }
    List<FileResult> results = new ArrayList<>();
    for (Future<List<FileResult>> f : futures) {
      try {
        results.addAll(f.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("evaluation failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    List<String> order = config.detectors().stream().map(SkabConfig.DetectorSpec::name).toList();
    results.sort(Comparator.comparingInt((FileResult r) -> order.indexOf(r.detector())));
    return new SkabReport(config, results, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Each labelled file's half: within each group, in file order, the first half of the files
   * (rounded up) is half 1, the rest half 2. Settings are chosen on one half and confirmed on the
   * other.
   */
  static Map<SkabFile, Integer> halves(List<SkabFile> files) {
    Map<String, List<SkabFile>> groups = new LinkedHashMap<>();
    files.forEach(f -> groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f));
    Map<SkabFile, Integer> out = new LinkedHashMap<>();
    groups.values().forEach(g -> {
      int first = (g.size() + 1) / 2;
      for (int i = 0; i < g.size(); i++) {
        out.put(g.get(i), i < first ? 1 : 2);
      }
    });
    return out;
  }

  /** Input a detector or the pipeline rejects fails that pair, scored all-normal, never the run. */
  private List<FileResult> evaluate(SkabProtocol protocol, SkabFile file, int half) {
    List<FileResult> out = new ArrayList<>();
    for (SkabConfig.DetectorSpec spec : config.detectors()) {
      try {
        out.add(protocol.run(file, spec, half));
      } catch (IllegalArgumentException e) { // a ValidationException, or a trainer refusing the data
        out.add(protocol.failed(file, spec, half, e.getMessage()));
      }
    }
    return out;
  }
}
