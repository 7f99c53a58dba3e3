package io.psa.bench;

import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.StreamingPipeline;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * (b) The streaming form on one hour of data (360,000 records at 10 ms) fed in 10 s chunks of
 * 1,000 records, every window's features handed to a sink: 14,397 windows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamingBenchmark {

  private static final int CHUNKS = 360;
  private SensorBatch[] chunks;

  @Setup
  public void setUp() {
    chunks = new SensorBatch[CHUNKS];
    for (int i = 0; i < CHUNKS; i++) {
      chunks[i] = BenchData.batch(1_000L * i, 1_000);
    }
  }

  @Benchmark
  public void streamingOneHour(Blackhole hole) {
    StreamingPipeline pipeline = new StreamingPipeline(PipelineConfig.defaults(), BenchData.CHANNELS,
        (start, end, features) -> hole.consume(features));
    for (SensorBatch chunk : chunks) {
      pipeline.push(chunk);
    }
    pipeline.finish();
  }
}
