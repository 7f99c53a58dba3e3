package io.psa.dsp.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a signal file with the reader its format needs: {@code .csv} CSV, {@code .jsonl} or
 * {@code .ndjson} JSON Lines, {@code .json} a {@code /predict} body (its config and asset id are not
 * used here). Standard input ({@code "-"}) and other names are recognized by content: a first
 * character other than <code>{</code> means CSV, and a JSON object means a {@code /predict} body if
 * the first 64 KiB mention {@code "sensor_batch"}, JSON Lines otherwise.
 */
public final class SignalFiles {
  /** How far the content sniffing looks. */
  public static final int SNIFF_BYTES = 1 << 16;

  /** The formats a signal file can have. */
  public enum Format {
    CSV,
    JSON_LINES,
    PREDICT_BODY;

    /** The format a file name's extension implies, or null when it implies none. */
    public static Format ofName(String fileName) {
      String name = fileName.toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        return CSV;
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return JSON_LINES;
      }
      return name.endsWith(".json") ? PREDICT_BODY : null;
    }
  }

  private SignalFiles() {}

  /** Opens a file, or standard input for {@code "-"}. */
  public static SignalReader open(String pathOrDash, List<String> channels) throws IOException {
    if (pathOrDash.equals("-")) {
      return open(System.in, "-", channels);
    }
    return open(Path.of(pathOrDash), channels);
  }

  /** Opens a file; the reader closes it. */
  public static SignalReader open(Path path, List<String> channels) throws IOException {
    InputStream in = Files.newInputStream(path);
    try {
      return open(in, path.getFileName().toString(), channels);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Reads a stream whose format the name's extension or else the content tells; the reader closes
   * the stream.
   */
  public static SignalReader open(InputStream in, String name, List<String> channels)
      throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
    return switch (formatOf(buffered, name)) {
      case CSV -> CsvSignalReader.of(buffered, channels);
      case JSON_LINES -> new JsonLinesSignalReader(buffered, channels);
      case PREDICT_BODY -> {
        try (buffered) {
          yield new BatchSignalReader(new PredictRequestReader(channels).read(buffered).batch());
        }
      }
    };
  }

  /**
   * The format the name's extension implies, else what the stream's first bytes show; the stream
   * is left where it was.
   *
   * @param name a file name, or null (standard input)
   */
  public static Format formatOf(BufferedInputStream in, String name) throws IOException {
    Format format = name == null ? null : Format.ofName(name);
    if (format != null) {
      return format;
    }
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    return sniff(head);
  }

  /** {@link #formatOf(BufferedInputStream, String)} for input already in memory. */
  public static Format formatOf(byte[] bytes, String name) {
    Format format = name == null ? null : Format.ofName(name);
    return format != null ? format
        : sniff(bytes.length <= SNIFF_BYTES ? bytes : java.util.Arrays.copyOf(bytes, SNIFF_BYTES));
  }

  /** The format of a file's first bytes: a JSON object is JSON Lines or a /predict body. */
  private static Format sniff(byte[] head) {
    int i = 0;
    // skip a UTF-8 byte order mark and leading white space
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < head.length && Character.isWhitespace(head[i])) {
      i++;
    }
    if (i == head.length || head[i] != '{') {
      return Format.CSV;
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    return text.contains("\"sensor_batch\"") ? Format.PREDICT_BODY : Format.JSON_LINES;
  }
}
