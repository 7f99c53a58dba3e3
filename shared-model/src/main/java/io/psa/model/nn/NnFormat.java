package io.psa.model.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keys and version of the neural detectors' saved parameters (see the package documentation). */
final class NnFormat {

  /** Bumped whenever the meaning of a key or of the weight file changes. */
  static final String VERSION = "psa-nn/1";

  static final String KEY_FORMAT = "format";
  static final String KEY_WEIGHTS = "weights_file";
  static final String KEY_INPUTS = "inputs";
  static final String KEY_TENSORS = "tensors";

  private NnFormat() {}

  /** The keys every neural detector writes: format, weight file, input width, tensor list. */
  static Map<String, Object> baseParams(int inputs, List<NamedTensor> tensors) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(KEY_FORMAT, VERSION);
    params.put(KEY_WEIGHTS, TensorFile.NAME);
    params.put(KEY_INPUTS, inputs);
    params.put(KEY_TENSORS, NamedTensor.specs(tensors));
    return params;
  }
}
