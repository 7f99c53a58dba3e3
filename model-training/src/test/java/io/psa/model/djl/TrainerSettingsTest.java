package io.psa.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException;
import io.psa.model.Detectors;
import io.psa.model.nn.Activation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hyperparameters arrive as strings: defaults, round trip, errors naming the key, discovery. */
class TrainerSettingsTest {

  static final double[][] ROWS = TestData.toDouble(TestData.gaussian(40, 6, 1.0, 3));

  @Test
  void defaults_are_the_documented_ones_and_survive_a_string_round_trip() {
    AutoencoderSettings ae = AutoencoderSettings.defaults();
    assertThat(ae).isEqualTo(new AutoencoderSettings(32, 0, Activation.TANH, 0, 64, 0.2, 5, 0.002));
    assertThat(AutoencoderSettings.fromMap(ae.toMap())).isEqualTo(ae);
    LstmSettings lstm = LstmSettings.defaults();
    assertThat(lstm).isEqualTo(new LstmSettings(8, 0, 0, 64, 0.2, 5, 0.005));
    assertThat(LstmSettings.fromMap(lstm.toMap())).isEqualTo(lstm);
    assertThat(AutoencoderSettings.KEYS).isEqualTo(ae.toMap().keySet());
    assertThat(LstmSettings.KEYS).isEqualTo(lstm.toMap().keySet());
  }

  @Test
  void automatic_sizes_narrow_the_features_to_a_third_and_two_thirds() {
    assertThat(AutoencoderSettings.defaults().bottleneckFor(24)).isEqualTo(8);
    assertThat(AutoencoderSettings.defaults().bottleneckFor(16)).isEqualTo(5);
    assertThat(AutoencoderSettings.defaults().bottleneckFor(48)).isEqualTo(8);
    assertThat(AutoencoderSettings.defaults().bottleneckFor(2)).isEqualTo(1);
    assertThat(LstmSettings.defaults().hiddenFor(24)).isEqualTo(16);
    assertThat(LstmSettings.defaults().hiddenFor(16)).isEqualTo(10);
    assertThat(LstmSettings.defaults().hiddenFor(48)).isEqualTo(16);
    assertThat(LstmSettings.fromMap(Map.of("lstm_hidden_size", "5")).hiddenFor(48)).isEqualTo(5);
  }

  @Test
  void rejects_a_non_numeric_epoch_count_naming_the_key() {
    assertThatThrownBy(() -> new AutoencoderTrainer().fit(ROWS, Map.of("ae_epochs", "ten"), 1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("config.ae_epochs"));
    assertThatThrownBy(() -> LstmSettings.fromMap(Map.of("lstm_learning_rate", "-0.1")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("config.lstm_learning_rate"));
  }

  @Test
  void rejects_an_unknown_activation_naming_the_key() {
    assertThatThrownBy(() -> AutoencoderSettings.fromMap(Map.of("ae_activation", "swish")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.getMessage()).startsWith("config.ae_activation").contains("tanh"));
  }

  @Test
  void rejects_a_code_layer_as_wide_as_the_input_naming_the_key() {
    assertThatThrownBy(() -> new AutoencoderTrainer().fit(ROWS, Map.of("ae_bottleneck_size", "6"), 1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("config.ae_bottleneck_size"));
    assertThatThrownBy(() -> new LstmTrainer().fit(ROWS, Map.of("lstm_hidden_size", "7"), 1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("config.lstm_hidden_size"));
  }

  @Test
  void automatic_code_sizes_stay_below_every_input_width_from_2_to_200() {
    for (int width = 2; width <= 200; width++) {
      int hidden = LstmSettings.defaults().hiddenFor(width);
      int bottleneck = AutoencoderSettings.defaults().bottleneckFor(width);
      assertThat(hidden).as("lstm, width %d", width).isBetween(1, width - 1);
      assertThat(bottleneck).as("autoencoder, width %d", width).isBetween(1, width - 1);
      // the trainers' own check accepts what the automatic sizes chose
      TrainingBudget.checkNarrower("lstm_hidden_size", hidden, width);
      TrainingBudget.checkNarrower("ae_bottleneck_size", bottleneck, width);
    }
  }

  @Test
  void refuses_a_single_feature_for_its_width_not_for_the_default_code_size() {
    double[][] oneFeature = new double[40][];
    for (int i = 0; i < oneFeature.length; i++) {
      oneFeature[i] = new double[] {ROWS[i][0]};
    }
    assertThatThrownBy(() -> new LstmTrainer().fit(oneFeature, Map.of(), 1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("training.features"));
    assertThatThrownBy(() -> new AutoencoderTrainer().fit(oneFeature, Map.of(), 1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("training.features"));
  }

  @Test
  void rejects_a_single_training_window() {
    assertThatThrownBy(() -> new LstmTrainer().fit(new double[][] {{1, 2, 3}}, Map.of(), 1))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.code()).isEqualTo(ValidationException.Code.TOO_LITTLE_DATA));
  }

  @Test
  void service_loader_finds_both_trainers_by_kind_and_alias() {
    assertThat(Detectors.trainer("ae")).isInstanceOf(AutoencoderTrainer.class);
    assertThat(Detectors.trainer("lstm")).isInstanceOf(LstmTrainer.class);
    assertThat(Detectors.trainer("lstm").hyperparameterKeys()).contains("lstm_sequence_length");
    assertThat(Detectors.loadableKinds()).contains("autoencoder", "lstm");
  }

  @Test
  void holds_out_the_most_recent_fifth_unless_a_side_would_get_fewer_than_two_rows() {
    assertThat(TrainingBudget.validationStart(400, 0.2)).isEqualTo(320);
    assertThat(TrainingBudget.validationStart(14_397, 0.2)).isEqualTo(11_518);
    assertThat(TrainingBudget.validationStart(400, 0)).isEqualTo(400);
    assertThat(TrainingBudget.validationStart(7, 0.2)).isEqualTo(7);
  }

  @Test
  void automatic_epochs_aim_at_500_steps_within_3_to_150_epochs() {
    assertThat(TrainingBudget.epochs(0, 7)).isEqualTo(72);
    assertThat(TrainingBudget.epochs(0, 225)).isEqualTo(3);
    assertThat(TrainingBudget.epochs(0, 1)).isEqualTo(150);
    assertThat(TrainingBudget.epochs(9, 225)).isEqualTo(9);
  }
}
