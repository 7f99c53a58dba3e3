package io.psa.model.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The LSTM forward pass against numpy (src/test/resources/io/psa/model/nn/lstm_golden.py, which
 * printed the literals below): PyTorch's gate order and equations, float32 weights in float64.
 */
class LstmGoldenTest {

  static final float[] W_IH = {-0.5137042999267578f, 0.22386106848716736f, -0.05237055942416191f, -0.20719915628433228f, -0.23213227093219757f, 0.4648292064666748f, 0.6482301354408264f, -0.5162348747253418f, 0.24445568025112152f, -0.3227155804634094f, 0.7471395134925842f, 0.6717602610588074f, 0.21739329397678375f, 0.40437135100364685f, 0.024245914071798325f, 0.5214323997497559f, -0.08259112387895584f, -0.25790008902549744f, -0.3553612530231476f, -0.43786710500717163f, 0.04130695015192032f, -0.11054070293903351f, 0.2610889971256256f, -0.7794552445411682f};
  static final float[] W_HH = {-0.08367695659399033f, -0.21571071445941925f, -0.4873638451099396f, 0.15178538858890533f, -0.10349895060062408f, -0.3200135827064514f, -0.46493420004844666f, 0.5993984937667847f, 0.47593969106674194f, 0.17073547840118408f, -0.2478390783071518f, 0.7149116396903992f, 0.10140380263328552f, -0.10757961869239807f, 0.6407193541526794f, -0.2890531122684479f};
  static final float[] B_IH = {0.19599486887454987f, -0.18617966771125793f, -0.23844695091247559f, 0.20084089040756226f, -0.2721080183982849f, -0.00688967714086175f, 0.08002845197916031f, -0.31109362840652466f};
  static final float[] B_HH = {0.2312406599521637f, 0.04848306626081467f, 0.12150325626134872f, -0.12785568833351135f, -0.07980673760175705f, -0.005170322023332119f, -0.030029088258743286f, 0.17563922703266144f};
  static final float[] W_OUT = {0.1543550044298172f, -0.16745871305465698f, -0.9963952898979187f, 0.5880621075630188f, 0.03876844048500061f, -0.346910685300827f};
  static final float[] B_OUT = {-1.7991034837905318e-05f, -0.1626216322183609f, 0.16188162565231323f};
  static final double[] X = {-1.478, -1.504, -1.452, -2.147, -1.369, 1.94, -0.89, 0.386, -1.825};
  static final double[] HIDDEN_1 = {-0.4210807597831535, -0.0865777093590413};
  static final double[] OUTPUT_1 = {-0.05051572178799217, 0.2060281832625539, 0.17559171376280205};
  static final double[] HIDDEN_2 = {-0.6066720503121472, -0.08218490042910917};
  static final double[] OUTPUT_2 = {-0.07989828038983192, 0.3935337154691769, 0.16687271650511595};
  static final double[] HIDDEN_3 = {-0.30929476188188393, -0.24577301295669654};
  static final double[] OUTPUT_3 = {-0.0066023529219414135, 0.0010284157294184748, 0.23515203443722962};

  static final double[] OUTPUT_3_FROM_2 = {-0.005781740193048896, -0.01734592904358309, 0.22727048764528276};

  static final LstmLayer LAYER = new LstmLayer(W_IH, W_HH, B_IH, B_HH, 3);
  static final DenseLayer OUTPUT = new DenseLayer(W_OUT, B_OUT, 2, Activation.IDENTITY);

  static double[][] rows(int n) {
    double[][] rows = new double[n][3];
    for (int t = 0; t < n; t++) {
      System.arraycopy(X, 3 * t, rows[t], 0, 3);
    }
    return rows;
  }

  @Test
  void last_hidden_state_matches_numpy_for_one_two_and_three_steps() {
    assertThat(LAYER.lastHidden(rows(1))).containsExactly(HIDDEN_1, within(1e-12));
    assertThat(LAYER.lastHidden(rows(2))).containsExactly(HIDDEN_2, within(1e-12));
    assertThat(LAYER.lastHidden(rows(3))).containsExactly(HIDDEN_3, within(1e-12));
  }

  @Test
  void detector_reconstructs_each_row_from_the_context_it_has() {
    LstmDetector detector = new LstmDetector(LAYER, OUTPUT, 3);
    double[][] rows = rows(3);
    double[][] expected = {OUTPUT_1, OUTPUT_2, OUTPUT_3};
    double[] scores = detector.score(rows);
    for (int t = 0; t < 3; t++) {
      double sum = 0;
      for (int j = 0; j < 3; j++) {
        sum += (rows[t][j] - expected[t][j]) * (rows[t][j] - expected[t][j]);
      }
      assertThat(scores[t]).as("row %d", t).isCloseTo(sum / 3, within(1e-12));
    }
  }

  @Test
  void a_sequence_length_of_two_forgets_the_first_row_for_the_third() {
    LstmDetector detector = new LstmDetector(LAYER, OUTPUT, 2);
    double[][] rows = rows(3);
    assertThat(detector.reconstructLast(new double[][] {rows[1], rows[2]}))
        .containsExactly(OUTPUT_3_FROM_2, within(1e-12));
    double expected = 0;
    for (int j = 0; j < 3; j++) {
      expected += (rows[2][j] - OUTPUT_3_FROM_2[j]) * (rows[2][j] - OUTPUT_3_FROM_2[j]) / 3;
    }
    assertThat(detector.score(rows)[2]).isCloseTo(expected, within(1e-12));
  }
}
