package io.psa.model;

import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * @throws ValidationException for input the pipeline rejects (maps to 400)
   */
  Prediction score(SensorBatch batch, String assetId, String requestId);

  /**
   * Accepts a request's {@code config} only when every key it sends agrees with the model's own
   * configuration: the model fixes its pipeline, and features from another configuration would be
   * scored against the wrong training data. Keys it leaves out take the model's values.
   *
   * @param requested the request's config object, or null when it sent none
   * @throws ValidationException on field {@code config} when it differs, or {@code
   *     config.<key>} when it is invalid
   */
  default void checkRequestConfig(Map<String, ?> requested) {
    if (requested == null || requested.isEmpty()) {
      return;
    }
    Map<String, Object> merged = new LinkedHashMap<>(config().toMap());
    merged.putAll(requested);
    PipelineConfig asked = PipelineConfig.fromMap(merged);
    if (!asked.equals(config())) {
      throw new ValidationException(ValidationException.Code.INVALID_CONFIG, "config", -1,
          "config: this model was trained with " + config().toMap()
              + " and scores only with it; omit config or send exactly that");
    }
  }
}
