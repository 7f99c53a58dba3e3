package io.psa.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.model.testing.Models;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core is built without the Isolation Forest (model-iforest, the only user of the GPL Smile):
 * a sound artifact of that kind is refused as a detector this build lacks, never as tampering.
 */
class MissingBackendTest {

  @Test
  void the_core_has_no_smile_on_its_class_path() {
    assertThatThrownBy(() -> Class.forName("smile.anomaly.IsolationForest"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void a_model_of_a_detector_this_build_lacks_is_refused_saying_so(@TempDir Path dir)
      throws Exception {
    ArtifactWriter.write(dir, Models.model("pca"), Models.info("pca"), RuntimeInfo.current("t"));
    // the same artifact relabelled as a forest, with a consistent manifest checksum
    Path manifest = dir.resolve(ArtifactReader.MANIFEST);
    String json = Files.readString(manifest).replace("\"pca\"", "\"isolation_forest\"");
    Files.writeString(manifest, json);
    Files.writeString(dir.resolve(ArtifactReader.MANIFEST_SHA256),
        ArtifactReader.sumLine(Checksums.sha256(json.getBytes(StandardCharsets.UTF_8))),
        StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> ArtifactReader.read(dir))
        .isExactlyInstanceOf(ArtifactException.class)
        .hasMessage(dir + ": this build has no isolation_forest detector; it loads"
            + " [autoencoder, lstm, pca]");
    assertThat(json).contains("\"kind\" : \"isolation_forest\"");
  }
}
