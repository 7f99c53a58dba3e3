package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeConverterTest {
  private final TimeConverter at = new TimeConverter(
      Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void a_duration_counts_back_from_now() {
    assertThat(at.convert("2h")).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(at.convert("1h30m")).isEqualTo(Instant.parse("2026-11-29T10:30:00Z"));
  }

  @Test
  void dates_and_times_without_a_zone_are_utc() {
    assertThat(at.convert("2026-11-28")).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    assertThat(at.convert("2026-11-28T06:30")).isEqualTo(Instant.parse("2026-11-28T06:30:00Z"));
    assertThat(at.convert("2026-11-28T06:30:15Z")).isEqualTo(Instant.parse("2026-11-28T06:30:15Z"));
  }

  @Test
  void anything_else_says_which_forms_are_understood() {
    assertThatThrownBy(() -> at.convert("2026-13-01")).isInstanceOf(TypeConversionException.class)
        .hasMessageStartingWith("'2026-13-01' is not a time;");
  }
}
