package io.psa.container.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
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

  /** Marks the arrays whose elements go on lines of their own. */
  private static final Object ROWS = new Object();

  private FeaturesJson() {}

  static void write(Writer out, FeatureMatrix m, PipelineTrace trace) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setPrettyPrinter(new LinePrinter());
      json.writeStartObject();
      json.writeArrayFieldStart("feature_names");
      for (String name : m.featureNames()) {
        json.writeString(name);
      }
      json.writeEndArray();
      json.writeFieldName("window_spans_ms");
      json.writeStartArray(ROWS);
      for (int w = 0; w < m.windowCount(); w++) {
        json.writeArray(new long[] {m.windowStartMs()[w], m.windowEndMs()[w]}, 0, 2);
      }
      json.writeEndArray();
      json.writeFieldName("features");
      json.writeStartArray(ROWS);
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

  /** Compact JSON with a line break before each key of the top object and each row of a table. */
  private static final class LinePrinter extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw("{\n  ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(",\n  ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      g.writeRaw("\n}");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (g.getOutputContext().getCurrentValue() == ROWS) {
        g.writeRaw("\n    ");
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(g.getOutputContext().getCurrentValue() == ROWS ? ",\n    " : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(g.getOutputContext().getCurrentValue() == ROWS && nrOfValues > 0 ? "\n  ]" : "]");
    }
  }
}
