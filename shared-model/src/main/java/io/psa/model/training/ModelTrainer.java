package io.psa.model.training;

import io.psa.dsp.ValidationException;
import io.psa.dsp.features.WindowFeatures;
import io.psa.model.ModelInfo;
import io.psa.model.artifact.ArtifactWriter;
import io.psa.model.artifact.RuntimeInfo;
import io.psa.model.artifact.TrainedModel;
import io.psa.model.artifact.TrainingInfo;
import io.psa.model.calibration.CalibrationFitter;
import io.psa.model.calibration.ScoreCalibration;
import io.psa.model.detection.AlarmRule;
import io.psa.model.detection.BatchCalibration;
import io.psa.model.detection.BatchStatistics;
import io.psa.model.detection.Detection;
import io.psa.model.detection.DetectionSettings;
import io.psa.model.detection.FeatureSelection;
import io.psa.model.detection.RegimeScan;
import io.psa.model.detection.TrainingWarning;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a model from continuous signals: features (streamed), the feature selection (slow
 * channels lose their level), scaler, detector, window calibration, the alarm rule's threshold,
 * the calibration of batch scores and the scan of the training data for regime changes and
 * faults; then, with {@link #trainTo}, the artifact directory. Everything is fitted on the
 * training windows. Instances hold no state between runs; the listener is called on the training
 * thread.
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
    return result.summary().savedTo(dir, (System.nanoTime() - start) / 1e9);
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
    features.read(signals, settings.config(), settings.channels(),
        Math.round(settings.detection().trainingBatchS() * 1000), listener);
    double featureSeconds = (System.nanoTime() - startNanos) / 1e9;
    if (features.rows.size() < MIN_WINDOWS) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, "data", -1,
          "data: " + features.rows.size() + " training windows, at least " + MIN_WINDOWS
              + " are needed");
    }
    DetectionSettings ds = settings.detection();
    List<String> pipelineNames = WindowFeatures.featureNames(settings.channels());
    FeatureSelection selection = FeatureSelection.decide(ds.features(), ds.slowMinSamples(),
        settings.channels(), features.effectiveSamples);
    int[] columns = selection.columns(pipelineNames);
    double[][] rows = select(features.matrix(), columns);

    listener.progress("fit", 0, 1);
    FittedDetector fitted = FittedDetector.fit(
        rows, settings.detector(), settings.detectorParams(), settings.seed());
    listener.progress("fit", 1, 1);

    listener.progress("calibrate", 0, 1);
    int segments = features.segmentStarts.size() - 1;
    double[][] rawBySegment = new double[segments][];
    for (int s = 0; s < segments; s++) {
      // each segment in one call: a sequence model reads each window with the ones before it
      rawBySegment[s] = fitted.score(Arrays.copyOfRange(rows, features.segmentStarts.get(s),
          features.segmentStarts.get(s + 1)));
    }
    double[] raw = concat(rawBySegment);
    AlarmRule alarm = ds.alarmRule(settings.config().strideMs());
    double threshold = alarm.threshold(raw);
    ScoreCalibration calibration = CalibrationFitter.fit(raw, alarm.quantile());
    BatchStatistics statistics = new BatchStatistics(rawBySegment, alarm, threshold);
    BatchCalibration batch =
        BatchCalibration.fit(statistics::of, alarm.k(), statistics.longest(BatchCalibration.MIN_BATCHES));
    List<String> names = selection.names(pipelineNames);
    List<TrainingWarning> warnings = scan(features, rows, names, raw, alarm.k());
    listener.progress("calibrate", 1, 1);
    double total = (System.nanoTime() - startNanos) / 1e9;

    Instant now = Instant.now();
    String version = settings.modelVersion() != null ? settings.modelVersion()
        : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now);
    ModelInfo info = new ModelInfo(settings.modelName(), version, fitted.detector().kind());
    Detection detection = new Detection(selection, ds.reference(), alarm, threshold, batch, warnings);
    TrainedModel model = new TrainedModel(info, settings.config(), settings.channels(), names,
        fitted.scaler(), calibration, fitted.detector(), detection);
    TrainingInfo provenance = new TrainingInfo(features.signals, features.records, rows.length,
        features.firstTsMs, features.lastTsMs, settings.seed(), settings.toMap(), total,
        now.toString());
    TrainingSummary summary = new TrainingSummary(info, null, signals.size(), features.records,
        rows.length, quantiles(raw), calibration.apply(threshold), flagged(alarm, rawBySegment,
        threshold), selection.slowChannels(), warnings, featureSeconds, total - featureSeconds,
        total);
    return new Result(model, provenance, summary);
  }

  private static List<TrainingWarning> scan(TrainingFeatures f, double[][] rows, List<String> names,
      double[] raw, int minRun) {
    List<TrainingWarning> out = new ArrayList<>();
    for (int s = 0; s < f.signals.size(); s++) {
      int from = f.signalStarts.get(s);
      int to = f.signalStarts.get(s + 1);
      RegimeScan.SignalView view = new RegimeScan.SignalView(f.signals.get(s).name(),
          f.timestamps.get(s), f.spans.subList(from, to).toArray(long[][]::new));
      out.addAll(RegimeScan.scan(view, Arrays.copyOfRange(rows, from, to), names,
          Arrays.copyOfRange(raw, from, to), minRun));
    }
    return out;
  }

  private static double[][] select(double[][] all, int[] columns) {
    double[][] out = new double[all.length][columns.length];
    for (int i = 0; i < all.length; i++) {
      for (int j = 0; j < columns.length; j++) {
        out[i][j] = all[i][columns[j]];
      }
    }
    return out;
  }

  private static double[] concat(double[][] parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
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

  /** The share of training windows the alarm rule has on, each segment a stream of its own. */
  private static double flagged(AlarmRule alarm, double[][] rawBySegment, double threshold) {
    long on = 0;
    long all = 0;
    for (double[] r : rawBySegment) {
      for (boolean b : alarm.decide(r, threshold)) {
        on += b ? 1 : 0;
      }
      all += r.length;
    }
    return all == 0 ? 0 : (double) on / all;
  }
}
