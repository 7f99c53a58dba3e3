package io.psa.model.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.psa.model.nn.DenseAutoencoderDetector;
import io.psa.model.nn.LstmDetector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java forward passes of {@code io.psa.model.nn} give DJL's own outputs for the same
 * weights, within float32 tolerance: DJL computes in float32, the Java side in double.
 */
class ForwardEquivalenceTest {

  /** Relative tolerance of float32 arithmetic over a few layers. */
  static final double TOLERANCE = 1e-5;

  @Test
  void autoencoder_forward_equals_djl_on_random_inputs() {
    DjlRuntime.prepare(1);
    var settings = AutoencoderSettings.fromMap(Map.of("ae_hidden_size", "20", "ae_bottleneck_size", "6"));
    AutoencoderNetwork network = new AutoencoderNetwork(24, settings, 11);
    float[][] x = TestData.gaussian(50, 24, 3.0, 5);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.ENGINE)) {
      float[][] djl = forward(network.block(), manager, x, new Shape(50, 24));
      DenseAutoencoderDetector detector = network.toDetector();
      double worst = 0;
      for (int i = 0; i < x.length; i++) {
        worst = Math.max(worst, relativeError(detector.reconstruct(TestData.toDouble(x[i])), djl[i]));
      }
      System.out.printf("autoencoder: max relative difference DJL vs Java %.3g%n", worst);
      assertThat(worst).isLessThan(TOLERANCE);
    }
  }

  @Test
  void lstm_forward_equals_djl_for_full_and_short_sequences() {
    DjlRuntime.prepare(1);
    LstmNetwork network = new LstmNetwork(24, 12, 13);
    double worst = 0;
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.ENGINE)) {
      for (int length : new int[] {8, 3, 1}) {
        int batch = 20;
        float[][] flat = TestData.gaussian(batch * length, 24, 2.0, 7 + length);
        float[][] djl = forward(network.block(), manager, flat, new Shape(batch, length, 24));
        LstmDetector detector = network.toDetector(length);
        for (int b = 0; b < batch; b++) {
          double[][] sequence = new double[length][];
          for (int s = 0; s < length; s++) {
            sequence[s] = TestData.toDouble(flat[b * length + s]);
          }
          worst = Math.max(worst, relativeError(detector.reconstructLast(sequence), djl[b]));
        }
      }
    }
    System.out.printf("lstm: max relative difference DJL vs Java %.3g%n", worst);
    assertThat(worst).isLessThan(TOLERANCE);
  }

  private static float[][] forward(Block block, NDManager manager, float[][] rows, Shape shape) {
    if (!block.isInitialized()) {
      block.initialize(manager, DataType.FLOAT32, shape);
    }
    float[] flat = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
    }
    NDList out = block.forward(new ParameterStore(manager, false), new NDList(manager.create(flat, shape)), false);
    long[] outShape = out.head().getShape().getShape();
    float[] values = out.head().toFloatArray();
    int width = (int) outShape[outShape.length - 1];
    float[][] result = new float[values.length / width][width];
    for (int i = 0; i < result.length; i++) {
      System.arraycopy(values, i * width, result[i], 0, width);
    }
    return result;
  }

  /** Largest |java - djl| relative to the output's scale (at least 1, so near-zeros do not blow up). */
  private static double relativeError(double[] java, float[] djl) {
    assertThat(java).hasSize(djl.length);
    double scale = 1;
    double worst = 0;
    for (int j = 0; j < djl.length; j++) {
      scale = Math.max(scale, Math.abs(java[j]));
      worst = Math.max(worst, Math.abs(java[j] - djl[j]));
    }
    return worst / scale;
  }
}
