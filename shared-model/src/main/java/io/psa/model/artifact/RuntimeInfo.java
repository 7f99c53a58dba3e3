package io.psa.model.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What trained a model, {@code runtime} in the manifest.
 *
 * @param code the psa version
 * @param java the Java runtime version and vendor
 * @param os name, version, architecture
 * @param cpu available processors
 * @param libraries versions of the libraries that shape the scores
 */
public record RuntimeInfo(
    String code, String java, String os, String cpu, Map<String, String> libraries) {

  /** This JVM, with {@code codeVersion} as the psa version. */
  public static RuntimeInfo current(String codeVersion) {
    Map<String, String> libraries = new LinkedHashMap<>();
    libraries.put("jackson-databind", library("com.fasterxml.jackson.core", "jackson-databind"));
    libraries.put("smile-core", library("com.github.haifengl", "smile-core"));
    libraries.put("djl-api", library("ai.djl", "api"));
    return new RuntimeInfo(
        codeVersion,
        Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors() + " processors",
        libraries);
  }

  /** A library's version from its Maven {@code pom.properties}, or {@code absent}. */
  static String library(String group, String artifact) {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = RuntimeInfo.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "absent";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
