package io.psa.container.cli;

import io.psa.container.cli.SignalFormat.SignalWriter;
import io.psa.dsp.SensorBatch;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV with a header {@code ts_ms,<channels>}, as docs/api.md's batch scoring reads it. Values are
 * written with {@link Double#toString}, the shortest text that reads back to the same double, so
 * features computed from the file equal those of the simulated signal.
 */
final class CsvSignalWriter implements SignalWriter {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(128);

  CsvSignalWriter(Writer out, List<String> channels) throws IOException {
    this.out = out;
    out.write("ts_ms," + String.join(",", channels) + "\n");
  }

  @Override
  public void write(SensorBatch chunk) throws IOException {
    double[][] values = chunk.values();
    for (int i = 0; i < chunk.size(); i++) {
      line.setLength(0);
      line.append(chunk.tsMs()[i]);
      for (double[] column : values) {
        line.append(',').append(column[i]);
      }
      out.append(line.append('\n'));
    }
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
