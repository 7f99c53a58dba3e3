package io.psa.dsp.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.input.SignalFiles.Format;
import io.psa.dsp.testing.BatchText;
import io.psa.dsp.testing.Batches;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalFilesTest {
  private static final SensorBatch BATCH = Batches.valid(11, 250);

  @TempDir Path dir;

  @Test
  void picks_the_reader_by_extension_and_every_format_reads_the_same_batch() throws IOException {
    write("a.csv", BatchText.csv(BATCH));
    write("a.jsonl", BatchText.jsonLines(BATCH));
    write("a.ndjson", BatchText.jsonLines(BATCH));
    write("a.json", BatchText.predictBody(BATCH, "press-07", null));
    for (String name : new String[] {"a.csv", "a.jsonl", "a.ndjson", "a.json"}) {
      try (SignalReader reader = SignalFiles.open(dir.resolve(name), Batches.CHANNELS)) {
        assertThat(Batches.sameContents(reader.readAll(), BATCH)).as(name).isTrue();
      }
    }
  }

  @Test
  void a_predict_body_is_handed_out_in_chunks_too() throws IOException {
    write("body.json", BatchText.predictBody(BATCH));
    try (SignalReader reader = SignalFiles.open(dir.resolve("body.json").toString(), Batches.CHANNELS)) {
      assertThat(reader.next(100).size()).isEqualTo(100);
      assertThat(reader.next(100).tsMs()[0]).isEqualTo(BATCH.tsMs()[100]);
      assertThat(reader.next(100).size()).isEqualTo(50);
      assertThat(reader.next(100)).isNull();
    }
  }

  @Test
  void recognizes_the_format_by_content_when_the_name_says_nothing() throws IOException {
    assertThat(sniff(BatchText.csv(BATCH))).isEqualTo(Format.CSV);
    assertThat(sniff("\uFEFF  " + BatchText.jsonLines(BATCH))).isEqualTo(Format.JSON_LINES);
    assertThat(sniff("\n" + BatchText.predictBody(BATCH))).isEqualTo(Format.PREDICT_BODY);
    assertThat(sniff("")).isEqualTo(Format.CSV);
    for (String text : new String[] {BatchText.csv(BATCH), BatchText.jsonLines(BATCH), BatchText.predictBody(BATCH)}) {
      try (SignalReader reader = SignalFiles.open(new ByteArrayInputStream(BatchText.utf8(text)), "-", Batches.CHANNELS)) {
        assertThat(Batches.sameContents(reader.readAll(), BATCH)).isTrue();
      }
    }
  }

  @Test
  void extension_wins_over_content_and_is_case_insensitive() {
    assertThat(Format.ofName("DATA.CSV")).isEqualTo(Format.CSV);
    assertThat(Format.ofName("x.NDJSON")).isEqualTo(Format.JSON_LINES);
    assertThat(Format.ofName("body.json")).isEqualTo(Format.PREDICT_BODY);
    assertThat(Format.ofName("signal.txt")).isNull();
  }

  /** The format of content without a telling name, found the same in a stream and in memory. */
  private static Format sniff(String text) throws IOException {
    byte[] bytes = BatchText.utf8(text);
    Format fromStream =
        SignalFiles.formatOf(new BufferedInputStream(new ByteArrayInputStream(bytes)), null);
    assertThat(SignalFiles.formatOf(bytes, null)).isEqualTo(fromStream);
    return fromStream;
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }
}
