package io.psa.container.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.PipelineTrace;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes {@code psa features} output: {@code feature_names}, {@code window_spans_ms} and {@code
 * features} (rows = windows), and with a trace {@code grid_ts_ms}, {@code filtered_first_channel}
 * and {@code downsampled_ts_ms}, named as in the golden {@code pipeline-*.json} files. One key, and
 * one window, a line: readable, diffable, and still one JSON document. Doubles are written in their
 * shortest exact form.
 */
final class FeaturesJson {

  private FeaturesJson() {}

  static void write(Writer out, FeatureMatrix m, PipelineTrace trace) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setPrettyPrinter(LinePrinter.keysAndRows());
      json.writeStartObject();
      json.writeArrayFieldStart("feature_names");
      for (String name : m.featureNames()) {
        json.writeString(name);
      }
      json.writeEndArray();
      json.writeFieldName("window_spans_ms");
      json.writeStartArray(LinePrinter.ROWS);
      for (int w = 0; w < m.windowCount(); w++) {
        json.writeArray(new long[] {m.windowStartMs()[w], m.windowEndMs()[w]}, 0, 2);
      }
      json.writeEndArray();
      json.writeFieldName("features");
      json.writeStartArray(LinePrinter.ROWS);
      for (double[] row : m.rows()) {
        json.writeArray(row, 0, row.length);
      }
      json.writeEndArray();
      if (trace != null) {
        long[] grid = trace.gridTsMs();
        json.writeFieldName("grid_ts_ms");
        json.writeArray(grid, 0, grid.length);
        double[] filtered = trace.filteredFirstChannel();
        json.writeFieldName("filtered_first_channel");
        json.writeArray(filtered, 0, filtered.length);
        long[] kept = trace.downsampledTsMs();
        json.writeFieldName("downsampled_ts_ms");
        json.writeArray(kept, 0, kept.length);
      }
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }
}
