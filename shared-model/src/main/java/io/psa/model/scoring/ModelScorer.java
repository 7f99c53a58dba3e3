package io.psa.model.scoring;

import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.model.BatchScorer;
import io.psa.model.Episode;
import io.psa.model.ModelInfo;
import io.psa.model.Prediction;
import io.psa.model.artifact.ArtifactReader;
import io.psa.model.artifact.TrainedModel;
import io.psa.model.detection.BatchCalibration;
import io.psa.model.detection.Detection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores batches with one trained model: the pipeline, then the model's {@link WindowScorer} over
 * the batch as a stream of its own, then the batch's calibrated score and the {@link Prediction} of
 * docs/api.md with its episodes and the diagnostics of the highest-scoring window. Immutable and
 * thread-safe (the pipeline keeps per-thread buffers; detectors are immutable; each call has its
 * own window scorer).
 */
public final class ModelScorer implements BatchScorer {

  private final TrainedModel model;
  private final Pipeline pipeline;
  /** The model's features' indices into the pipeline's vector, worked out once. */
  private final int[] columns;

  /** Wraps a model in memory (fresh from training or loaded). */
  public ModelScorer(TrainedModel model) {
    this.model = model;
    this.pipeline = new Pipeline(model.config(), model.channels());
    this.columns = model.detection().selection().columns(pipeline.featureNames());
    List<String> selected = model.detection().selection().names(pipeline.featureNames());
    if (!selected.equals(model.featureNames())) {
      throw new IllegalArgumentException("the model's feature names " + model.featureNames()
          + " differ from the ones its selection keeps of its pipeline: " + selected);
    }
  }

  /** Loads and verifies an artifact directory (see {@link ArtifactReader#read}). */
  public static ModelScorer load(Path dir) throws IOException {
    return new ModelScorer(ArtifactReader.read(dir).model());
  }

  /** The model behind this scorer. */
  public TrainedModel trainedModel() {
    return model;
  }

  @Override
  public List<String> channels() {
    return model.channels();
  }

  @Override
  public PipelineConfig config() {
    return model.config();
  }

  @Override
  public ModelInfo model() {
    return model.info();
  }

  /** The alarm rule's threshold in the window score's space. */
  public double windowThreshold() {
    return model.calibration().apply(model.detection().rawThreshold());
  }

  /** A window scorer for one stream of this model's windows. */
  public WindowScorer windowScorer(boolean explainWindows, WindowScorer.Listener listener) {
    return new WindowScorer(model, columns, explainWindows, listener);
  }

  /**
   * Scores one batch as a stream of its own: every window's score and alarm flag, the episodes,
   * the batch's calibrated score, the top window's raw features and what drove its score.
   *
   * @param assetId echoed in the prediction, may be null
   * @param requestId the answer's id, or null for a random UUID
   * @throws ValidationException for input the pipeline rejects (ordering, gaps, too little data)
   */
  @Override
  public Prediction score(SensorBatch batch, String assetId, String requestId) {
    FeatureMatrix features = pipeline.process(batch);
    List<Prediction.Window> windows = new ArrayList<>(features.windowCount());
    List<Episode> episodes = new ArrayList<>();
    WindowScorer scorer = windowScorer(false, new WindowScorer.Listener() {
      @Override
      public void window(ScoredWindow w) {
        windows.add(new Prediction.Window(w.startTsMs(), w.endTsMs(), w.score(), w.isAnomaly()));
      }

      @Override
      public void episode(Episode e) {
        episodes.add(e);
      }
    });
    for (int i = 0; i < features.windowCount(); i++) {
      scorer.accept(features.windowStartMs()[i], features.windowEndMs()[i], features.rows()[i]);
    }
    scorer.finish();
    Map<String, Double> sample = new LinkedHashMap<>();
    double[] top = scorer.topFeatures();
    for (int j = 0; j < features.featureNames().size(); j++) {
      sample.put(features.featureNames().get(j), top[j]);
    }
    double[] batchScore = batchScore(scorer.largestStatistic(), scorer.topScore(), windows.size(),
        !episodes.isEmpty());
    return new Prediction(
        requestId != null ? requestId : UUID.randomUUID().toString(),
        assetId,
        model.info(),
        batchScore[0],
        !episodes.isEmpty(),
        batchScore[1],
        windowThreshold(),
        windows,
        episodes,
        sample,
        scorer.topDiagnostics(),
        batch.size(),
        batch.tsMs()[0],
        batch.tsMs()[batch.size() - 1]);
  }

  /**
   * The batch's score and threshold in the batch score's space, such that the score reaches the
   * threshold exactly when the batch alarmed (a tie in the calibration's knots could otherwise put
   * an alarmed batch a hair below its threshold, or a quiet one on it).
   */
  private double[] batchScore(double statistic, double topScore, int windows, boolean alarmed) {
    Detection d = model.detection();
    BatchCalibration batch = d.batch();
    if (batch == null) {
      // format 1: a batch scores its highest window against the calibration's threshold
      return new double[] {topScore, model.calibration().threshold()};
    }
    double score = batch.apply(statistic, windows);
    double threshold = batch.apply(d.rawThreshold(), windows);
    if (alarmed && score < threshold) {
      score = threshold;
    } else if (!alarmed && score >= threshold) {
      score = Math.nextDown(threshold);
    }
    return new double[] {score, threshold};
  }
}
