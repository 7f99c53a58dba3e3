package io.psa.bench;

import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (a) The default pipeline on one 10 s batch (1,000 records, four channels, already parsed) to
 * its feature matrix (37 windows × 24 features): the work of one {@code /predict} call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {

  private Pipeline pipeline;
  private SensorBatch batch;

  @Setup
  public void setUp() {
    pipeline = new Pipeline(PipelineConfig.defaults(), BenchData.CHANNELS);
    batch = BenchData.batch(0, 1_000);
  }

  @Benchmark
  public FeatureMatrix defaultPipeline10s() {
    return pipeline.process(batch);
  }
}
