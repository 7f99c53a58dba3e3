package io.psa.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException;
import org.junit.jupiter.api.Test;

class DetectorsTest {

  @Test
  void lists_the_kinds_registered_in_meta_inf_services() {
    // the core's own; the Isolation Forest registers itself from model-iforest
    assertThat(Detectors.trainableKinds()).containsExactly("pca");
    assertThat(Detectors.loadableKinds()).containsExactly("autoencoder", "lstm", "pca");
  }

  @Test
  void resolves_command_line_aliases_to_kinds() {
    assertThat(Detectors.resolve("if")).isEqualTo("isolation_forest");
    assertThat(Detectors.trainer(" PCA ").kind()).isEqualTo("pca");
    assertThat(Detectors.resolve("ae")).isEqualTo("autoencoder");
    assertThat(Detectors.loader("pca").kind()).isEqualTo("pca");
  }

  @Test
  void an_unknown_detector_is_a_validation_error_listing_the_known_ones() {
    assertThatThrownBy(() -> Detectors.trainer("svm"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("config.detector: unknown detector \"svm\"")
        .hasMessageContaining("pca");
    assertThatThrownBy(() -> Detectors.loader("svm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("this build has no svm detector; it loads [autoencoder, lstm, pca]");
  }
}
