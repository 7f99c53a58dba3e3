package io.psa.model.scoring;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;

/**
 * Scores a long recording that may have gaps (a machine stopped, a logger restarted): a gap
 * between two records larger than the model's {@code max_gap_ms} ends one continuous segment and
 * starts the next, so no window spans a gap; each segment is a {@link StreamingScorer} of its own
 * (the reference carries over, the windows, context and alarms start afresh). A segment too short
 * for one window is reported and skipped. A single {@code /predict} batch keeps refusing such a gap.
 * Not thread-safe: one per recording.
 */
public final class SegmentedScorer {

  /** Receives windows and episodes, and each segment and gap as it ends. */
  public interface Listener extends WindowScorer.Listener {
    /** A segment ended (at a gap or at the end of the recording). */
    default void segment(Segment segment) {}

    /** A gap ended a segment. */
    default void gap(Gap gap) {}
  }

  /**
   * One continuous stretch of the recording.
   *
   * @param index 0 for the first segment
   * @param firstRecord index of its first record in the recording
   * @param records how many records it holds
   * @param startTsMs its first timestamp
   * @param endTsMs its last timestamp
   * @param windows windows scored in it
   * @param skipped why it was not scored (too short for one window), or null
   */
  public record Segment(int index, long firstRecord, long records, long startTsMs, long endTsMs,
      long windows, String skipped) {}

  /**
   * A gap between two segments.
   *
   * @param afterRecord index of the last record before the gap
   * @param fromTsMs the timestamp before the gap
   * @param toTsMs the timestamp after it
   */
  public record Gap(long afterRecord, long fromTsMs, long toTsMs) {}

  private final ModelScorer scorer;
  private final boolean explainWindows;
  private final Listener listener;
  private final long maxGapMs;
  private StreamingScorer current;
  private StreamingScorer previous;
  private int segments;
  private long scoredWindows;
  private long records;
  private long segmentFirst;
  private long segmentStartTs;
  private long lastTs = Long.MIN_VALUE;

  public SegmentedScorer(ModelScorer scorer, boolean explainWindows, Listener listener) {
    this.scorer = scorer;
    this.explainWindows = explainWindows;
    this.listener = listener;
    this.maxGapMs = scorer.config().maxGapMs();
  }

  /**
   * The next records of the recording.
   *
   * @throws ValidationException for records the input rules reject (other than a gap), naming the
   *     record by its index in the recording
   */
  public void push(SensorBatch chunk) {
    int from = 0;
    for (int i = 0; i < chunk.size(); i++) {
      long t = chunk.tsMs()[i];
      if (current != null && lastTs != Long.MIN_VALUE && t > lastTs && t - lastTs > maxGapMs) {
        feed(chunk, from, i);
        endSegment();
        listener.gap(new Gap(records - 1, lastTs, t));
        from = i;
      }
      if (current == null) {
        startSegment(t);
      }
      // a non-increasing timestamp is left to the pipeline, which rejects it naming the record
      if (t > lastTs || lastTs == Long.MIN_VALUE) {
        lastTs = t;
      }
    }
    feed(chunk, from, chunk.size());
  }

  /**
   * Ends the recording.
   *
   * @throws ValidationException {@code TOO_LITTLE_DATA} when no segment held one window
   */
  public void finish() {
    if (current != null) {
      endSegment();
    }
    if (scoredWindows == 0) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, "sensor_batch", -1,
          "sensor_batch: no stretch of the recording between gaps (max_gap_ms "
              + maxGapMs + ") is long enough for one window of " + scorer.config().windowMs()
              + " ms");
    }
  }

  /** Segments ended so far. */
  public int segments() {
    return segments;
  }

  private void startSegment(long ts) {
    current = new StreamingScorer(scorer, explainWindows, listener, records, previous);
    segmentFirst = records;
    segmentStartTs = ts;
  }

  private void feed(SensorBatch chunk, int from, int to) {
    if (to <= from) {
      return;
    }
    SensorBatch part = from == 0 && to == chunk.size() ? chunk : chunk.slice(from, to);
    current.push(part);
    records += to - from;
  }

  private void endSegment() {
    String skipped = null;
    try {
      current.finish();
    } catch (ValidationException e) {
      if (e.code() != ValidationException.Code.TOO_LITTLE_DATA) {
        throw e;
      }
      skipped = e.getMessage();
    }
    scoredWindows += current.windows();
    listener.segment(new Segment(segments++, segmentFirst, records - segmentFirst, segmentStartTs,
        lastTs, current.windows(), skipped));
    previous = current;
    current = null;
  }
}
