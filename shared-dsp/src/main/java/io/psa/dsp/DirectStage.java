package io.psa.dsp;

/**
 * With the low-pass off, grid samples are final as they come: collects them in blocks for the
 * {@link WindowAssembler}.
 */
final class DirectStage implements StreamingGrid.Sink {

  static final int BLOCK = 2048;

  private final int channels;
  private final WindowAssembler next;
  private final double[][] block;
  private int length;
  private long first;

  DirectStage(int channels, WindowAssembler next) {
    this.channels = channels;
    this.next = next;
    this.block = new double[channels][BLOCK];
  }

  @Override
  public void accept(double[] values) {
    for (int c = 0; c < channels; c++) {
      block[c][length] = values[c];
    }
    if (++length == BLOCK) {
      flush();
    }
  }

  void finish() {
    flush();
  }

  int retainedCapacity() {
    return channels * BLOCK;
  }

  private void flush() {
    next.accept(block, 0, length, first);
    first += length;
    length = 0;
  }
}
