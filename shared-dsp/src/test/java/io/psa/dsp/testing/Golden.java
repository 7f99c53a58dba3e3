package io.psa.dsp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference numbers under {@code src/test/resources/io/psa/dsp/golden/} (copies of
 * {@code shared/golden} and the ones {@code src/test/python/make_references.py} writes) from the
 * classpath, so any module's tests can use them through shared-dsp's test-jar.
 */
public final class Golden {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  /** The parsed file {@code io/psa/dsp/golden/<name>}, e.g. {@code "butter_sos.json"}. */
  public static JsonNode load(String name) {
    String path = "/io/psa/dsp/golden/" + name;
    try (InputStream in = Golden.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file on the classpath: " + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  /** A JSON array of numbers as a {@code double[]}. */
  public static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).doubleValue();
    }
    return out;
  }

  /** A JSON array of arrays of numbers, row by row. */
  public static double[][] matrix(JsonNode rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubles(rows.get(i));
    }
    return out;
  }

  /** A JSON array of strings. */
  public static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A pipeline file's {@code config} object through {@link PipelineConfig#fromMap}. */
  public static PipelineConfig config(JsonNode pipelineFile) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = JSON.convertValue(pipelineFile.get("config"), Map.class);
    return PipelineConfig.fromMap(map);
  }

  /** A pipeline file's {@code sensor_batch} (records with {@code ts_ms} and each channel). */
  public static SensorBatch batch(JsonNode pipelineFile) {
    List<String> channels = strings(pipelineFile.get("channels"));
    JsonNode records = pipelineFile.get("sensor_batch");
    long[] ts = new long[records.size()];
    double[][] values = new double[channels.size()][records.size()];
    for (int i = 0; i < ts.length; i++) {
      JsonNode r = records.get(i);
      ts[i] = r.get("ts_ms").longValue();
      for (int c = 0; c < channels.size(); c++) {
        values[c][i] = r.get(channels.get(c)).doubleValue();
      }
    }
    return SensorBatch.of(channels, ts, values);
  }
}
