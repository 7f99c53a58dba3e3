package io.psa.container.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The build's version, filtered into {@code psa-version.properties} by Maven. */
public final class VersionProvider implements IVersionProvider {

  /** The project version, or {@code unknown} when run from an unfiltered classpath. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/psa-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "psa " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
