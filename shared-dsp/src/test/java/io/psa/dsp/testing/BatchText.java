package io.psa.dsp.testing;

import io.psa.dsp.SensorBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A {@link SensorBatch} written in each input format, numbers in their shortest exact form ({@link
 * Double#toString}) so that parsing gives back the same bits.
 */
public final class BatchText {
  private BatchText() {}

  /** A {@code /predict} body: {@code {"sensor_batch": [...]}}. */
  public static String predictBody(SensorBatch batch) {
    return predictBody(batch, null, null);
  }

  /** A {@code /predict} body with an optional asset id and raw {@code config} JSON text. */
  public static String predictBody(SensorBatch batch, String assetId, String configJson) {
    return predictBody(batch, assetId, configJson, null);
  }

  /**
   * As {@link #predictBody(SensorBatch, String, String)}.
   *
   * @param keyOrder shuffles the keys of each record when not null; keeps ts_ms then the channels
   *     in order otherwise
   */
  public static String predictBody(SensorBatch batch, String assetId, String configJson, Random keyOrder) {
    StringBuilder out = new StringBuilder(batch.size() * 110 + 64).append('{');
    if (assetId != null) {
      out.append("\"asset_id\":\"").append(assetId).append("\",");
    }
    if (configJson != null) {
      out.append("\"config\":").append(configJson).append(',');
    }
    out.append("\"sensor_batch\":[");
    for (int i = 0; i < batch.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      record(out, batch, i, keyOrder);
    }
    return out.append("\n]}").toString();
  }

  /** JSON Lines: one record object a line. */
  public static String jsonLines(SensorBatch batch) {
    StringBuilder out = new StringBuilder(batch.size() * 110);
    for (int i = 0; i < batch.size(); i++) {
      record(out, batch, i, null);
      out.append('\n');
    }
    return out.toString();
  }

  /** CSV with a {@code ts_ms,<channels...>} header. */
  public static String csv(SensorBatch batch) {
    StringBuilder out = new StringBuilder(batch.size() * 90);
    out.append("ts_ms");
    for (String channel : batch.channels()) {
      out.append(',').append(channel);
    }
    out.append('\n');
    for (int i = 0; i < batch.size(); i++) {
      out.append(batch.tsMs()[i]);
      for (int c = 0; c < batch.channels().size(); c++) {
        out.append(',').append(batch.values()[c][i]);
      }
      out.append('\n');
    }
    return out.toString();
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void record(StringBuilder out, SensorBatch batch, int i, Random keyOrder) {
    List<Integer> keys = new ArrayList<>();
    for (int k = -1; k < batch.channels().size(); k++) {
      keys.add(k); // -1 stands for ts_ms
    }
    if (keyOrder != null) {
      Collections.shuffle(keys, keyOrder);
    }
    out.append('{');
    for (int k = 0; k < keys.size(); k++) {
      int c = keys.get(k);
      out.append(k == 0 ? "" : ",");
      if (c < 0) {
        out.append("\"ts_ms\":").append(batch.tsMs()[i]);
      } else {
        out.append('"').append(batch.channels().get(c)).append("\":").append(batch.values()[c][i]);
      }
    }
    out.append('}');
  }
}
