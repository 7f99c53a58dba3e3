package io.psa.model.nn;

import java.util.Arrays;

/**
 * One unidirectional LSTM layer (Hochreiter and Schmidhuber, "Long Short-Term Memory", Neural
 * Computation 9(8), 1997) in PyTorch's formulation, float32 parameters evaluated in double:
 *
 * <pre>
 *   i = sigmoid(W_ii x + b_ii + W_hi h + b_hi)      f = sigmoid(W_if x + b_if + W_hf h + b_hf)
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg)         o = sigmoid(W_io x + b_io + W_ho h + b_ho)
 *   c' = f * c + i * g                               h' = o * tanh(c')
 * </pre>
 *
 * <p>Tensors use PyTorch's {@code nn.LSTM} layout (gate blocks stacked in the order i, f, g, o),
 * which is also what DJL's PyTorch engine trains, so exported weights copy over unchanged.
 *
 * @param weightIh {@code [4 * hidden, inputs]} row-major (PyTorch {@code weight_ih_l0})
 * @param weightHh {@code [4 * hidden, hidden]} row-major ({@code weight_hh_l0})
 * @param biasIh {@code [4 * hidden]} ({@code bias_ih_l0})
 * @param biasHh {@code [4 * hidden]} ({@code bias_hh_l0})
 * @param inputs width of each step's input vector
 */
public record LstmLayer(
    float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputs) {

  public LstmLayer {
    int gates = biasIh.length;
    int hidden = gates / 4;
    if (inputs <= 0 || hidden == 0 || gates % 4 != 0 || biasHh.length != gates
        || weightIh.length != gates * inputs || weightHh.length != gates * hidden) {
      throw new IllegalArgumentException(
          "lstm layer: tensor sizes do not fit " + inputs + " inputs and " + hidden
              + " hidden units");
    }
    weightIh = weightIh.clone();
    weightHh = weightHh.clone();
    biasIh = biasIh.clone();
    biasHh = biasHh.clone();
  }

  /** Number of hidden units (the state size). */
  public int hidden() {
    return biasIh.length / 4;
  }

  /**
   * Runs the layer over a sequence from a zero state and returns the last hidden state.
   *
   * @param sequence at least one step, each of length {@link #inputs()}, oldest first
   */
  public double[] lastHidden(double[][] sequence) {
    return lastHidden(project(sequence), 0, sequence.length);
  }

  /**
   * The input half of every gate's pre-activation, {@code W_ih x + b_ih + b_hh}, per row. It does
   * not depend on the state, so a caller running many overlapping sequences over the same rows
   * computes it once per row instead of once per sequence step.
   */
  public double[][] project(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      double[] x = rows[t];
      if (x.length != inputs) {
        throw new IllegalArgumentException(
            "lstm layer expects " + inputs + " inputs, got " + x.length);
      }
      double[] pre = new double[biasIh.length];
      for (int r = 0; r < pre.length; r++) {
        pre[r] = biasIh[r] + (double) biasHh[r] + dot(weightIh, r * inputs, x, inputs);
      }
      out[t] = pre;
    }
    return out;
  }

  /**
   * Runs the recurrence over {@code projections[from..to)} (from {@link #project}) from a zero
   * state and returns the last hidden state.
   */
  public double[] lastHidden(double[][] projections, int from, int to) {
    if (from < 0 || to > projections.length || from >= to) {
      throw new IllegalArgumentException(
          "empty or out-of-range sequence [" + from + ", " + to + ")");
    }
    int h = hidden();
    double[] state = new double[h];
    double[] cell = new double[h];
    double[] pre = new double[4 * h];
    for (int t = from; t < to; t++) {
      for (int r = 0; r < pre.length; r++) {
        pre[r] = projections[t][r] + dot(weightHh, r * h, state, h);
      }
      for (int u = 0; u < h; u++) {
        double in = Activation.sigmoid(pre[u]);
        double forget = Activation.sigmoid(pre[h + u]);
        double candidate = Math.tanh(pre[2 * h + u]);
        double out = Activation.sigmoid(pre[3 * h + u]);
        cell[u] = forget * cell[u] + in * candidate;
        state[u] = out * Math.tanh(cell[u]);
      }
    }
    return state;
  }

  private static double dot(float[] matrix, int offset, double[] v, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += matrix[offset + i] * v[i];
    }
    return sum;
  }

  @Override
  public float[] weightIh() {
    return weightIh.clone();
  }

  @Override
  public float[] weightHh() {
    return weightHh.clone();
  }

  @Override
  public float[] biasIh() {
    return biasIh.clone();
  }

  @Override
  public float[] biasHh() {
    return biasHh.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LstmLayer l
        && inputs == l.inputs
        && Arrays.equals(weightIh, l.weightIh)
        && Arrays.equals(weightHh, l.weightHh)
        && Arrays.equals(biasIh, l.biasIh)
        && Arrays.equals(biasHh, l.biasHh);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weightIh) * 31 + Arrays.hashCode(weightHh);
  }

  @Override
  public String toString() {
    return "LstmLayer[" + inputs + " -> " + hidden() + "]";
  }
}
