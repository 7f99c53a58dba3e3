package io.psa.container.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimeAxisTest {

  private static double at(String instant) {
    return Instant.parse(instant).toEpochMilli() / 1000.0;
  }

  @Test
  void twenty_minutes_get_a_tick_every_two_minutes_on_whole_minutes_in_utc() {
    TimeAxis axis = TimeAxis.of(at("2020-03-09T10:14:33Z"), at("2020-03-09T10:34:32Z"), 1080);

    assertThat(axis.stepS()).isEqualTo(120);
    assertThat(Arrays.stream(axis.ticks()).mapToObj(axis::label))
        .containsExactly("10:16", "10:18", "10:20", "10:22", "10:24", "10:26", "10:28", "10:30",
            "10:32", "10:34");
    assertThat(axis.title()).isEqualTo("time (UTC, 2020-03-09)");
  }

  @Test
  void ticks_keep_their_labels_apart_on_a_narrow_axis() {
    TimeAxis axis = TimeAxis.of(at("2020-03-09T10:14:33Z"), at("2020-03-09T10:34:32Z"), 300);

    assertThat(axis.ticks().length).isLessThanOrEqualTo(300 / TimeAxis.MIN_SPACING_PX);
    assertThat(axis.stepS()).isEqualTo(600);
  }

  @Test
  void under_a_minute_between_ticks_the_labels_show_seconds() {
    TimeAxis axis = TimeAxis.of(at("2020-03-09T10:14:33Z"), at("2020-03-09T10:16:03Z"), 1080);

    assertThat(axis.stepS()).isEqualTo(10);
    assertThat(axis.label(axis.ticks()[0])).isEqualTo("10:14:40");
  }

  @Test
  void an_axis_over_midnight_names_both_dates() {
    TimeAxis axis = TimeAxis.of(at("2020-03-09T23:50:00Z"), at("2020-03-10T00:10:00Z"), 1080);

    assertThat(axis.title()).isEqualTo("time (UTC, 2020-03-09 to 2020-03-10)");
    assertThat(axis.label(at("2020-03-10T00:00:00Z"))).isEqualTo("00:00");
  }
}
