package io.psa.model.service;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.input.CsvSignalReader;
import io.psa.dsp.input.JsonLinesSignalReader;
import io.psa.dsp.input.PredictRequest;
import io.psa.dsp.input.PredictRequestReader;
import io.psa.dsp.input.SignalReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns a body of any accepted format into a {@link PredictRequest} with the readers of {@code
 * io.psa.dsp.input}: the {@code /predict} JSON, or a CSV / JSON Lines signal (Batch Transform),
 * which carries no asset id and no config. Every malformed body becomes a {@link
 * io.psa.dsp.ValidationException} there.
 */
public final class RequestParser {

  private RequestParser() {}

  /** The request in {@code body}, read as {@code format} for the model's channels. */
  public static PredictRequest parse(byte[] body, MediaTypes format, List<String> channels, int maxRecords) {
    try {
      return switch (format) {
        case JSON -> new PredictRequestReader(channels, maxRecords).read(body);
        case CSV -> signal(CsvSignalReader.of(new ByteArrayInputStream(body), channels), maxRecords);
        case JSON_LINES ->
            signal(new JsonLinesSignalReader(new ByteArrayInputStream(body), channels), maxRecords);
      };
    } catch (IOException e) {
      // a byte array does not fail to read; the readers report content errors as validation errors
      throw new UncheckedIOException(e);
    }
  }

  private static PredictRequest signal(SignalReader reader, int maxRecords) throws IOException {
    try (reader) {
      SensorBatch batch = reader.readAll(maxRecords);
      return new PredictRequest(null, batch, null);
    }
  }
}
