package io.psa.dsp.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties (a) and (c): every valid batch reads back bit for bit from each format, and the order
 * of the keys inside a JSON record does not matter.
 */
class RoundTripPropertiesTest {

  @Provide
  Arbitrary<List<String>> channels() {
    Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '.')
        .ofMinLength(1).ofMaxLength(12).filter(s -> !s.equals("ts_ms"));
    return name.list().ofMinSize(1).ofMaxSize(8).uniqueElements();
  }

  @Property(tries = 200)
  void a_predict_body_reads_back_exactly(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int records,
      @ForAll("channels") List<String> channels) {
    SensorBatch batch = Batches.arbitrary(seed, records, channels);
    PredictRequest request = new PredictRequestReader(channels)
        .read(BatchText.utf8(BatchText.predictBody(batch, "asset-" + seed, "{}")));
    assertThat(Batches.sameContents(request.batch(), batch)).isTrue();
    assertThat(request.assetId()).isEqualTo("asset-" + seed);
  }

  @Property(tries = 200)
  void csv_reads_back_exactly_in_any_chunk_size(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int records,
      @ForAll("channels") List<String> channels, @ForAll @IntRange(min = 1, max = 64) int chunk)
      throws IOException {
    SensorBatch batch = Batches.arbitrary(seed, records, channels);
    try (SignalReader reader = new CsvSignalReader(new StringReader(BatchText.csv(batch)), channels)) {
      assertThat(Batches.sameContents(concat(reader, chunk, channels), batch)).isTrue();
    }
  }

  @Property(tries = 200)
  void json_lines_read_back_exactly_in_any_chunk_size(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int records,
      @ForAll("channels") List<String> channels, @ForAll @IntRange(min = 1, max = 64) int chunk)
      throws IOException {
    SensorBatch batch = Batches.arbitrary(seed, records, channels);
    byte[] text = BatchText.utf8(BatchText.jsonLines(batch));
    try (SignalReader reader = new JsonLinesSignalReader(new ByteArrayInputStream(text), channels)) {
      assertThat(Batches.sameContents(concat(reader, chunk, channels), batch)).isTrue();
    }
  }

  @Property(tries = 200)
  void permuting_the_keys_of_each_record_reads_the_same_batch(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int records,
      @ForAll("channels") List<String> channels) {
    SensorBatch batch = Batches.arbitrary(seed, records, channels);
    PredictRequestReader reader = new PredictRequestReader(channels);
    SensorBatch inOrder = reader.read(BatchText.utf8(BatchText.predictBody(batch))).batch();
    SensorBatch shuffled =
        reader.read(BatchText.utf8(BatchText.predictBody(batch, null, null, new Random(seed)))).batch();
    assertThat(Batches.sameContents(shuffled, inOrder)).isTrue();
  }

  /** Reads every chunk and joins them, checking that no chunk exceeds its size. */
  static SensorBatch concat(SignalReader reader, int chunk, List<String> channels) throws IOException {
    long[] ts = new long[0];
    double[][] values = new double[channels.size()][0];
    for (SensorBatch part; (part = reader.next(chunk)) != null; ) {
      assertThat(part.size()).isBetween(1, chunk);
      int n = ts.length;
      ts = Arrays.copyOf(ts, n + part.size());
      System.arraycopy(part.tsMs(), 0, ts, n, part.size());
      for (int c = 0; c < values.length; c++) {
        values[c] = Arrays.copyOf(values[c], n + part.size());
        System.arraycopy(part.values()[c], 0, values[c], n, part.size());
      }
    }
    assertThat(reader.recordsRead()).isEqualTo(ts.length);
    return SensorBatch.of(channels, ts, values);
  }
}
