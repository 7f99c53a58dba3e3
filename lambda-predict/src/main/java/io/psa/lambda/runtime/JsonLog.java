package io.psa.lambda.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One JSON object per log line on standard output, which Lambda sends to CloudWatch Logs:
 * {@code timestamp}, {@code level}, {@code requestId} (the invocation's, when there is one),
 * {@code message}, then any fields given. CloudWatch Logs Insights reads the fields as is.
 */
public final class JsonLog {
  private static final JsonFactory JSON = new JsonFactory();
  private static volatile PrintStream out = System.out;

  private JsonLog() {}

  /** For tests: where lines go. */
  public static void redirect(PrintStream stream) {
    out = stream;
  }

  public static void info(String requestId, String message, Object... fields) {
    write("INFO", requestId, message, null, fields);
  }

  public static void warn(String requestId, String message, Object... fields) {
    write("WARN", requestId, message, null, fields);
  }

  public static void error(String requestId, String message, Throwable t, Object... fields) {
    write("ERROR", requestId, message, t, fields);
  }

  /**
   * @param fields name, value, name, value, ...: strings, numbers, booleans or null
   */
  private static void write(String level, String requestId, String message, Throwable t,
      Object... fields) {
    StringWriter w = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("timestamp", Instant.now().toString());
      g.writeStringField("level", level);
      if (requestId != null) {
        g.writeStringField("requestId", requestId);
      }
      g.writeStringField("message", message);
      for (int i = 0; i + 1 < fields.length; i += 2) {
        g.writeFieldName(String.valueOf(fields[i]));
        switch (fields[i + 1]) {
          case null -> g.writeNull();
          case Integer n -> g.writeNumber(n);
          case Long n -> g.writeNumber(n);
          case Double n -> g.writeNumber(n);
          case Boolean b -> g.writeBoolean(b);
          default -> g.writeString(String.valueOf(fields[i + 1]));
        }
      }
      if (t != null) {
        g.writeStringField("errorType", t.getClass().getName());
        g.writeStringField("errorMessage", String.valueOf(t.getMessage()));
        StringWriter trace = new StringWriter();
        t.printStackTrace(new java.io.PrintWriter(trace));
        g.writeStringField("stackTrace", trace.toString());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println(w);
  }
}
