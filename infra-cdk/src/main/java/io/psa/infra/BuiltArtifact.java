package io.psa.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file the Maven build produces and the stack deploys (the functions' jar, the image's jar):
 * missing, it stops the synth with the command that builds it rather than a deploy-time failure.
 */
public final class BuiltArtifact {
  static final String BUILD_COMMAND = "./mvnw -B -DskipTests package";

  private BuiltArtifact() {
  }

  /**
   * Returns {@code file} if it is a regular file.
   *
   * @param what       what the file is, for the message (e.g. "the Lambda jar")
   * @param contextKey the context key that overrides the path
   * @throws IllegalStateException naming the path, the key and the build command
   */
  public static Path require(Path file, String what, String contextKey) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(what + " " + file + " is missing: build it with " + BUILD_COMMAND
          + " from the repository root (or point -c " + contextKey + "=PATH at it)");
    }
    return file;
  }

  /** The SHA-256 of a file in hex: a deploy changes what depends on it exactly when the file changes. */
  public static String sha256(Path file) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
