package io.psa.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** Minibatches of single rows in a fresh random order per epoch, each row its own target. */
final class RowBatches implements TrainingLoop.Batches {

  private final float[][] rows;
  private final int batchSize;
  private final int[] order;

  RowBatches(double[][] rows, int batchSize) {
    this.rows = Floats.of(rows);
    this.batchSize = Math.min(batchSize, rows.length);
    this.order = Floats.identity(rows.length);
  }

  @Override
  public void shuffle(SplittableRandom rng) {
    Floats.shuffle(order, rng);
  }

  @Override
  public int count() {
    return (order.length + batchSize - 1) / batchSize;
  }

  @Override
  public NDList[] make(NDManager manager, int index) {
    int from = index * batchSize;
    int size = Math.min(batchSize, order.length - from);
    int width = rows[0].length;
    float[] data = new float[size * width];
    for (int r = 0; r < size; r++) {
      System.arraycopy(rows[order[from + r]], 0, data, r * width, width);
    }
    NDArray x = manager.create(data, new Shape(size, width));
    return new NDList[] {new NDList(x), new NDList(x)};
  }
}
