package io.psa.model.testing;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.AnomalyLabel;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.training.SignalSource;
import java.util.ArrayList;
import java.util.List;

/** Seeded simulated signals for model tests: normal training data and a labelled test signal. */
public final class SimData {

  private SimData() {}

  /** {@code minutes} of normal data at 10 ms, from {@code seed}. */
  public static SignalSource normal(int minutes, long seed) {
    SensorSimulator sim = new SensorSimulator(SimulationSpec.of(minutes * 60_000L).withSeed(seed));
    return SignalSource.of("normal-" + seed, sim.chunks(SensorSimulator.DEFAULT_CHUNK_RECORDS),
        sim.spec().recordCount());
  }

  /**
   * A test signal of {@code minutes} from another seed with one anomaly of each kind per channel
   * in turn, 4 s long, every 20 s from the 10th second on.
   */
  public static SensorSimulator withAnomalies(int minutes, long seed) {
    List<Anomaly> anomalies = new ArrayList<>();
    AnomalyKind[] kinds = AnomalyKind.values();
    List<String> channels = SimulationSpec.DEFAULT_CHANNELS;
    int k = 0;
    for (long start = 10_000; start + 4_000 < minutes * 60_000L - 5_000; start += 20_000, k++) {
      anomalies.add(new Anomaly(kinds[k % kinds.length],
          channels.get((k / kinds.length) % channels.size()), start, 4_000));
    }
    return new SensorSimulator(
        SimulationSpec.of(minutes * 60_000L).withSeed(seed).withAnomalies(anomalies));
  }

  /** The whole simulated signal as one batch. */
  public static SensorBatch batch(SensorSimulator sim) {
    return sim.generate();
  }

  /** Whether a window [start, end] (inclusive ms) overlaps any labelled interval. */
  public static boolean overlaps(List<AnomalyLabel> labels, long startMs, long endMs) {
    for (AnomalyLabel l : labels) {
      if (startMs < l.endTsMs() && endMs >= l.startTsMs()) {
        return true;
      }
    }
    return false;
  }
}
