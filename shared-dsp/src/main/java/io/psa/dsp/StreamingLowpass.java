package io.psa.dsp;

import io.psa.dsp.filter.Sos;
import io.psa.dsp.filter.SosKernel;
import io.psa.dsp.filter.ZeroPhaseFilter;

/**
 * Step 2 for a signal that arrives sample by sample, in memory bounded by the filter, with the
 * numbers of {@code sosfiltfilt} over the whole signal.
 *
 * <p>The forward pass is causal: it starts, as sosfiltfilt's does, on the odd extension of the
 * first {@code padlen + 1} samples and then simply continues, giving the same bits. The backward
 * pass runs from the future, so the stretch {@code [done, forwardEnd)} is filtered backwards from
 * its end with the steady state of its last value, and only its first part is kept: the start
 * state's error dies out like the filter's impulse response, as {@code L^S · ρ^L} after {@code L}
 * samples (ρ the largest pole radius, {@code S} sections, whose cascaded poles act like one pole of
 * multiplicity up to {@code S}). {@link #overlap} picks the smallest L where that falls below
 * {@code 1e-16 · (1 − ρ)^S}: a relative error far below the last bit of the result, with {@code (1
 * − ρ)^S} allowing for the gain a slow filter puts on its state. At the true end, the right odd
 * extension and the backward pass are exactly sosfiltfilt's.
 *
 * <p>What remains is rounding: once a block's backward state differs from the whole-signal one in
 * its last bits, the two recursions round differently, so streamed values differ from {@link
 * Pipeline}'s by the filter's own rounding noise, about 1e-15 of the signal at the defaults and
 * 1e-13 for a 0.5 Hz order-10 filter at 100 Hz (the same spread scipy shows across BLAS builds).
 */
final class StreamingLowpass implements StreamingGrid.Sink {

  /** Samples finalized per backward pass, at least; amortizes the overlap. */
  private static final int MIN_BLOCK = 2048;

  private final Sos sos;
  private final int channels;
  private final int padlen;
  private final int overlap;
  private final int block;
  private final WindowAssembler next;
  private final double[][] buffer; // grid samples [base, base + length): forward-filtered up to forwardEnd
  private final double[][] tail; // ring of the last padlen + 1 raw samples, for the right extension
  private final double[][] scratch;
  private final double[][] forwardStates;
  private final double[][] backwardStates;
  private long base;
  private int length;
  private int tailSlot; // where the next raw sample goes in tail, count % (padlen + 1)
  private long count;
  private long forwardEnd = -1; // -1 until the forward pass has started
  private long done;

  StreamingLowpass(ZeroPhaseFilter filter, int channels, WindowAssembler next) {
    this.sos = filter.sos();
    this.channels = channels;
    this.padlen = sos.padlen();
    this.overlap = overlap(sos.maxPoleRadius(), sos.sections());
    this.block = Math.max(MIN_BLOCK, overlap);
    this.next = next;
    this.buffer = new double[channels][capacity(filter)];
    this.tail = new double[channels][padlen + 1];
    this.scratch = new double[channels][capacity(filter) + padlen];
    this.forwardStates = new double[channels][2 * sos.sections()];
    this.backwardStates = new double[channels][2 * sos.sections()];
  }

  /** The longest stretch handed to the next step, in grid samples. */
  static int capacity(ZeroPhaseFilter filter) {
    Sos sos = filter.sos();
    int overlap = overlap(sos.maxPoleRadius(), sos.sections());
    return overlap + Math.max(MIN_BLOCK, overlap) + sos.padlen() + 1;
  }

  /** The smallest L with {@code L^S · ρ^L ≤ 1e-16 · (1 − ρ)^S} (see the class comment). */
  static int overlap(double rho, int sections) {
    double target = Math.log(1e-16) + sections * Math.log1p(-rho);
    int l = 1;
    while (sections * Math.log(l) + l * Math.log(rho) > target) {
      l++;
    }
    return l;
  }

  int overlap() {
    return overlap;
  }

  int padlen() {
    return padlen;
  }

  int retainedCapacity() {
    return channels * (buffer[0].length + tail[0].length + scratch[0].length + 4 * sos.sections());
  }

  @Override
  public void accept(double[] values) {
    for (int c = 0; c < channels; c++) {
      buffer[c][length] = values[c];
      tail[c][tailSlot] = values[c];
    }
    tailSlot = tailSlot == padlen ? 0 : tailSlot + 1;
    length++;
    count++;
    if (forwardEnd < 0 && count == padlen + 1) {
      startForward();
    }
    if (forwardEnd >= 0 && count - done >= overlap + block) {
      forward();
      backward();
    }
  }

  /** Ends the signal (which has more than {@code padlen} samples): the exact right edge. */
  void finish() {
    forward();
    int at = (int) (forwardEnd - done);
    for (int c = 0; c < channels; c++) {
      System.arraycopy(buffer[c], (int) (done - base), scratch[c], 0, at);
      double last = tail[c][(int) ((count - 1) % (padlen + 1))];
      for (int i = 0; i < padlen; i++) {
        scratch[c][at + i] = 2 * last - tail[c][(int) ((count - 2 - i) % (padlen + 1))];
      }
    }
    SosKernel.runChannels(sos, forwardStates, scratch, channels, at, padlen, 1);
    runBackward(at + padlen);
    next.accept(scratch, 0, at, done);
  }

  /** sosfiltfilt's left edge: the forward state after the odd extension of the first samples. */
  private void startForward() {
    for (int c = 0; c < channels; c++) {
      ZeroPhaseFilter.oddExtend(buffer[c], padlen + 1, padlen, scratch[c]);
      SosKernel.steadyState(sos, scratch[c][0], forwardStates[c]);
    }
    SosKernel.runChannels(sos, forwardStates, scratch, channels, 0, padlen, 1);
    forwardEnd = 0;
  }

  private void forward() {
    int from = (int) (forwardEnd - base);
    SosKernel.runChannels(sos, forwardStates, buffer, channels, from, length - from, 1);
    forwardEnd = count;
  }

  /** Filters {@code [done, count)} backwards from its end and passes on all but the overlap. */
  private void backward() {
    int n = (int) (count - done);
    for (int c = 0; c < channels; c++) {
      System.arraycopy(buffer[c], (int) (done - base), scratch[c], 0, n);
    }
    runBackward(n);
    int keep = n - overlap;
    next.accept(scratch, 0, keep, done);
    done += keep;
    int drop = (int) (done - base);
    for (int c = 0; c < channels; c++) {
      System.arraycopy(buffer[c], drop, buffer[c], 0, length - drop);
    }
    length -= drop;
    base = done;
  }

  private void runBackward(int n) {
    for (int c = 0; c < channels; c++) {
      SosKernel.steadyState(sos, scratch[c][n - 1], backwardStates[c]);
    }
    SosKernel.runChannels(sos, backwardStates, scratch, channels, n - 1, n, -1);
  }
}
