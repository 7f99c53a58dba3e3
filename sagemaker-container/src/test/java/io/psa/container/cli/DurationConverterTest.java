package io.psa.container.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

/** Times and anomalies as written on the command line. */
class DurationConverterTest {

  @ParameterizedTest
  @CsvSource({
    "1500ms, 1500",
    "30s, 30000",
    "5m, 300000",
    "2h, 7200000",
    "1.5s, 1500",
    "1h30m, 5400000",
    "0s, 0"
  })
  void durations_read_in_milliseconds(String text, long ms) {
    assertThat(DurationConverter.parseMs(text)).isEqualTo(ms);
  }

  @Test
  void a_number_without_a_unit_is_rejected() {
    assertThatThrownBy(() -> DurationConverter.parseMs("30"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'30' is not a duration; write e.g. 1500ms, 30s, 5m, 2h or 1h30m");
  }

  @Test
  void an_anomaly_reads_kind_start_length_and_optional_channel() {
    var converter = new AnomalyConverter();

    assertThat(converter.convert("spike:30s:1500ms:pressure"))
        .isEqualTo(new Anomaly(AnomalyKind.SPIKE, "pressure", 30_000, 1_500));
    assertThat(converter.convert("stuck:1m:10s"))
        .isEqualTo(new Anomaly(AnomalyKind.STUCK, Anomaly.ALL_CHANNELS, 60_000, 10_000));
    assertThatThrownBy(() -> converter.convert("spike:30s"))
        .hasMessage("'spike:30s' is not KIND:START:LENGTH[:CHANNEL], e.g. spike:30s:2s:pressure");
    assertThatThrownBy(() -> converter.convert("drift:1s:0s"))
        .hasMessage("anomaly 'drift:1s:0s': anomaly length must be > 0 ms, got 0");
  }
}
