package io.psa.model.nn;

import io.psa.model.Detector;
import io.psa.model.DetectorLoader;
import io.psa.model.nn.TensorFile.TensorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Rebuilds an {@link LstmDetector} from its parameters and {@code weights.bin}. */
public final class LstmDetectorLoader implements DetectorLoader {

  @Override
  public String kind() {
    return LstmDetector.KIND;
  }

  @Override
  public Detector load(Path dir, Map<String, Object> params) throws IOException {
    ParamReader p = new ParamReader(kind(), params);
    p.requireFormat();
    int inputs = p.positiveInt(NnFormat.KEY_INPUTS);
    int hidden = p.positiveInt(LstmDetector.KEY_HIDDEN);
    int sequenceLength = p.positiveInt(LstmDetector.KEY_SEQUENCE);
    int gates = 4 * hidden;
    List<TensorSpec> expected = List.of(
        new TensorSpec("lstm.weight_ih", new int[] {gates, inputs}),
        new TensorSpec("lstm.weight_hh", new int[] {gates, hidden}),
        new TensorSpec("lstm.bias_ih", new int[] {gates}),
        new TensorSpec("lstm.bias_hh", new int[] {gates}),
        new TensorSpec("output.weight", new int[] {inputs, hidden}),
        new TensorSpec("output.bias", new int[] {inputs}));
    List<NamedTensor> t = WeightReader.read(dir, p, expected);
    LstmLayer lstm = new LstmLayer(
        t.get(0).data(), t.get(1).data(), t.get(2).data(), t.get(3).data(), inputs);
    DenseLayer output =
        new DenseLayer(t.get(4).data(), t.get(5).data(), hidden, Activation.IDENTITY);
    return new LstmDetector(lstm, output, sequenceLength);
  }
}
