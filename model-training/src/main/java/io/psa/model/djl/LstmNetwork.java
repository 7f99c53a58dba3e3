package io.psa.model.djl;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.util.Pair;
import io.psa.model.nn.Activation;
import io.psa.model.nn.DenseLayer;
import io.psa.model.nn.LstmDetector;
import io.psa.model.nn.LstmLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The LSTM detector as a DJL block: an LSTM layer over {@code [batch, steps, features]}, its last
 * step's hidden state, a linear layer back to {@code features}. Exports into {@link LstmDetector}.
 */
final class LstmNetwork {

  private final SequentialBlock block = new SequentialBlock();
  private final LSTM lstm;
  private final Linear output;
  private final int features;

  LstmNetwork(int features, int hiddenSize, long seed) {
    this.features = features;
    SplittableRandom seeds = new SplittableRandom(seed);
    lstm = LSTM.builder().setStateSize(hiddenSize).setNumLayers(1)
        .optBatchFirst(true).optReturnState(false).build();
    Initializers.uniform(lstm, 1 / Math.sqrt(hiddenSize), seeds);
    output = Linear.builder().setUnits(features).build();
    Initializers.uniform(output, 1 / Math.sqrt(hiddenSize), seeds);
    block.add(lstm);
    block.add(list -> new NDList(list.head().get(":, -1, :")));
    block.add(output);
  }

  Block block() {
    return block;
  }

  /** The trained (or initialized) weights as the scoring-side detector. */
  LstmDetector toDetector(int sequenceLength) {
    // DJL keeps PyTorch's flat order per layer: input-hidden weight, hidden-hidden weight, then
    // the two biases (checked by name here and by the forward-pass equality test)
    List<float[]> t = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Pair<String, Parameter> p : lstm.getParameters()) {
      names.add(p.getKey());
      t.add(p.getValue().getArray().toFloatArray());
    }
    if (!names.equals(
        List.of("l_0_i2h_WEIGHT", "l_0_h2h_WEIGHT", "l_0_i2h_BIAS", "l_0_h2h_BIAS"))) {
      throw new IllegalStateException("unexpected DJL LSTM parameters " + names);
    }
    LstmLayer layer = new LstmLayer(t.get(0), t.get(1), t.get(2), t.get(3), features);
    var params = output.getParameters();
    DenseLayer dense = new DenseLayer(params.get("weight").getArray().toFloatArray(),
        params.get("bias").getArray().toFloatArray(), layer.hidden(), Activation.IDENTITY);
    return new LstmDetector(layer, dense, sequenceLength);
  }
}
