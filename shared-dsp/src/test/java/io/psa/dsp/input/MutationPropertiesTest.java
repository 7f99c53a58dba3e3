package io.psa.dsp.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Property (b): damaged input (truncated at any byte, flipped bytes, values of the wrong type, huge
 * numbers, deep nesting, repeated keys) is either read as a batch of finite values or rejected with
 * a {@link ValidationException}; never another exception, never a hang.
 */
class MutationPropertiesTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final String CONFIG = "{\"lowpass_hz\": 5, \"kalman\": {\"q\": 0.1, \"r\": 2}}";
  private final PredictRequestReader reader = new PredictRequestReader(Batches.CHANNELS, 1000);

  @Property(tries = 1000)
  void a_damaged_predict_body_is_read_or_rejected_the_same_from_bytes_and_from_a_stream(
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SensorBatch batch = Batches.arbitrary(seed, random.nextInt(1, 20), Batches.CHANNELS);
    byte[] body = Mutations.mutate(BatchText.utf8(BatchText.predictBody(batch, "press-07", CONFIG)), random);
    Object fromBytes = outcome(() -> reader.read(body).batch());
    Object fromStream = outcome(() -> reader.read(new ByteArrayInputStream(body)).batch());
    if (fromBytes instanceof SensorBatch a && fromStream instanceof SensorBatch b) {
      assertThat(Batches.sameContents(a, b)).isTrue();
    } else {
      assertThat(fromStream).isEqualTo(fromBytes); // the same code and field
    }
  }

  @Property(tries = 500)
  void a_damaged_csv_file_is_read_or_rejected(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SensorBatch batch = Batches.arbitrary(seed, random.nextInt(1, 20), Batches.CHANNELS);
    byte[] text = Mutations.mutate(BatchText.utf8(BatchText.csv(batch)), random);
    outcome(() -> CsvSignalReader.of(new ByteArrayInputStream(text), Batches.CHANNELS).readAll());
  }

  @Property(tries = 500)
  void a_damaged_json_lines_file_is_read_or_rejected(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SensorBatch batch = Batches.arbitrary(seed, random.nextInt(1, 20), Batches.CHANNELS);
    byte[] text = Mutations.mutate(BatchText.utf8(BatchText.jsonLines(batch)), random);
    outcome(() -> new JsonLinesSignalReader(new ByteArrayInputStream(text), Batches.CHANNELS).readAll());
  }

  interface Read {
    SensorBatch read() throws IOException;
  }

  /**
   * The batch, checked to hold only finite values, or the code and field of the rejection; any
   * other exception or a read slower than {@link #LIMIT} fails the property.
   */
  private static Object outcome(Read read) {
    return assertTimeoutPreemptively(LIMIT, () -> {
      try {
        SensorBatch batch = read.read();
        assertThat(batch.size()).isPositive();
        for (int i = 0; i < batch.size(); i++) {
          for (double[] column : batch.values()) {
            assertThat(Double.isFinite(column[i])).isTrue();
          }
        }
        return batch;
      } catch (ValidationException e) {
        assertThat(e.getMessage()).isNotBlank();
        return e.code() + " " + e.field() + " " + e.recordIndex();
      }
    });
  }
}
