package io.psa.container.evaluate;

import io.psa.model.evaluation.NoLookAhead;
import io.psa.model.evaluation.SkabConfig;
import io.psa.model.evaluation.SkabFile;
import io.psa.model.evaluation.SkabReader;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No look-ahead for the neural detectors, whose trainers live in model-training (the others are
 * checked in shared-model): the first k rows' predictions and scores are the same whether the
 * file ends after row k or not. The LSTM reads the windows before each one, so this also proves it
 * reads none after.
 */
class NeuralCausalityTest {

  private static final int[] CUTS = {64, 97, 130};

  @TempDir static Path dir;

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"autoencoder", "lstm"})
  void predictions_of_the_first_k_rows_do_not_depend_on_later_rows(String detector)
      throws IOException {
    TinySkab.file(dir, "0", 160, 110, 160, 3);
    SkabFile full = SkabReader.readFolder(dir).getFirst();
    SkabConfig config = SkabConfig.load(TinySkab.config(dir,
        "[{\"name\": \"autoencoder\", \"settings\": {\"ae_epochs\": \"5\"}},"
            + " {\"name\": \"lstm\", \"settings\": {\"lstm_epochs\": \"5\","
            + " \"lstm_hidden_size\": \"2\"}}]").toString()).only(detector);
    NoLookAhead.assertFor(config, full, CUTS);
  }
}
