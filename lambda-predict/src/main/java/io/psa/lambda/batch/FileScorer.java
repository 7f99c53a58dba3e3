package io.psa.lambda.batch;

import io.psa.dsp.input.SignalReader;
import io.psa.model.ModelInfo;
import java.io.IOException;

/**
 * Scores a whole signal read in chunks, in memory bounded by the pipeline's configuration and
 * never by the file's length, writing one result per window as it goes.
 */
public interface FileScorer {

  /** One scored window, as a line of {@code results/<name>.jsonl}. */
  record Window(long startTsMs, long endTsMs, double score, boolean isAnomaly, String topChannel) {}

  /** Receives windows in time order. */
  @FunctionalInterface
  interface WindowOut {
    void accept(Window w) throws IOException;
  }

  ModelInfo model();

  /** The channels a file must carry, in the model's order. */
  java.util.List<String> channels();

  /**
   * @throws io.psa.dsp.ValidationException a bad file, naming the record and field
   */
  FileSummary score(SignalReader reader, WindowOut out) throws IOException;
}
