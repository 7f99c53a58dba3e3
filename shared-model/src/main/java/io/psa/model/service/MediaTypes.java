package io.psa.model.service;

import java.util.Locale;

/**
 * The body formats of docs/api.md: what {@code Content-Type} a request may have and what {@code
 * Accept} an answer may take. Parameters ({@code charset=utf-8}) are ignored; bodies are UTF-8.
 */
public enum MediaTypes {
  /** The {@code /predict} body; answers are the {@code /predict} response. */
  JSON("application/json"),
  /** A header {@code ts_ms,<channels...>} then one record a line; answers are one row a window. */
  CSV("text/csv"),
  /** One record (or, answering, one window) a line. */
  JSON_LINES("application/jsonlines");

  private final String mime;

  MediaTypes(String mime) {
    this.mime = mime;
  }

  /** The type as written in a {@code Content-Type} header, e.g. {@code text/csv}. */
  public String mime() {
    return mime;
  }

  /** The format of a request body, or {@code UNSUPPORTED_MEDIA_TYPE}. */
  public static MediaTypes ofContentType(String header) {
    MediaTypes t = parse(header);
    if (t == null) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type " + (header == null ? "missing" : "'" + clip(header) + "' not supported")
              + "; use application/json, text/csv or application/jsonlines");
    }
    return t;
  }

  /**
   * The answer's format: the first type of {@code Accept} the server writes; JSON when the header
   * is absent or accepts anything; else {@code NOT_ACCEPTABLE}.
   */
  public static MediaTypes ofAccept(String header) {
    if (header == null || header.isBlank()) {
      return JSON;
    }
    for (String part : header.split(",")) {
      String mime = bare(part);
      if (mime.equals("*/*") || mime.equals("application/*")) {
        return JSON;
      }
      MediaTypes t = parse(mime);
      if (t != null) {
        return t;
      }
    }
    throw new ApiException(ErrorCode.NOT_ACCEPTABLE,
        "Accept '" + clip(header) + "' names no type psa writes;"
            + " use application/json, text/csv or application/jsonlines");
  }

  private static MediaTypes parse(String header) {
    if (header == null) {
      return null;
    }
    return switch (bare(header)) {
      case "application/json" -> JSON;
      case "text/csv" -> CSV;
      case "application/jsonlines", "application/x-jsonlines", "application/jsonl",
          "application/x-ndjson" -> JSON_LINES;
      default -> null;
    };
  }

  private static String bare(String s) {
    int semi = s.indexOf(';');
    return (semi < 0 ? s : s.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** Echoes at most 100 printable characters of what the client sent. */
  private static String clip(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 100 ? printable : printable.substring(0, 100) + "...";
  }
}
