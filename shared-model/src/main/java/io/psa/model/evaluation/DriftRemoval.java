package io.psa.model.evaluation;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import java.util.List;

/**
 * Causal removal of slow drift that is not a fault: on the channels declared slow, each value is
 * replaced by its deviation from an exponentially weighted moving average of the channel so far,
 * {@code b_i = b_(i−1) + α_i (x_i − b_(i−1))}, {@code b_0 = x_0}, with {@code α_i = 1 −
 * exp(−Δt_i / τ)} from the actual time step (so gaps are handled) and output {@code x_i − b_i}.
 *
 * <p>Why: a machine warming up moves its temperatures by degrees over many minutes, far from the
 * few training minutes, so a detector fitted on raw levels alarms on the warm-up itself. A fault
 * shows as a change much faster than {@code τ}, which the deviation keeps; a drift slower than
 * {@code τ} is followed by the baseline and vanishes. Forward only: each output reads no later
 * sample. Channels not declared slow pass unchanged.
 *
 * @param channels the slow channels (an empty list turns the step off)
 * @param timeConstantS {@code τ} in seconds, > 0 [300]
 */
public record DriftRemoval(List<String> channels, double timeConstantS) {

  /** No drift removal. */
  public static final DriftRemoval OFF = new DriftRemoval(List.of(), 300);

  public DriftRemoval {
    channels = List.copyOf(channels);
    if (!(timeConstantS > 0 && Double.isFinite(timeConstantS))) {
      throw ValidationException.ofConfig("slow_drift.time_constant_s",
          "must be a finite number > 0, got " + timeConstantS);
    }
  }

  /**
   * A copy of the batch with the slow channels replaced by their deviation from the baseline.
   *
   * @throws ValidationException when a slow channel is not in the batch
   */
  public SensorBatch apply(SensorBatch batch) {
    double[][] values = new double[batch.channels().size()][];
    for (int c = 0; c < values.length; c++) {
      values[c] = batch.values()[c];
    }
    for (String slow : channels) {
      int c = batch.channels().indexOf(slow);
      if (c < 0) {
        throw ValidationException.ofConfig("slow_drift.channels",
            "channel \"" + slow + "\" is not among " + batch.channels());
      }
      values[c] = deviation(batch.tsMs(), batch.values()[c], batch.size());
    }
    return new SensorBatch(batch.channels(), batch.tsMs(), values, batch.size());
  }

  private double[] deviation(long[] ts, double[] x, int n) {
    double[] out = new double[x.length];
    double tauMs = timeConstantS * 1000;
    double baseline = n > 0 ? x[0] : 0;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        double alpha = -Math.expm1(-(ts[i] - ts[i - 1]) / tauMs);
        baseline += alpha * (x[i] - baseline);
      }
      out[i] = x[i] - baseline;
    }
    return out;
  }
}
