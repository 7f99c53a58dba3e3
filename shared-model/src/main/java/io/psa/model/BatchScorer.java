package io.psa.model;

import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import java.util.List;

/**
 * Turns a validated batch into a {@link Prediction}: the one place scoring happens. The Lambda,
 * the container's {@code /invocations} and {@code /predict}, and batch scoring all call it.
 * Thread-safe.
 */
public interface BatchScorer {

  /** The channels the model was trained on, in order; a batch must carry each of them. */
  List<String> channels();

  /** The pipeline configuration the model was trained with. */
  PipelineConfig config();

  /** Name, version and detector of the loaded model, as echoed in every prediction. */
  ModelInfo model();

  /**
   * Scores one batch.
   *
   * @param assetId the caller's machine id, echoed in the prediction; may be null
   * @param requestId the prediction's id; null lets the scorer make one
   * @throws io.psa.dsp.ValidationException for input the pipeline rejects (maps to 400)
   */
  Prediction score(SensorBatch batch, String assetId, String requestId);
}
