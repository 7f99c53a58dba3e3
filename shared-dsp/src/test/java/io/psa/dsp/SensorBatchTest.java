package io.psa.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensorBatchTest {
  private static final SensorBatch BATCH = SensorBatch.of(List.of("a", "b"),
      new long[] {0, 10, 20, 30}, new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});

  @Test
  void a_slice_copies_the_records_it_keeps() {
    SensorBatch middle = BATCH.slice(1, 3);

    assertThat(middle.size()).isEqualTo(2);
    assertThat(middle.channels()).isEqualTo(BATCH.channels());
    assertThat(middle.tsMs()).containsExactly(10, 20);
    assertThat(middle.channel(0)).containsExactly(2, 3);
    assertThat(middle.channel(1)).containsExactly(6, 7);
    middle.channel(0)[0] = 99;
    assertThat(BATCH.channel(0)[1]).isEqualTo(2);
    assertThat(BATCH.slice(4, 4).size()).isZero();
  }

  @Test
  void a_slice_outside_the_batch_is_refused() {
    assertThatThrownBy(() -> BATCH.slice(2, 5)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("slice [2, 5) of 4 records");
  }
}
