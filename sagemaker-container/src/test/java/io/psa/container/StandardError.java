package io.psa.container;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is written to standard error while a test provokes a failure on purpose, so that
 * the test can assert the log line and a passing build prints no ERROR line. slf4j-simple writes
 * to whatever {@code System.err} is at the time of each call (it does not cache the stream).
 */
public final class StandardError {
  private StandardError() {}

  /** A block that may throw. */
  public interface Block {
    void run() throws Exception;
  }

  /** Runs {@code block} with standard error captured; returns what it wrote. */
  public static synchronized String capture(Block block) throws Exception {
    PrintStream previous = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      block.run();
    } finally {
      System.setErr(previous);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
