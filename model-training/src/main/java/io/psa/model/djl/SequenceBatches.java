package io.psa.model.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Minibatches of window sequences: for each target window, the windows up to and including it as
 * input, the window itself as target. Once shuffled, half of the batches (drawn at random) use a
 * shorter context than the full sequence length, because the detector scores the first windows of
 * every batch with the shorter context available and must have seen such sequences; unshuffled
 * (validation), every batch uses the full length.
 */
final class SequenceBatches implements TrainingLoop.Batches {

  private final float[][] rows;
  private final int batchSize;
  private final int sequenceLength;
  private final int[] order;
  private int[] lengths = new int[0];

  /**
   * @param rows all windows, in time order
   * @param from first target window; earlier windows serve as context only
   * @param to end of the target windows, exclusive
   */
  SequenceBatches(double[][] rows, int from, int to, int batchSize, int sequenceLength) {
    this.rows = Floats.of(rows);
    this.batchSize = Math.min(batchSize, to - from);
    this.sequenceLength = sequenceLength;
    this.order = Floats.identity(to - from);
    for (int i = 0; i < order.length; i++) {
      order[i] += from;
    }
  }

  @Override
  public void shuffle(SplittableRandom rng) {
    Floats.shuffle(order, rng);
    lengths = new int[count()];
    for (int b = 0; b < lengths.length; b++) {
      lengths[b] = rng.nextBoolean() ? sequenceLength : 1 + rng.nextInt(sequenceLength);
    }
  }

  @Override
  public int count() {
    return (order.length + batchSize - 1) / batchSize;
  }

  @Override
  public NDList[] make(NDManager manager, int index) {
    int from = index * batchSize;
    int size = Math.min(batchSize, order.length - from);
    int length = index < lengths.length ? lengths[index] : sequenceLength;
    for (int r = 0; r < size; r++) {
      // the earliest windows have fewer predecessors: the whole batch uses the shortest context
      length = Math.min(length, order[from + r] + 1);
    }
    int width = rows[0].length;
    float[] inputs = new float[size * length * width];
    float[] targets = new float[size * width];
    for (int r = 0; r < size; r++) {
      int target = order[from + r];
      for (int s = 0; s < length; s++) {
        System.arraycopy(rows[target - length + 1 + s], 0, inputs, (r * length + s) * width, width);
      }
      System.arraycopy(rows[target], 0, targets, r * width, width);
    }
    return new NDList[] {
      new NDList(manager.create(inputs, new Shape(size, length, width))),
      new NDList(manager.create(targets, new Shape(size, width)))
    };
  }
}
