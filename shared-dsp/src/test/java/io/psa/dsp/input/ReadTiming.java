package io.psa.dsp.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.psa.dsp.InputRules;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Ad-hoc timing, not a test: how long {@link PredictRequestReader} (plus {@link InputRules#check})
 * takes for a 10 s body of 1,000 four-channel records once warm, next to Jackson's bare token loop
 * over the same bytes, and what one read allocates. Rounds alternate between the two so that load
 * from other processes hits both alike. Run with the test classpath: {@code java -cp <test
 * classpath> io.psa.dsp.input.ReadTiming}.
 */
public final class ReadTiming {
  private static final int ROUNDS = 30;
  private static final int WARM_UP_ROUNDS = 10;
  private static final int READS_PER_ROUND = 1000;

  private ReadTiming() {}

  public static void main(String[] args) {
    byte[] body = BatchText.utf8(BatchText.predictBody(Batches.valid(1, 1000), "press-07", null));
    PredictRequestReader reader = new PredictRequestReader(Batches.CHANNELS);
    PipelineConfig config = PipelineConfig.defaults();
    double[] ours = new double[ROUNDS];
    double[] bare = new double[ROUNDS];
    long sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < READS_PER_ROUND; i++) {
        SensorBatch batch = reader.read(body).batch();
        InputRules.check(batch, config);
        sink += batch.tsMs()[batch.size() - 1];
      }
      ours[round] = (System.nanoTime() - start) / 1e3 / READS_PER_ROUND;
      start = System.nanoTime();
      for (int i = 0; i < READS_PER_ROUND; i++) {
        sink += bareTokenLoop(body);
      }
      bare[round] = (System.nanoTime() - start) / 1e3 / READS_PER_ROUND;
    }
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    sink += reader.read(body).batch().size();
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    System.out.printf("body %d bytes, 1,000 records x 4 channels (checksum %d)%n", body.length, sink);
    System.out.printf("PredictRequestReader + InputRules.check: %s%n", summary(ours));
    System.out.printf("bare Jackson token loop, same settings:  %s%n", summary(bare));
    System.out.printf("allocated by one read: %d bytes%n", allocated);
  }

  /** The least any reader must do: every token, every number converted. */
  private static long bareTokenLoop(byte[] body) {
    long sum = 0;
    try (JsonParser p = JsonInput.FACTORY.createParser(body)) {
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
          sum += (long) p.getDoubleValue();
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
          sum += p.getLongValue();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sum;
  }

  private static String summary(double[] microsPerRead) {
    double[] warm = Arrays.copyOfRange(microsPerRead, WARM_UP_ROUNDS, microsPerRead.length);
    Arrays.sort(warm);
    return String.format("best %.0f us, median %.0f us per body", warm[0], warm[warm.length / 2]);
  }
}
