package io.psa.lambda.batch;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.StreamingPipeline;
import io.psa.dsp.input.SignalReader;
import io.psa.model.ModelInfo;
import io.psa.model.artifact.TrainedModel;
import io.psa.model.scoring.Diagnostics;
import io.psa.model.scoring.ModelScorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FileScorer} over the core's {@link StreamingPipeline} (features equal to whole-signal
 * processing within 1e-9, ADR 4): chunks of records in, windows scored in blocks of {@value
 * #BLOCK} by the model's scaler, detector and calibration, the top channel of each anomalous
 * window from the detector's attribution.
 *
 * <p>Interim: one continuous segment per file (a gap beyond {@code max_gap_ms} fails the file) and
 * no context across blocks for sequence models; the core's streaming scorer (issue 8), with gap
 * splitting and the model's alarm rule, takes its place when it lands.
 */
public final class StreamedFileScorer implements FileScorer {
  static final int BLOCK = 256;
  /** Intervals kept for the summary; beyond them a pathological file only counts its windows. */
  static final int MAX_INTERVALS = 10_000;
  private static final int CHUNK_ROWS = 10_000;

  private final ModelScorer scorer;

  public StreamedFileScorer(ModelScorer scorer) {
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
    TrainedModel m = scorer.trainedModel();
    Blocks blocks = new Blocks(m, scorer.threshold(), out);
    StreamingPipeline pipeline = new StreamingPipeline(m.config(), m.channels(), blocks::add);
    long rows = 0;
    long first = Long.MIN_VALUE;
    long last = Long.MIN_VALUE;
    try {
      for (SensorBatch chunk; (chunk = reader.next(CHUNK_ROWS)) != null; ) {
        pipeline.push(chunk);
        if (rows == 0) {
          first = chunk.tsMs()[0];
        }
        rows += chunk.size();
        last = chunk.tsMs()[chunk.size() - 1];
      }
      pipeline.finish();
      blocks.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new FileSummary(rows, 1, List.of(), blocks.windows, blocks.anomalous,
        blocks.windows == 0 ? Double.NaN : blocks.max, scorer.threshold(), blocks.intervals,
        first, last);
  }

  /** Windows collected and scored a block at a time; anomalous runs merged as they come. */
  private static final class Blocks {
    private final TrainedModel m;
    private final double threshold;
    private final WindowOut out;
    private final double[][] features;
    private final long[] starts = new long[BLOCK];
    private final long[] ends = new long[BLOCK];
    private int n;
    long windows;
    long anomalous;
    double max = Double.NEGATIVE_INFINITY;
    final List<FileSummary.Interval> intervals = new ArrayList<>();
    private FileSummary.Interval open;

    Blocks(TrainedModel m, double threshold, WindowOut out) {
      this.m = m;
      this.threshold = threshold;
      this.out = out;
      this.features = new double[BLOCK][m.featureNames().size()];
    }

    void add(long start, long end, double[] f) {
      System.arraycopy(f, 0, features[n], 0, f.length);
      starts[n] = start;
      ends[n] = end;
      if (++n == BLOCK) {
        flush();
      }
    }

    void flush() {
      if (n == 0) {
        return;
      }
      double[][] rows = n == BLOCK ? features : java.util.Arrays.copyOf(features, n);
      double[][] scaled = m.scaler().transform(rows);
      double[] scores = m.calibration().apply(m.detector().score(scaled));
      String[] tops = topChannels(scaled, scores);
      try {
        for (int i = 0; i < n; i++) {
          boolean a = scores[i] >= threshold;
          out.accept(new Window(starts[i], ends[i], scores[i], a, tops[i]));
          windows++;
          max = Math.max(max, scores[i]);
          if (a) {
            anomalous++;
            merge(starts[i], ends[i], scores[i], tops[i]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      n = 0;
    }

    /** The top channel of each anomalous window (one attribution call for the block), else null. */
    private String[] topChannels(double[][] scaled, double[] scores) {
      String[] tops = new String[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        k += scores[i] >= threshold ? 1 : 0;
      }
      if (k == 0) {
        return tops;
      }
      double[][] rows = new double[k][];
      int j = 0;
      for (int i = 0; i < n; i++) {
        if (scores[i] >= threshold) {
          rows[j++] = scaled[i];
        }
      }
      double[][] c = m.detector().contributions(rows);
      j = 0;
      for (int i = 0; i < n; i++) {
        if (scores[i] >= threshold) {
          tops[i] = Diagnostics.shares(m.featureNames(), c[j++]).getFirst().channel();
        }
      }
      return tops;
    }

    private void merge(long start, long end, double score, String top) {
      if (open != null && start <= open.endTsMs()) {
        boolean peak = score > open.peakScore();
        open = new FileSummary.Interval(open.startTsMs(), Math.max(end, open.endTsMs()),
            Math.max(score, open.peakScore()), peak ? top : open.topChannel());
        intervals.set(intervals.size() - 1, open);
      } else if (intervals.size() < MAX_INTERVALS) {
        open = new FileSummary.Interval(start, end, score, top);
        intervals.add(open);
      } else {
        open = null;
      }
    }
  }
}
