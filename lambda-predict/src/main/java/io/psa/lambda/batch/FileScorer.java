package io.psa.lambda.batch;

import io.psa.dsp.input.SignalReader;
import io.psa.model.ModelInfo;
import io.psa.model.scoring.ScoredWindow;
import java.io.IOException;

/**
 * Scores a whole signal read in chunks, in memory bounded by the pipeline's configuration and
 * never by the file's length, writing one result per window as it goes.
 */
public interface FileScorer {

  /** Receives windows in time order, each a line of {@code results/<name>.jsonl}. */
  @FunctionalInterface
  interface WindowOut {
    void accept(ScoredWindow w) throws IOException;
  }

  ModelInfo model();

  /** The channels a file must carry, in the model's order. */
  java.util.List<String> channels();

  /**
   * @throws io.psa.dsp.ValidationException a bad file, naming the record and field
   */
  FileSummary score(SignalReader reader, WindowOut out) throws IOException;
}
