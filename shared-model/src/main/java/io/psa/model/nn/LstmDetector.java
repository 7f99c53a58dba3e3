package io.psa.model.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sequence model over consecutive windows: an LSTM layer reads the last {@code sequenceLength}
 * scaled feature vectors up to and including the current one, and a dense layer reconstructs the
 * current vector from the LSTM's last hidden state (an LSTM encoder with a linear decoder, after
 * Malhotra et al., "LSTM-based Encoder-Decoder for Multi-sensor Anomaly Detection", 2016). Its
 * hidden state is smaller than a row, so it can only reconstruct windows well that fit the
 * dynamics seen in training. Raw score: mean squared reconstruction error of the current window.
 *
 * <p>Strictly causal: a row's score depends only on it and the rows before it in the same call.
 * The first rows of a call have fewer predecessors and use the shorter context available (the
 * trainer shows the model such short sequences too). Immutable and thread-safe.
 */
public final class LstmDetector extends ReconstructionDetector {

  /** The detector kind written to the manifest. */
  public static final String KIND = "lstm";

  static final String KEY_HIDDEN = "hidden_size";
  static final String KEY_SEQUENCE = "sequence_length";

  private final LstmLayer lstm;
  private final DenseLayer output;
  private final int sequenceLength;

  /**
   * @param lstm reads rows of the detector's width
   * @param output maps the LSTM's hidden state back to a row
   * @param sequenceLength most rows the LSTM reads per score, at least 1
   */
  public LstmDetector(LstmLayer lstm, DenseLayer output, int sequenceLength) {
    if (output.inputs() != lstm.hidden() || output.outputs() != lstm.inputs()) {
      throw new IllegalArgumentException("the output layer must map " + lstm.hidden()
          + " hidden units to " + lstm.inputs() + " features");
    }
    if (sequenceLength < 1) {
      throw new IllegalArgumentException(
          "sequence length must be at least 1, got " + sequenceLength);
    }
    this.lstm = lstm;
    this.output = output;
    this.sequenceLength = sequenceLength;
  }

  @Override
  public String kind() {
    return KIND;
  }

  public LstmLayer lstm() {
    return lstm;
  }

  public DenseLayer output() {
    return output;
  }

  /** Most rows read per score (the current one included). */
  public int sequenceLength() {
    return sequenceLength;
  }

  @Override
  public int context() {
    return sequenceLength;
  }

  @Override
  double[] reconstructLastRow(double[][] rows) {
    int from = Math.max(0, rows.length - sequenceLength);
    return reconstructLast(java.util.Arrays.copyOfRange(rows, from, rows.length));
  }

  @Override
  int inputs() {
    return lstm.inputs();
  }

  /** The model's reconstruction of a sequence's last row from the whole sequence, oldest first. */
  public double[] reconstructLast(double[][] sequence) {
    return output.forward(lstm.lastHidden(sequence));
  }

  @Override
  double[][] reconstructAll(double[][] rows) {
    double[][] projections = lstm.project(rows);
    double[][] out = new double[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      int from = Math.max(0, t - sequenceLength + 1);
      out[t] = output.forward(lstm.lastHidden(projections, from, t + 1));
    }
    return out;
  }

  /** Writes {@code weights.bin}; the parameters give the sizes and the tensors' order. */
  @Override
  public Map<String, Object> save(Path dir) throws IOException {
    List<NamedTensor> tensors = tensors();
    TensorFile.write(dir.resolve(TensorFile.NAME), tensors);
    Map<String, Object> params = NnFormat.baseParams(inputs(), tensors);
    params.put(KEY_HIDDEN, lstm.hidden());
    params.put(KEY_SEQUENCE, sequenceLength);
    return params;
  }

  private List<NamedTensor> tensors() {
    int gates = 4 * lstm.hidden();
    return List.of(
        new NamedTensor("lstm.weight_ih", new int[] {gates, inputs()}, lstm.weightIh()),
        new NamedTensor("lstm.weight_hh", new int[] {gates, lstm.hidden()}, lstm.weightHh()),
        new NamedTensor("lstm.bias_ih", new int[] {gates}, lstm.biasIh()),
        new NamedTensor("lstm.bias_hh", new int[] {gates}, lstm.biasHh()),
        new NamedTensor("output.weight", new int[] {inputs(), lstm.hidden()}, output.weight()),
        new NamedTensor("output.bias", new int[] {inputs()}, output.bias()));
  }
}
