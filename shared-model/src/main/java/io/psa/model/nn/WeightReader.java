package io.psa.model.nn;

import io.psa.model.nn.TensorFile.TensorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Loads a weight file after checking the recorded tensor list against the architecture. */
final class WeightReader {

  private WeightReader() {}

  /**
   * @param expected the tensors the recorded architecture implies, in file order
   * @throws IOException if the recorded list differs from {@code expected} or the file does not fit
   */
  static List<NamedTensor> read(Path dir, ParamReader p, List<TensorSpec> expected)
      throws IOException {
    String file = p.string(NnFormat.KEY_WEIGHTS);
    if (!TensorFile.NAME.equals(file)) {
      // a fixed name: the manifest must not be able to point the loader at any other file
      throw p.error(NnFormat.KEY_WEIGHTS, "is '" + file + "', expected " + TensorFile.NAME);
    }
    List<TensorSpec> recorded = p.tensorSpecs();
    boolean same = recorded.size() == expected.size();
    for (int i = 0; same && i < recorded.size(); i++) {
      same = recorded.get(i).name().equals(expected.get(i).name())
          && Arrays.equals(recorded.get(i).shape(), expected.get(i).shape());
    }
    if (!same) {
      throw p.error(NnFormat.KEY_TENSORS, "does not match the recorded architecture");
    }
    return TensorFile.read(dir.resolve(TensorFile.NAME), expected);
  }
}
