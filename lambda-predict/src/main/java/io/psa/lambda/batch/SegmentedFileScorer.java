package io.psa.lambda.batch;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.input.SignalReader;
import io.psa.model.Episode;
import io.psa.model.ModelInfo;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.scoring.ScoredWindow;
import io.psa.model.scoring.SegmentedScorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FileScorer} over the core's {@link SegmentedScorer}: chunks of 10,000 records in; a gap
 * beyond the model's {@code max_gap_ms} ends a segment and starts the next (reported, never
 * spanned by a window); sequence models keep their context and the alarm rule its state across
 * chunks; each window the alarm is on for names its top channel. Its windows equal the model's
 * whole-signal scoring. Lists in the summary are capped so that a pathological file cannot grow
 * them without bound.
 */
public final class SegmentedFileScorer implements FileScorer {
  /** Most gaps, skipped segments and episodes listed in a summary (all are counted). */
  public static final int MAX_LISTED = 10_000;
  private static final int CHUNK_ROWS = 10_000;

  private final ModelScorer scorer;

  public SegmentedFileScorer(ModelScorer scorer) {
    this.scorer = scorer;
  }

  @Override
  public ModelInfo model() {
    return scorer.model();
  }

  @Override
  public List<String> channels() {
    return scorer.channels();
  }

  @Override
  public FileSummary score(SignalReader reader, WindowOut out) throws IOException {
    Tally tally = new Tally(out);
    SegmentedScorer segmented = new SegmentedScorer(scorer, true, tally);
    long rows = 0;
    long first = Long.MIN_VALUE;
    long last = Long.MIN_VALUE;
    try {
      for (SensorBatch chunk; (chunk = reader.next(CHUNK_ROWS)) != null; ) {
        segmented.push(chunk);
        if (rows == 0) {
          first = chunk.tsMs()[0];
        }
        rows += chunk.size();
        last = chunk.tsMs()[chunk.size() - 1];
      }
      segmented.finish();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new FileSummary(rows, segmented.segments(), tally.gaps, tally.skipped, tally.windows,
        tally.anomalous, tally.windows == 0 ? Double.NaN : tally.max, scorer.windowThreshold(),
        tally.episodes, first, last);
  }

  /** Counts what the scorer reports and passes each window on. */
  private static final class Tally implements SegmentedScorer.Listener {
    private final WindowOut out;
    final List<SegmentedScorer.Gap> gaps = new ArrayList<>();
    final List<SegmentedScorer.Segment> skipped = new ArrayList<>();
    final List<Episode> episodes = new ArrayList<>();
    long windows;
    long anomalous;
    double max = Double.NEGATIVE_INFINITY;

    Tally(WindowOut out) {
      this.out = out;
    }

    @Override
    public void window(ScoredWindow w) {
      try {
        out.accept(w);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      windows++;
      anomalous += w.isAnomaly() ? 1 : 0;
      max = Math.max(max, w.score());
    }

    @Override
    public void episode(Episode e) {
      add(episodes, e);
    }

    @Override
    public void segment(SegmentedScorer.Segment s) {
      if (s.skipped() != null) {
        add(skipped, s);
      }
    }

    @Override
    public void gap(SegmentedScorer.Gap g) {
      add(gaps, g);
    }

    private static <T> void add(List<T> list, T item) {
      if (list.size() < MAX_LISTED) {
        list.add(item);
      }
    }
  }
}
