package io.psa.model.scoring;

import io.psa.model.Detector;
import io.psa.model.Episode;
import io.psa.model.Prediction.Contribution;
import io.psa.model.artifact.TrainedModel;
import io.psa.model.calibration.ScoreCalibration;
import io.psa.model.detection.AlarmRule;
import io.psa.model.detection.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place windows are scored, for one stream (a {@code /predict} batch, a file, a segment
 * of a file): the model's feature selection, the reference (static or adaptive), the scaler, the
 * detector with the context a sequence model needs, the window calibration, the alarm rule and
 * the episodes it raises. Every edge scores through it, so a window gets the same score and flag
 * wherever it is scored. Not thread-safe: one per stream.
 */
public final class WindowScorer {

  /** Receives the stream's results in time order. */
  public interface Listener {
    /** A scored window. */
    void window(ScoredWindow window);

    /** A closed episode (or, at {@link #finish}, the one still open). */
    default void episode(Episode episode) {}
  }

  /** Episode features and channels are listed until their shares reach this much of the whole. */
  static final double EXPLAINED_SHARE = 0.6;

  private final Detector detector;
  private final ScoreCalibration calibration;
  private final List<String> featureNames;
  private final int[] columns;
  private final double[] scale;
  private final double[] reference;
  private final double alpha;
  private final long rebaselineMs;
  private final AlarmRule.Tracker tracker;
  private final boolean explainWindows;
  private final Listener listener;
  private final double[][] context;
  private final long[] recentStarts;
  private long seen;
  private long sinceReset;
  private OpenEpisode episode;
  private double largestStatistic = Double.NEGATIVE_INFINITY;
  private double topScore = Double.NEGATIVE_INFINITY;
  private double[] topFeatures;
  private double[][] topContext;

  /**
   * @param model the model
   * @param columns the model's features' indices into the feature vectors {@link #accept} gets
   *     (its selection's {@code columns} of the pipeline's names; read, never changed)
   * @param explainWindows whether a window the alarm is on for names its top channel (one
   *     attribution per such window; normal windows are never explained)
   */
  public WindowScorer(TrainedModel model, int[] columns, boolean explainWindows, Listener listener) {
    Detection d = model.detection();
    this.detector = model.detector();
    this.calibration = model.calibration();
    this.featureNames = model.featureNames();
    this.columns = columns;
    this.scale = model.scaler().scale();
    this.reference = model.scaler().mean().clone();
    this.alpha = d.reference().alpha(model.config().strideMs());
    this.rebaselineMs = Math.round(d.reference().rebaselineAfterS() * 1000);
    this.tracker = d.alarm().tracker(d.rawThreshold());
    this.explainWindows = explainWindows;
    this.listener = listener;
    this.context = new double[Math.max(1, detector.context())][];
    this.recentStarts = new long[d.alarm().n()];
  }

  /**
   * Scores the next window.
   *
   * @param features the pipeline's feature vector of the window (not kept)
   */
  public void accept(long startMs, long endMs, double[] features) {
    double[] x = new double[columns.length];
    double[] z = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      x[j] = features[columns[j]];
      z[j] = (x[j] - reference[j]) / scale[j];
    }
    double[][] rows = pushContext(z);
    double raw = detector.scoreLast(rows);
    double score = calibration.apply(raw);
    recentStarts[(int) (sinceReset % recentStarts.length)] = startMs;
    sinceReset++;
    boolean alarm = tracker.next(raw);
    largestStatistic = Math.max(largestStatistic, tracker.statistic());
    if (score > topScore) {
      topScore = score;
      topFeatures = features.clone();
      topContext = rows;
    }
    if (alarm) {
      if (episode == null) {
        episode = new OpenEpisode(firstAboveStart(startMs));
      }
      episode.add(endMs, score, rows);
    } else if (episode != null) {
      close(false, false);
    }
    String topChannel = explainWindows && alarm ? topChannel(rows) : null;
    listener.window(new ScoredWindow(startMs, endMs, score, raw, alarm, topChannel));
    if (!alarm) {
      for (int j = 0; j < x.length && alpha > 0; j++) {
        reference[j] += alpha * (x[j] - reference[j]);
      }
    } else if (rebaselineMs > 0 && endMs - episode.startMs >= rebaselineMs) {
      System.arraycopy(x, 0, reference, 0, x.length);
      close(false, true);
      tracker.reset();
      sinceReset = 0;
    }
  }

  /** Ends the stream: an episode still open is reported, marked open. */
  public void finish() {
    if (episode != null) {
      close(true, false);
    }
  }

  /**
   * Starts from another stream's reference: the next segment of a recording after a gap is the same
   * machine at the same operating point, though its windows and alarms start afresh.
   */
  public void continueReference(WindowScorer previous) {
    System.arraycopy(previous.reference, 0, reference, 0, reference.length);
  }

  /** Windows scored so far. */
  public long windows() {
    return seen;
  }

  /**
   * The largest alarm statistic of the stream so far: the batch statistic that {@link
   * io.psa.model.detection.BatchCalibration} calibrates; it reaches the threshold exactly when
   * some window alarmed.
   */
  public double largestStatistic() {
    return largestStatistic;
  }

  /** The highest window score so far, or -infinity before any window. */
  public double topScore() {
    return topScore;
  }

  /** The pipeline feature vector of the highest-scoring window (a copy), or null. */
  public double[] topFeatures() {
    return topFeatures;
  }

  /** What drove the highest-scoring window's score, read with its context; largest first. */
  public List<Contribution> topDiagnostics() {
    return Diagnostics.shares(featureNames, detector.contributionsLast(topContext));
  }

  /** The last {@code context} scaled rows, oldest first, ending with {@code z}. */
  private double[][] pushContext(double[] z) {
    int size = context.length;
    context[(int) (seen % size)] = z;
    seen++;
    int available = (int) Math.min(size, seen);
    double[][] rows = new double[available][];
    for (int i = 0; i < available; i++) {
      rows[i] = context[(int) ((seen - available + i) % size)];
    }
    return rows;
  }

  /** The start of the earliest window at or above the threshold among those the rule looked at. */
  private long firstAboveStart(long fallback) {
    int ago = tracker.firstAboveAgo();
    return ago < 0 ? fallback : recentStarts[(int) ((sinceReset - 1 - ago) % recentStarts.length)];
  }

  private String topChannel(double[][] rows) {
    List<Contribution> shares = Diagnostics.shares(featureNames, detector.contributionsLast(rows));
    return shares.isEmpty() ? null : shares.get(0).channel();
  }

  private void close(boolean open, boolean rebaselined) {
    OpenEpisode e = episode;
    episode = null;
    List<Contribution> shares = Diagnostics.shares(featureNames, detector.contributionsLast(e.peakContext));
    List<String> features = new ArrayList<>();
    double covered = 0;
    for (Contribution c : shares) {
      if (covered >= EXPLAINED_SHARE || features.size() == 5) {
        break;
      }
      features.add(c.feature());
      covered += c.share();
    }
    List<String> channels = new ArrayList<>();
    covered = 0;
    for (Map.Entry<String, Double> c : Diagnostics.byChannel(shares).entrySet()) {
      if (covered >= EXPLAINED_SHARE || channels.size() == 3) {
        break;
      }
      channels.add(c.getKey());
      covered += c.getValue();
    }
    listener.episode(new Episode(e.startMs, e.endMs, e.windows, e.peakScore, e.peakTsMs, channels,
        features, open, rebaselined));
  }

  /** The episode being built. */
  private static final class OpenEpisode {
    final long startMs;
    long endMs;
    int windows;
    double peakScore = Double.NEGATIVE_INFINITY;
    long peakTsMs;
    double[][] peakContext;

    OpenEpisode(long startMs) {
      this.startMs = startMs;
    }

    void add(long end, double score, double[][] rows) {
      endMs = end;
      windows++;
      if (score > peakScore) {
        peakScore = score;
        peakTsMs = end;
        peakContext = rows; // a fresh array per window (pushContext), never changed
      }
    }
  }
}
