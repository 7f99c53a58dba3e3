package io.psa.model.artifact;

import java.io.IOException;

/**
 * A model directory that cannot be loaded: not ours, a format version this build does not know,
 * an unreadable manifest. {@link ArtifactIntegrityException} is the case of a file that does not
 * match its checksum.
 */
public class ArtifactException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArtifactException(String message) {
    super(message);
  }

  public ArtifactException(String message, Throwable cause) {
    super(message, cause);
  }
}
