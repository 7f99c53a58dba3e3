package io.psa.model.artifact;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.psa.dsp.PipelineConfig;
import io.psa.model.Detector;
import io.psa.model.DetectorLoader;
import io.psa.model.Detectors;
import io.psa.model.calibration.ScoreCalibration;
import io.psa.model.detection.Detection;
import io.psa.model.scaling.StandardScaler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads an artifact directory, refusing anything that is not exactly what was written: foreign
 * directories, unknown format versions and any file that fails its checksum, all before a detector
 * file is opened.
 */
public final class ArtifactReader {

  /**
   * The format version this build writes, and the highest it reads. Version 2 added the {@code
   * detection} section; a version-1 model loads with {@link Detection#legacy} behaviour.
   */
  public static final int FORMAT_VERSION = 2;
  public static final String MANIFEST = "manifest.json";
  public static final String MANIFEST_SHA256 = "manifest.sha256";

  private ArtifactReader() {}

  /** A loaded model and the manifest it came from. */
  public record Loaded(TrainedModel model, Manifest manifest) {}

  /**
   * @throws ArtifactIntegrityException a missing, extra, truncated or altered file
   * @throws ArtifactException not a psa model, or a format version this build does not know
   */
  public static Loaded read(Path dir) throws IOException {
    Path manifestFile = dir.resolve(MANIFEST);
    if (!Files.isDirectory(dir) || !Files.isRegularFile(manifestFile)) {
      throw new ArtifactException(dir + " is not a psa model artifact: no " + MANIFEST
          + " in it (train one with `psa train`)");
    }
    byte[] json = Files.readAllBytes(manifestFile);
    Path sumFile = dir.resolve(MANIFEST_SHA256);
    if (Files.isRegularFile(sumFile)) {
      String line = Files.readString(sumFile, StandardCharsets.ISO_8859_1);
      String expected = line.split("\\s", 2)[0];
      String actual = Checksums.sha256(json);
      if (!actual.equals(expected)) {
        throw new ArtifactIntegrityException(MANIFEST, expected, actual);
      }
      if (!line.equals(sumLine(actual))) {
        throw new ArtifactIntegrityException(MANIFEST_SHA256, sumLine(actual).strip(), line.strip());
      }
    }
    JsonNode tree = parse(dir, json);
    checkVersion(dir, tree);
    if (!Files.isRegularFile(sumFile)) {
      throw new ArtifactIntegrityException(MANIFEST_SHA256, "present", ArtifactIntegrityException.MISSING);
    }
    Manifest manifest;
    try {
      manifest = ManifestJson.MAPPER.treeToValue(tree, Manifest.class);
    } catch (JacksonException e) {
      throw new ArtifactException(dir + ": manifest.json does not match format version "
          + FORMAT_VERSION + ": " + e.getOriginalMessage(), e);
    }
    verifyFiles(dir, manifest);
    return new Loaded(build(dir, manifest), manifest);
  }

  /** The one line of {@code manifest.sha256}, in {@code sha256sum} format. */
  static String sumLine(String manifestSha256) {
    return manifestSha256 + "  " + MANIFEST + "\n";
  }

  private static JsonNode parse(Path dir, byte[] json) throws ArtifactException {
    JsonNode tree;
    try {
      tree = ManifestJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ArtifactException(dir + " is not a psa model artifact: " + MANIFEST
          + " is not JSON", e);
    }
    if (tree == null || !tree.isObject()
        || !Manifest.FORMAT.equals(tree.path("format").asText(null))) {
      throw new ArtifactException(dir + " is not a psa model artifact: its " + MANIFEST
          + " lacks \"format\": \"" + Manifest.FORMAT + "\"");
    }
    return tree;
  }

  private static void checkVersion(Path dir, JsonNode tree) throws ArtifactException {
    JsonNode version = tree.path("format_version");
    if (!version.canConvertToExactIntegral() || version.asInt() < 1
        || version.asInt() > FORMAT_VERSION) {
      throw new ArtifactException(dir + ": model format_version " + version
          + " is not supported; this build reads format versions 1 to " + FORMAT_VERSION
          + " (highest supported: " + FORMAT_VERSION + "); use a newer psa or retrain");
    }
  }

  private static void verifyFiles(Path dir, Manifest manifest) throws IOException {
    Map<String, String> actual = new HashMap<>(Checksums.ofDirectory(dir));
    actual.remove(MANIFEST);
    actual.remove(MANIFEST_SHA256);
    for (String name : new TreeSet<>(manifest.files().keySet())) {
      String expected = manifest.files().get(name);
      String found = actual.remove(name);
      if (found == null) {
        throw new ArtifactIntegrityException(name, expected, ArtifactIntegrityException.MISSING);
      }
      if (!found.equals(expected)) {
        throw new ArtifactIntegrityException(name, expected, found);
      }
    }
    for (String extra : new TreeSet<>(actual.keySet())) {
      throw new ArtifactIntegrityException(extra, ArtifactIntegrityException.NOT_LISTED,
          actual.get(extra));
    }
  }

  private static TrainedModel build(Path dir, Manifest m) throws IOException {
    DetectorLoader loader;
    try {
      loader = Detectors.loader(m.detector().kind());
    } catch (IllegalArgumentException e) {
      // a sound artifact of a detector whose backend module this build leaves out: say that
      throw new ArtifactException(dir + ": " + e.getMessage());
    }
    try {
      Detector detector = loader.load(dir, m.detector().params());
      ScoreCalibration calibration = ScoreCalibration.fromMap(m.calibration());
      Detection detection = m.formatVersion() >= 2
          ? Detection.fromMap(m.detection())
          : Detection.legacy(m.channels(), calibration);
      return new TrainedModel(
          m.model(),
          PipelineConfig.fromMap(m.pipeline()),
          m.channels(),
          m.featureNames(),
          StandardScaler.fromMap(m.scaler()),
          calibration,
          detector,
          detection);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new ArtifactException(dir + ": inconsistent model: " + e.getMessage(), e);
    }
  }
}
