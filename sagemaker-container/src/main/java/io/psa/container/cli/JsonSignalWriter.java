package io.psa.container.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.psa.container.cli.SignalFormat.SignalWriter;
import io.psa.dsp.SensorBatch;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** JSON Lines records, or one {@code /predict} body whose records stream out chunk by chunk. */
final class JsonSignalWriter implements SignalWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator json;
  private final String[] channels;
  private final boolean body;

  private JsonSignalWriter(Writer out, List<String> channels, boolean body) throws IOException {
    this.json = FACTORY.createGenerator(out);
    // the caller owns the target (often standard output) and closes it, not the generator
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.channels = channels.toArray(String[]::new);
    this.body = body;
  }

  /** One record object a line. */
  static JsonSignalWriter jsonLines(Writer out, List<String> channels) throws IOException {
    var w = new JsonSignalWriter(out, channels, false);
    w.json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    return w;
  }

  /** {@code {"asset_id": ..., "sensor_batch": [...]}}, one record a line for readable diffs. */
  static JsonSignalWriter predictBody(Writer out, List<String> channels, String assetId)
      throws IOException {
    var w = new JsonSignalWriter(out, channels, true);
    w.json.setPrettyPrinter(LinePrinter.rowsOnly());
    w.json.writeStartObject();
    w.json.writeStringField("asset_id", assetId);
    w.json.writeFieldName("sensor_batch");
    w.json.writeStartArray(LinePrinter.ROWS);
    return w;
  }

  @Override
  public void write(SensorBatch chunk) throws IOException {
    double[][] values = chunk.values();
    for (int i = 0; i < chunk.size(); i++) {
      json.writeStartObject();
      json.writeNumberField("ts_ms", chunk.tsMs()[i]);
      for (int c = 0; c < channels.length; c++) {
        json.writeNumberField(channels[c], values[c][i]);
      }
      json.writeEndObject();
    }
  }

  @Override
  public void finish() throws IOException {
    if (body) {
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeRaw('\n');
    json.flush();
    json.close();
  }
}
