package io.psa.model.evaluation;

import io.psa.dsp.SensorBatch;
import io.psa.model.scoring.Collected;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.scoring.ScoredWindow;
import io.psa.model.scoring.SegmentedScorer;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.SignalSource;
import io.psa.model.training.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The docs/evaluation.md protocol for one file and one detector, through the product itself: the
 * model is trained by {@link ModelTrainer} on the file's first {@code train_rows} rows, exactly as
 * {@code psa train} would; the whole file is then scored by the streaming scorer of S3 batch
 * scoring ({@link SegmentedScorer}), whose windows' alarm flags (the model's own alarm rule) label
 * the test rows causally ({@link CausalLabels}). No step exists only here. Stateless and
 * thread-safe.
 */
public final class SkabProtocol {

  /** Held while an exclusive detector trains: one such training per process at a time. */
  private static final Object EXCLUSIVE = new Object();

  /** Records per chunk pushed to the streaming scorer (a minute and a half of SKAB). */
  static final int CHUNK = 100;

  private final SkabConfig config;

  public SkabProtocol(SkabConfig config) {
    this.config = config;
  }

  /**
   * Trains on the file's first rows and labels every test row.
   *
   * @param half 1 or 2 for a labelled file, 0 for an anomaly-free piece
   * @throws IllegalArgumentException (a {@link io.psa.dsp.ValidationException} among them) for a
   *     file the pipeline or the trainer rejects
   */
  public FileResult run(SkabFile file, SkabConfig.DetectorSpec spec, int half) {
    long start = System.nanoTime();
    int from = config.trainRows();
    if (file.rows() <= from) {
      throw new io.psa.dsp.ValidationException(io.psa.dsp.ValidationException.Code.TOO_LITTLE_DATA,
          file.id(), -1, file.id() + ": " + file.rows() + " rows, more than the " + from
              + " training rows are needed");
    }
    ModelTrainer.Result trained = train(file, spec);
    ModelScorer scorer = new ModelScorer(trained.model());
    Collected collected = new Collected();
    SegmentedScorer stream = new SegmentedScorer(scorer, false, collected);
    SensorBatch all = file.batch();
    for (int at = 0; at < file.rows(); at += CHUNK) {
      stream.push(all.slice(at, Math.min(file.rows(), at + CHUNK)));
    }
    stream.finish();
    List<ScoredWindow> windows = collected.windows();

    long[] ends = windows.stream().mapToLong(ScoredWindow::endTsMs).toArray();
    boolean[] alarms = new boolean[windows.size()];
    for (int i = 0; i < alarms.length; i++) {
      alarms[i] = windows.get(i).isAnomaly();
    }
    int[] windowOf = CausalLabels.windowOfRow(ends, all.tsMs(), from);
    int[] predictions = CausalLabels.labels(windowOf, alarms);
    // for the pictures: the training median at 0 and the threshold at 1, whatever the detector
    double threshold = trained.model().detection().rawThreshold();
    double median = trained.model().calibration().rawAt(0.5);
    double unit = threshold > median ? threshold - median : 1;
    double[] scores = new double[windowOf.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = windowOf[i] < 0 ? Double.NaN : (windows.get(windowOf[i]).raw() - median) / unit;
    }
    int[] labels = Arrays.copyOfRange(file.anomaly(), from, file.rows());
    return new FileResult(file, spec.name(), half, file.datetimes().subList(from, file.rows()),
        labels, predictions, scores, collected.episodes(), Counts.of(labels, predictions),
        (System.nanoTime() - start) / 1e9, trained, null);
  }

  /** The result of a file that could not be evaluated: every test row predicted normal. */
  public FileResult failed(SkabFile file, SkabConfig.DetectorSpec spec, int half, String reason) {
    int from = Math.min(config.trainRows(), file.rows());
    int[] labels = Arrays.copyOfRange(file.anomaly(), from, file.rows());
    int[] predictions = new int[labels.length];
    double[] scores = new double[labels.length];
    Arrays.fill(scores, Double.NaN);
    return new FileResult(file, spec.name(), half, file.datetimes().subList(from, file.rows()),
        labels, predictions, scores, List.of(), Counts.of(labels, predictions), 0, null, reason);
  }

  private ModelTrainer.Result train(SkabFile file, SkabConfig.DetectorSpec spec) {
    var settings = config.settingsFor(spec, file.channels(), "skab-" + file.group() + "-"
        + file.name());
    SignalSource head = SignalSource.of(file.id() + " rows 0-" + (config.trainRows() - 1),
        file.batch().slice(0, config.trainRows()));
    ModelTrainer trainer = new ModelTrainer(settings, TrainingListener.NONE, "evaluation");
    try {
      if (!spec.exclusive()) {
        return trainer.train(List.of(head));
      }
      synchronized (EXCLUSIVE) {
        return trainer.train(List.of(head));
      }
    } catch (IOException e) {
      // an in-memory signal is never read from disk
      throw new UncheckedIOException(e);
    }
  }
}
