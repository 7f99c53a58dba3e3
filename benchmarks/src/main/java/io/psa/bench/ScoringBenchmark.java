package io.psa.bench;

import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.Prediction;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.training.DefaultModel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (c) One {@code /predict} batch scored end to end with the default model (PCA T² + Q): the
 * pipeline, then the window scorer (selection, scaler, detector, calibration, alarm rule,
 * episodes), the batch calibration and the top window's diagnostics. Beside it, the pipeline alone
 * on the same batch: the baseline whose ratio says what detection adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {

  private ModelScorer scorer;
  private Pipeline pipeline;
  private SensorBatch batch;

  @Setup
  public void setUp() throws IOException {
    scorer = DefaultModel.scorer("bench");
    pipeline = new Pipeline(scorer.config(), scorer.channels());
    batch = new SensorSimulator(SimulationSpec.of(10_000).withSeed(7)).generate();
  }

  @Benchmark
  public Prediction defaultModel10s() {
    return scorer.score(batch, null, "bench");
  }

  @Benchmark
  public FeatureMatrix pipelineOnly10s() {
    return pipeline.process(batch);
  }
}
