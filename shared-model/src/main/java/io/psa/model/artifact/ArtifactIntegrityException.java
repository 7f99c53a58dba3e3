package io.psa.model.artifact;

/**
 * A file of the artifact that is missing, not listed in the manifest, truncated or altered.
 *
 * <p>{@code expected} is the checksum the manifest lists, or {@link #NOT_LISTED} for a file the
 * manifest does not know; {@code actual} is the file's checksum, or {@link #MISSING}.
 */
public final class ArtifactIntegrityException extends ArtifactException {
  private static final long serialVersionUID = 1L;

  /** {@code actual} of a file the manifest lists but the directory lacks. */
  public static final String MISSING = "missing";
  /** {@code expected} of a file the directory holds but the manifest does not list. */
  public static final String NOT_LISTED = "not listed in the manifest";

  private final String file;
  private final String expected;
  private final String actual;

  /**
   * @param file path relative to the artifact directory, {@code /}-separated
   * @param expected the listed SHA-256 (hex) or {@link #NOT_LISTED}
   * @param actual the file's SHA-256 (hex) or {@link #MISSING}
   */
  public ArtifactIntegrityException(String file, String expected, String actual) {
    super("model artifact file " + file + " failed its integrity check: expected SHA-256 "
        + expected + ", found " + actual + " (the model was altered, truncated or partly copied;"
        + " copy or train it again)");
    this.file = file;
    this.expected = expected;
    this.actual = actual;
  }

  public String file() {
    return file;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
