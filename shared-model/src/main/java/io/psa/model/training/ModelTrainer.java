package io.psa.model.training;

import io.psa.dsp.Pipeline;
import io.psa.dsp.ValidationException;
import io.psa.model.Detector;
import io.psa.model.ModelInfo;
import io.psa.model.artifact.ArtifactWriter;
import io.psa.model.artifact.RuntimeInfo;
import io.psa.model.artifact.TrainedModel;
import io.psa.model.artifact.TrainingInfo;
import io.psa.model.calibration.CalibrationFitter;
import io.psa.model.calibration.ScoreCalibration;
import io.psa.model.scaling.StandardScaler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a model from continuous signals: features (streamed), scaler, detector, calibration;
 * then, with {@link #trainTo}, the artifact directory. The calibration is fitted on the detector's
 * scores of its own training windows. Instances hold no state between runs; the listener is
 * called on the training thread.
 */
public final class ModelTrainer {

  /** Fewer training windows than this cannot place a threshold meaningfully. */
  public static final int MIN_WINDOWS = 10;

  private final TrainingSettings settings;
  private final TrainingListener listener;
  private final String codeVersion;

  /**
   * @param settings what to train
   * @param listener progress, or {@link TrainingListener#NONE}
   * @param codeVersion the psa version for the manifest
   */
  public ModelTrainer(TrainingSettings settings, TrainingListener listener, String codeVersion) {
    this.settings = settings;
    this.listener = listener;
    this.codeVersion = codeVersion;
  }

  /** An in-memory training result: the model, its provenance and the summary. */
  public record Result(TrainedModel model, TrainingInfo info, TrainingSummary summary) {}

  /** Trains and writes the artifact to {@code dir} (absent or empty). */
  public TrainingSummary trainTo(List<SignalSource> signals, Path dir) throws IOException {
    long start = System.nanoTime();
    Result result = train(signals);
    listener.progress("save", 0, 1);
    ArtifactWriter.write(dir, result.model(), result.info(), RuntimeInfo.current(codeVersion));
    listener.progress("save", 1, 1);
    TrainingSummary s = result.summary();
    return new TrainingSummary(s.model(), dir, s.signals(), s.rows(), s.windows(), s.rawQuantiles(),
        s.threshold(), s.thresholdQuantile(), s.flaggedFraction(), s.featureSeconds(),
        s.fitSeconds(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Trains in memory.
   *
   * @throws ValidationException for a signal the pipeline rejects, or too few windows
   */
  public Result train(List<SignalSource> signals) throws IOException {
    long startNanos = System.nanoTime();
    if (signals.isEmpty()) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, "data", -1,
          "data: no training signal given");
    }
    TrainingFeatures features = new TrainingFeatures();
    features.read(signals, settings.config(), settings.channels(), listener);
    double featureSeconds = (System.nanoTime() - startNanos) / 1e9;
    double[][] rows = features.matrix();
    if (rows.length < MIN_WINDOWS) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, "data", -1,
          "data: " + rows.length + " training windows, at least " + MIN_WINDOWS + " are needed");
    }
    listener.progress("fit", 0, 1);
    FittedDetector fitted = FittedDetector.fit(
        rows, settings.detector(), settings.detectorParams(), settings.seed());
    StandardScaler scaler = fitted.scaler();
    Detector detector = fitted.detector();
    listener.progress("fit", 1, 1);
    listener.progress("calibrate", 0, 1);
    double[] raw = fitted.score(rows);
    ScoreCalibration calibration = CalibrationFitter.fit(raw, settings.thresholdQuantile());
    listener.progress("calibrate", 1, 1);
    double total = (System.nanoTime() - startNanos) / 1e9;

    Instant now = Instant.now();
    String version = settings.modelVersion() != null ? settings.modelVersion()
        : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now);
    ModelInfo info = new ModelInfo(settings.modelName(), version, detector.kind());
    List<String> names = new Pipeline(settings.config(), settings.channels()).featureNames();
    TrainedModel model = new TrainedModel(info, settings.config(), settings.channels(), names,
        scaler, calibration, detector);
    TrainingInfo provenance = new TrainingInfo(features.signals, features.records, rows.length,
        features.firstTsMs, features.lastTsMs, settings.seed(), settings.toMap(), total,
        now.toString());
    TrainingSummary summary = new TrainingSummary(info, null, signals.size(), features.records,
        rows.length, quantiles(raw), calibration.threshold(), settings.thresholdQuantile(),
        flagged(calibration, raw), featureSeconds, total - featureSeconds, total);
    return new Result(model, provenance, summary);
  }

  private static Map<String, Double> quantiles(double[] raw) {
    double[] sorted = raw.clone();
    Arrays.sort(sorted);
    Map<String, Double> q = new LinkedHashMap<>();
    q.put("p50", CalibrationFitter.quantile(sorted, 0.5));
    q.put("p90", CalibrationFitter.quantile(sorted, 0.9));
    q.put("p99", CalibrationFitter.quantile(sorted, 0.99));
    q.put("p99.9", CalibrationFitter.quantile(sorted, 0.999));
    q.put("max", sorted[sorted.length - 1]);
    return q;
  }

  private static double flagged(ScoreCalibration calibration, double[] raw) {
    int n = 0;
    for (double r : raw) {
      if (calibration.apply(r) >= calibration.threshold()) {
        n++;
      }
    }
    return (double) n / raw.length;
  }
}
