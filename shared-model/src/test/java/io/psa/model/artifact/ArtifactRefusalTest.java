package io.psa.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.psa.model.testing.Models;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way an artifact directory can be wrong is refused with a clear error. */
class ArtifactRefusalTest {

  @TempDir Path dir;

  private void save(String kind) throws IOException {
    ArtifactWriter.write(dir, Models.model(kind), Models.info(kind), RuntimeInfo.current("t"));
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"isolation_forest", "pca"})
  void one_flipped_byte_in_any_file_is_refused_naming_the_file(String kind) throws IOException {
    save(kind);
    List<String> names = files();
    assertThat(names).contains("manifest.json", "manifest.sha256").hasSize(3);
    for (String name : names) {
      Path file = dir.resolve(name);
      byte[] original = Files.readAllBytes(file);
      byte[] tampered = original.clone();
      tampered[tampered.length / 2] ^= 0x01;
      Files.write(file, tampered);

      var e = catchThrowableOfType(ArtifactIntegrityException.class, () -> ArtifactReader.read(dir));
      // the sidecar's own bytes are judged against the manifest they describe
      assertThat(e.file()).isIn(name, name.equals("manifest.sha256") ? "manifest.json" : name);
      assertThat(e.expected()).isNotEqualTo(e.actual());
      Files.write(file, original);
    }
    assertThat(ArtifactReader.read(dir).model().info().detector()).isEqualTo(kind);
  }

  @Test
  void a_truncated_detector_file_is_refused_with_both_checksums() throws IOException {
    save("pca");
    Path file = dir.resolve("pca.bin");
    String expected = Checksums.sha256(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    var e = catchThrowableOfType(ArtifactIntegrityException.class, () -> ArtifactReader.read(dir));
    assertThat(e.file()).isEqualTo("pca.bin");
    assertThat(e.expected()).isEqualTo(expected);
    assertThat(e.actual()).isEqualTo(Checksums.sha256(file));
    assertThat(e).hasMessageContaining("pca.bin").hasMessageContaining(expected);
  }

  @Test
  void a_missing_file_is_refused() throws IOException {
    save("pca");
    Files.delete(dir.resolve("pca.bin"));
    var e = catchThrowableOfType(ArtifactIntegrityException.class, () -> ArtifactReader.read(dir));
    assertThat(e.file()).isEqualTo("pca.bin");
    assertThat(e.actual()).isEqualTo(ArtifactIntegrityException.MISSING);
  }

  @Test
  void an_extra_file_is_refused() throws IOException {
    save("pca");
    Files.writeString(dir.resolve("extra.bin"), "x");
    var e = catchThrowableOfType(ArtifactIntegrityException.class, () -> ArtifactReader.read(dir));
    assertThat(e.file()).isEqualTo("extra.bin");
    assertThat(e.expected()).isEqualTo(ArtifactIntegrityException.NOT_LISTED);
  }

  @Test
  void a_newer_format_version_is_refused_naming_found_and_highest_supported() throws IOException {
    save("pca");
    Path manifest = dir.resolve("manifest.json");
    int newer = ArtifactReader.FORMAT_VERSION + 1;
    String json = Files.readString(manifest).replace(
        "\"format_version\" : " + ArtifactReader.FORMAT_VERSION, "\"format_version\" : " + newer);
    Files.writeString(manifest, json);
    // a consistent sidecar, so that the version check itself is what refuses
    Files.writeString(dir.resolve("manifest.sha256"),
        ArtifactReader.sumLine(Checksums.sha256(json.getBytes(StandardCharsets.UTF_8))));

    assertThatThrownBy(() -> ArtifactReader.read(dir))
        .isExactlyInstanceOf(ArtifactException.class)
        .hasMessageContaining("format_version " + newer)
        .hasMessageContaining("highest supported: " + ArtifactReader.FORMAT_VERSION);
  }

  @Test
  void a_directory_without_a_manifest_is_not_a_model() throws IOException {
    Files.writeString(dir.resolve("weights.bin"), "x");
    assertThatThrownBy(() -> ArtifactReader.read(dir))
        .isExactlyInstanceOf(ArtifactException.class)
        .hasMessageContaining("is not a psa model artifact: no manifest.json");
  }

  @Test
  void someone_elses_manifest_is_not_a_model() throws IOException {
    Files.writeString(dir.resolve("manifest.json"), "{\"name\": \"resnet\", \"version\": 3}");
    assertThatThrownBy(() -> ArtifactReader.read(dir))
        .isExactlyInstanceOf(ArtifactException.class)
        .hasMessageContaining("lacks \"format\": \"psa-model\"");
  }

  @Test
  void writing_into_a_non_empty_directory_is_refused() throws IOException {
    Files.writeString(dir.resolve("old.txt"), "x");
    assertThatThrownBy(this::savePca).hasMessageContaining("is not empty");
  }

  private void savePca() throws IOException {
    save("pca");
  }
}
