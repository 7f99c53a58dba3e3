package io.psa.dsp.input;

import io.psa.dsp.SensorBatch;
import java.util.Map;

/**
 * A parsed {@code /predict} body (docs/api.md).
 *
 * @param assetId the optional {@code asset_id}, or null
 * @param batch the {@code sensor_batch} records for the reader's channels, in their order
 * @param config the optional {@code config} object as read (numbers, strings, booleans, nested
 *     maps and lists), for {@link io.psa.dsp.PipelineConfig#fromMap}; null when absent
 */
public record PredictRequest(String assetId, SensorBatch batch, Map<String, Object> config) {}
