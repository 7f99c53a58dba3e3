package io.psa.model.djl;

import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.scaling.StandardScaler;
import java.util.ArrayList;
import java.util.List;

/**
 * Window feature vectors of the project's simulator (10 ms, four channels) through the default
 * pipeline (24 features per 1 s window, 250 ms stride), scaled with a scaler fitted on normal data
 * only, as the training command does.
 *
 * @param train scaled normal windows
 * @param test scaled windows of another stretch with injected anomalies, in time order
 * @param anomalous per test window: whether its span overlaps an injected interval
 */
record SimulatedWindows(double[][] train, double[][] test, boolean[] anomalous) {

  /**
   * @param trainMs length of the normal signal (seed 42)
   * @param testMs length of the test signal (seed 7), with one anomaly of each kind
   */
  static SimulatedWindows of(long trainMs, long testMs) {
    Pipeline pipeline = new Pipeline(PipelineConfig.defaults(), SimulationSpec.DEFAULT_CHANNELS);
    FeatureMatrix normal = pipeline.process(new SensorSimulator(SimulationSpec.of(trainMs)).generate());
    StandardScaler scaler = StandardScaler.fit(normal.rows());
    long slot = testMs / 5;
    List<Anomaly> anomalies = List.of(
        new Anomaly(AnomalyKind.SPIKE, "pressure", slot, slot / 3),
        new Anomaly(AnomalyKind.DRIFT, "force", 2 * slot, slot / 3),
        new Anomaly(AnomalyKind.NOISE_BURST, "acceleration", 3 * slot, slot / 3),
        new Anomaly(AnomalyKind.STUCK, "pressure", 4 * slot, slot / 3));
    SensorSimulator faulty = new SensorSimulator(
        SimulationSpec.of(testMs).withSeed(7).withAnomalies(anomalies));
    FeatureMatrix test = pipeline.process(faulty.generate());
    boolean[] labels = new boolean[test.windowCount()];
    for (int w = 0; w < labels.length; w++) {
      for (var label : faulty.labels()) {
        labels[w] |= test.windowStartMs()[w] < label.endTsMs() && test.windowEndMs()[w] >= label.startTsMs();
      }
    }
    return new SimulatedWindows(scaler.transform(normal.rows()), scaler.transform(test.rows()), labels);
  }

  /** Consecutive slices of {@code rows} of {@code size} windows (the last may be shorter). */
  static List<double[][]> batches(double[][] rows, int size) {
    List<double[][]> out = new ArrayList<>();
    for (int from = 0; from < rows.length; from += size) {
      out.add(java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + size)));
    }
    return out;
  }
}
