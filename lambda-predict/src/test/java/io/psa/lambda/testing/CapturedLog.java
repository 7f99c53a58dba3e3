package io.psa.lambda.testing;

import io.psa.lambda.runtime.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The functions' log lines of a test that fails something on purpose, kept instead of printed, so
 * that the test can assert them and a passing build shows no ERROR line.
 *
 * <pre>{@code
 * try (CapturedLog log = CapturedLog.start()) {
 *   ...
 *   assertThat(log.lines()).anyMatch(l -> l.contains("\"level\":\"ERROR\""));
 * }
 * }</pre>
 */
public final class CapturedLog implements AutoCloseable {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  private CapturedLog() {
    JsonLog.redirect(new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  public static CapturedLog start() {
    return new CapturedLog();
  }

  /** The lines logged so far. */
  public List<String> lines() {
    return buffer.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Override
  public void close() {
    JsonLog.redirect(System.out);
  }
}
