package io.psa.container.cli;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OutOfMemoryError ends the process, so that a supervisor (SageMaker, Docker, systemd) starts
 * a fresh one, which replays the spill journal, instead of a JVM that stays up but no longer
 * serves. {@code bin/psa} and the container image run Java with {@code
 * -XX:+ExitOnOutOfMemoryError}, which acts wherever the error is thrown, caught or not; when the
 * flag is missing (a hand-made {@code java -jar}), the uncaught-exception handler installed here
 * halts on any {@link VirtualMachineError} that escapes a thread, and a warning says what to add.
 */
final class FatalErrors {
  private static final Logger LOG = LoggerFactory.getLogger(FatalErrors.class);
  /** The exit status, as the JVM's own ExitOnOutOfMemoryError uses. */
  static final int EXIT_STATUS = 3;

  private FatalErrors() {}

  static void install() {
    if (!exitsOnOutOfMemory()) {
      LOG.warn("the JVM runs without -XX:+ExitOnOutOfMemoryError; add it (bin/psa and the image"
          + " do) so that an OutOfMemoryError caught by a library still ends the process");
    }
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (e instanceof VirtualMachineError) {
        System.err.println("psa: " + e + " in thread " + thread.getName() + "; exiting");
        Runtime.getRuntime().halt(EXIT_STATUS);
      }
      if (previous != null) {
        previous.uncaughtException(thread, e);
      } else {
        e.printStackTrace();
      }
    });
  }

  /** Whether this JVM was started with {@code -XX:+ExitOnOutOfMemoryError}. */
  static boolean exitsOnOutOfMemory() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(a -> a.equals("-XX:+ExitOnOutOfMemoryError") || a.equals("-XX:+CrashOnOutOfMemoryError"));
  }
}
