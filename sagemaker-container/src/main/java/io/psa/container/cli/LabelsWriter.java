package io.psa.container.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.psa.dsp.sim.AnomalyLabel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the injected anomaly intervals: CSV ({@code kind,channel,start_ts_ms,end_ts_ms}) for a
 * file ending in {@code .csv}, otherwise a JSON array of objects with the same keys. Intervals are
 * half-open: {@code start_ts_ms <= ts_ms < end_ts_ms}.
 */
final class LabelsWriter {

  private LabelsWriter() {}

  static void write(Path file, List<AnomalyLabel> labels) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        writeCsv(out, labels);
      } else {
        writeJson(out, labels);
      }
    }
  }

  private static void writeCsv(Writer out, List<AnomalyLabel> labels) throws IOException {
    out.write("kind,channel,start_ts_ms,end_ts_ms\n");
    for (AnomalyLabel l : labels) {
      out.write(l.kind().id() + "," + l.channel() + "," + l.startTsMs() + "," + l.endTsMs() + "\n");
    }
  }

  private static void writeJson(Writer out, List<AnomalyLabel> labels) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartArray();
      for (AnomalyLabel l : labels) {
        json.writeStartObject();
        json.writeStringField("kind", l.kind().id());
        json.writeStringField("channel", l.channel());
        json.writeNumberField("start_ts_ms", l.startTsMs());
        json.writeNumberField("end_ts_ms", l.endTsMs());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out.write('\n');
  }
}
