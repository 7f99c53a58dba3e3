package io.psa.container.cli;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.input.PredictRequest;
import io.psa.dsp.input.PredictRequestReader;
import io.psa.dsp.input.SignalFiles;
import io.psa.dsp.input.SignalFiles.Format;
import io.psa.dsp.input.SignalReader;
import io.psa.model.service.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
   * ({@code .json} a {@code /predict} body, {@code .csv}, {@code .jsonl}), else by content as
   * {@link SignalFiles} does.
   *
   * @param name the file name, or null for standard input
   */
  static MediaTypes mediaType(String name, byte[] bytes) {
    Format format = name == null ? null : Format.ofName(Path.of(name).getFileName().toString());
    if (format == null) {
      format = isPredictBody(bytes) ? Format.PREDICT_BODY
          : firstNonBlank(bytes) == '{' ? Format.JSON_LINES : Format.CSV;
    }
    return switch (format) {
      case PREDICT_BODY -> MediaTypes.JSON;
      case CSV -> MediaTypes.CSV;
      case JSON_LINES -> MediaTypes.JSON_LINES;
    };
  }

  private static int firstNonBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b) && (b & 0x80) == 0) {
        return b;
      }
    }
    return -1;
  }

  /** A JSON object whose first 64 KiB mention {@code "sensor_batch"}: SignalFiles' own rule. */
  private static boolean isPredictBody(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && (Character.isWhitespace(bytes[i]) || (bytes[i] & 0x80) != 0)) {
      i++; // white space and a UTF-8 byte order mark
    }
    if (i == bytes.length || bytes[i] != '{') {
      return false;
    }
    int head = Math.min(bytes.length, 1 << 16);
    return new String(bytes, 0, head, StandardCharsets.ISO_8859_1).contains("\"sensor_batch\"");
  }
}
