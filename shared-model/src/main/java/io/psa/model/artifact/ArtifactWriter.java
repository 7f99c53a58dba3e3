package io.psa.model.artifact;

import io.psa.model.ModelInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@link TrainedModel} as an artifact directory: the detector's files first, then
 * {@code manifest.sha256}, then {@code manifest.json} last (through a temporary name and an atomic
 * move), so a reader that finds the manifest finds a complete model.
 */
public final class ArtifactWriter {

  private ArtifactWriter() {}

  /**
   * @param dir the artifact directory: created if absent, else it must be empty (SageMaker's
   *     {@code /opt/ml/model} exists empty)
   * @param model what to save
   * @param training provenance for the manifest
   * @param runtime what trained it
   * @return the manifest as written
   */
  public static Manifest write(Path dir, TrainedModel model, TrainingInfo training,
      RuntimeInfo runtime) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new IOException("model directory " + dir + " is not empty; choose a new one");
      }
    }
    Map<String, Object> params = model.detector().save(dir);
    Map<String, String> files = Checksums.ofDirectory(dir);
    for (String reserved : List.of(ArtifactReader.MANIFEST, ArtifactReader.MANIFEST_SHA256)) {
      if (files.containsKey(reserved)) {
        throw new IOException("detector " + model.detector().kind() + " wrote " + reserved
            + ", a name the artifact reserves");
      }
    }
    ModelInfo info = model.info();
    Manifest manifest =
        new Manifest(
            Manifest.FORMAT,
            ArtifactReader.FORMAT_VERSION,
            info,
            model.config().toMap(),
            model.channels(),
            model.featureNames(),
            model.scaler().toMap(),
            model.calibration().toMap(),
            new Manifest.DetectorSection(model.detector().kind(), params),
            model.detection().toMap(),
            training,
            runtime,
            files);
    byte[] json = ManifestJson.MAPPER.writeValueAsBytes(manifest);
    String line = ArtifactReader.sumLine(Checksums.sha256(json));
    Files.writeString(dir.resolve(ArtifactReader.MANIFEST_SHA256), line, StandardCharsets.US_ASCII);
    Path tmp = dir.resolve("." + ArtifactReader.MANIFEST + ".tmp");
    Files.write(tmp, json);
    Files.move(tmp, dir.resolve(ArtifactReader.MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    return manifest;
  }
}
