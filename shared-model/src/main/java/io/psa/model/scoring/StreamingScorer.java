package io.psa.model.scoring;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.StreamingPipeline;
import io.psa.dsp.ValidationException;

/**
 * Scores one continuous signal too long to hold (a file of hours) in chunks: the streaming
 * pipeline feeds the model's {@link WindowScorer}, which keeps the sequence model's context, the
 * reference and the alarm rule's state across chunks. Its windows equal those of {@link
 * ModelScorer#score} on the whole signal as one batch. Memory depends on the model and the
 * configuration, never on the signal's length. Not thread-safe: one per signal.
 *
 * <pre>{@code
 * StreamingScorer s = new StreamingScorer(scorer, true, listener);
 * reader.forEachChunk(s::push);
 * s.finish();
 * }</pre>
 */
public final class StreamingScorer {

  private final WindowScorer windows;
  private final StreamingPipeline pipeline;

  /**
   * @param explainWindows whether a window the alarm is on for names its top channel
   * @param listener receives windows and episodes as they complete
   */
  public StreamingScorer(ModelScorer scorer, boolean explainWindows, WindowScorer.Listener listener) {
    this(scorer, explainWindows, listener, 0, null);
  }

  /**
   * A scorer for a later segment of a recording.
   *
   * @param firstRecordIndex the index of the segment's first record in the recording (errors name
   *     records by it)
   * @param previous the previous segment's scorer, whose reference this one continues, or null
   */
  StreamingScorer(ModelScorer scorer, boolean explainWindows, WindowScorer.Listener listener,
      long firstRecordIndex, StreamingScorer previous) {
    this.windows = scorer.windowScorer(explainWindows, listener);
    if (previous != null) {
      windows.continueReference(previous.windows);
    }
    this.pipeline = new StreamingPipeline(scorer.config(), scorer.channels(), windows::accept,
        io.psa.dsp.SampleSink.NONE, firstRecordIndex);
  }

  /**
   * The next records, continuing the previous chunk.
   *
   * @throws ValidationException for records the input rules reject, indices counted from the
   *     start of the signal
   */
  public void push(SensorBatch chunk) {
    pipeline.push(chunk);
  }

  /**
   * Ends the signal: the last windows, and an episode still open (marked open).
   *
   * @throws ValidationException {@code TOO_LITTLE_DATA} when the signal is too short for one window
   */
  public void finish() {
    pipeline.finish();
    windows.finish();
  }

  /** Windows scored so far. */
  public long windows() {
    return windows.windows();
  }
}
