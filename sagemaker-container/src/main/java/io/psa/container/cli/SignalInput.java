package io.psa.container.cli;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.input.PredictRequest;
import io.psa.dsp.input.PredictRequestReader;
import io.psa.dsp.input.SignalFiles.Format;
import io.psa.dsp.input.SignalFiles;
import io.psa.dsp.input.SignalReader;
import io.psa.model.service.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the whole input of a batch command: a {@code /predict} body (whose {@code config} is kept),
 * a CSV or a JSON Lines file, or standard input for {@code "-"}, told apart as {@link SignalFiles}
 * does (extension, else content).
 *
 * @param batch the records for the requested channels
 * @param bodyConfig the body's {@code config} object, empty when there is none
 */
record SignalInput(SensorBatch batch, Map<String, Object> bodyConfig) {

  static SignalInput read(
      String pathOrDash, InputStream stdin, List<String> channels, int maxRecords)
      throws IOException {
    if (pathOrDash.equals("-")) {
      // buffered whole: the batch is held in memory anyway, and the format must be sniffed first
      byte[] bytes = stdin.readAllBytes();
      return fromBytes(bytes, isPredictBody(bytes), channels, maxRecords);
    }
    Path path = Path.of(pathOrDash);
    Format format = Format.ofName(path.getFileName().toString());
    if (format == null || format == Format.PREDICT_BODY) {
      byte[] bytes = Files.readAllBytes(path);
      return fromBytes(bytes, format != null || isPredictBody(bytes), channels, maxRecords);
    }
    try (SignalReader reader = SignalFiles.open(path, channels)) {
      return new SignalInput(reader.readAll(maxRecords), Map.of());
    }
  }

  private static SignalInput fromBytes(
      byte[] bytes, boolean body, List<String> channels, int maxRecords) throws IOException {
    if (body) {
      PredictRequest request = new PredictRequestReader(channels, maxRecords).read(bytes);
      Map<String, Object> config = request.config() == null ? Map.of() : request.config();
      return new SignalInput(request.batch(), config);
    }
    try (SignalReader reader = SignalFiles.open(new ByteArrayInputStream(bytes), "-", channels)) {
      return new SignalInput(reader.readAll(maxRecords), Map.of());
    }
  }

  /**
   * The media type of a whole input as the scoring service reads it: by the file name's extension
   * ({@code .json} a {@code /predict} body, {@code .csv}, {@code .jsonl}), else by content, as
   * {@link SignalFiles} decides.
   *
   * @param name the file name, or null for standard input
   */
  static MediaTypes mediaType(String name, byte[] bytes) {
    String fileName = name == null ? null : Path.of(name).getFileName().toString();
    return switch (SignalFiles.formatOf(bytes, fileName)) {
      case PREDICT_BODY -> MediaTypes.JSON;
      case CSV -> MediaTypes.CSV;
      case JSON_LINES -> MediaTypes.JSON_LINES;
    };
  }

  private static boolean isPredictBody(byte[] bytes) {
    return SignalFiles.formatOf(bytes, null) == Format.PREDICT_BODY;
  }
}
