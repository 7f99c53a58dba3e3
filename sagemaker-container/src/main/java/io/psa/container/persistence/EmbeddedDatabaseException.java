package io.psa.container.persistence;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL cannot be used on a folder, for a reason a person can act on (another
 * process owns it, another PostgreSQL version made it, the server did not start).
 */
public final class EmbeddedDatabaseException extends RuntimeException {

  public EmbeddedDatabaseException(Path directory, String problem) {
    super("the embedded database " + directory + " " + problem);
  }
}
