package io.psa.model.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.model.Detector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The budgets of issue 4, measured: training on one hour of 10 ms data (14,400 windows of 24
 * features) under a minute per detector, a SKAB-sized file (400 windows of 48 features) in a
 * couple of seconds, and scoring one 10 s batch (37 windows). Takes about a minute, so it runs
 * only with {@code -Dpsa.perf=true}.
 */
@EnabledIfSystemProperty(named = "psa.perf", matches = "true")
class TrainingPerformanceTest {

  /** The calling thread's CPU time: PyTorch runs on it with one intra-op thread, so this is what
   * the wall time would be on an idle machine. */
  static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Test
  void trains_an_hour_of_data_within_a_minute_per_detector_and_scores_a_batch_in_milliseconds() {
    SimulatedWindows data = SimulatedWindows.of(3_600_000, 600_000);
    assertThat(data.train().length).isBetween(14_000, 14_400);
    for (var trainer : List.of(new AutoencoderTrainer(), new LstmTrainer())) {
      long start = System.nanoTime();
      long cpu = CPU.getCurrentThreadCpuTime();
      Detector detector = trainer.fit(data.train(), Map.of(), 42);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
      double[][] batch = java.util.Arrays.copyOf(data.test(), 37);
      for (int i = 0; i < 200; i++) {
        detector.score(batch);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        detector.score(batch);
      }
      double ms = (System.nanoTime() - t0) / 1e6 / 1000;
      double auc = Auc.of(detector.score(data.test()), data.anomalous());
      System.out.printf("%s: trained on %d windows in %.1f s (%.1f s CPU); scores 37 windows in"
          + " %.3f ms; AUC %.4f%n", trainer.kind(), data.train().length, seconds, cpuSeconds, ms, auc);
      assertThat(seconds).isLessThan(60);
    }
  }

  @Test
  void trains_a_skab_sized_file_in_a_few_seconds() {
    // 8 channels x 6 features, rank-4 structure plus noise: the shape of one SKAB training part
    float[][] latent = TestData.gaussian(400, 4, 1.0, 1);
    float[][] mixing = TestData.gaussian(4, 48, 0.5, 2);
    float[][] noise = TestData.gaussian(400, 48, 0.3, 3);
    double[][] rows = new double[400][48];
    for (int i = 0; i < 400; i++) {
      for (int j = 0; j < 48; j++) {
        double v = noise[i][j];
        for (int k = 0; k < 4; k++) {
          v += latent[i][k] * mixing[k][j];
        }
        rows[i][j] = v;
      }
    }
    new AutoencoderTrainer().fit(rows, Map.of("ae_epochs", "1"), 1); // engine start, not training
    for (var trainer : List.of(new AutoencoderTrainer(), new LstmTrainer())) {
      long start = System.nanoTime();
      long cpu = CPU.getCurrentThreadCpuTime();
      trainer.fit(rows, Map.of(), 42);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%s: trained on 400 x 48 in %.2f s (%.2f s CPU)%n", trainer.kind(), seconds,
          (CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
      assertThat(seconds).isLessThan(10);
    }
  }
}
