package io.psa.model.training;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.Detectors;
import io.psa.model.scoring.ModelScorer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Ad-hoc timing, run by hand (not a test): training on one hour of 10 ms simulated data per
 * detector kind on the classpath (issue 4: under a minute each), and {@link ModelScorer} latency on
 * a 10 s batch (1,000 records, 37 windows).
 *
 * <pre>java -cp ... io.psa.model.training.TrainingBenchmark [kind...]</pre>
 */
public final class TrainingBenchmark {

  private TrainingBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> kinds = args.length > 0 ? List.of(args) : List.copyOf(Detectors.trainableKinds());
    SensorBatch tenSeconds =
        new SensorSimulator(SimulationSpec.of(10_000).withSeed(99)).generate();
    for (String kind : kinds) {
      SensorSimulator hour = new SensorSimulator(SimulationSpec.of(3_600_000).withSeed(1));
      var trainer = new ModelTrainer(TrainingSettings.fromMap(Map.of("detector", kind)),
          TrainingListener.NONE, "bench");
      var result = trainer.train(List.of(
          SignalSource.of("hour", hour.chunks(10_000), hour.spec().recordCount())));
      var s = result.summary();
      System.out.printf("%-18s train 1 h: %.1f s (features %.1f s, fit+calibrate %.1f s), %d rows,"
          + " %d windows%n", kind, s.totalSeconds(), s.featureSeconds(), s.fitSeconds(), s.rows(),
          s.windows());
      ModelScorer scorer = new ModelScorer(result.model());
      double[] micros = new double[500];
      for (int i = 0; i < 300; i++) {
        scorer.score(tenSeconds, null, "warm");
      }
      for (int i = 0; i < micros.length; i++) {
        long t = System.nanoTime();
        scorer.score(tenSeconds, null, "t");
        micros[i] = (System.nanoTime() - t) / 1e3;
      }
      Arrays.sort(micros);
      System.out.printf("%-18s score 10 s batch: median %.0f us, p99 %.0f us%n", kind,
          micros[micros.length / 2], micros[(int) (micros.length * 0.99)]);
    }
  }
}
