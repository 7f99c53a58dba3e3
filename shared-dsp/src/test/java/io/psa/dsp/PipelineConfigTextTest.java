package io.psa.dsp;

import static io.psa.dsp.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.ValidationException.Code;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config values sent as strings (SageMaker hyperparameters) and what an error echoes back. */
class PipelineConfigTextTest {

  @Test
  void reads_plain_decimal_strings_as_sagemaker_sends_them() {
    PipelineConfig c = PipelineConfig.fromMap(
        Map.of("lowpass_hz", " 6.5 ", "order", "2", "window_ms", "2e3", "max_gap_ms", "+100"));
    assertThat(c.lowpassHz()).isEqualTo(6.5);
    assertThat(c.order()).isEqualTo(2);
    assertThat(c.windowMs()).isEqualTo(2000);
    assertThat(c.maxGapMs()).isEqualTo(100);
  }

  @Test
  void rejects_hex_float_suffixed_and_non_finite_strings_that_java_would_parse() {
    for (String text : new String[] {"0x1p3", "8d", "8f", "Infinity", "NaN", "1_0", "8.0.0", " - 1"}) {
      var e = assertRejected(() -> PipelineConfig.fromMap(Map.of("lowpass_hz", text)),
          Code.INVALID_CONFIG, "config.lowpass_hz", -1);
      assertThat(e.getMessage()).as(text).contains("must be a plain decimal number");
    }
  }

  @Test
  void a_megabyte_value_or_key_is_echoed_as_forty_characters_at_most() {
    String huge = "9".repeat(1_000_000) + "x";
    var value = assertRejected(() -> PipelineConfig.fromMap(Map.of("order", huge)),
        Code.INVALID_CONFIG, "config.order", -1);
    assertThat(value.getMessage()).hasSizeLessThan(120).contains("\"" + "9".repeat(37) + "...\"");

    String key = "k".repeat(1_000_000);
    var unknown = assertRejected(() -> PipelineConfig.fromMap(Map.of(key, 1)),
        Code.INVALID_CONFIG, "config." + "k".repeat(37) + "...", -1);
    assertThat(unknown.getMessage()).hasSizeLessThan(300);
  }

  @Test
  void an_echoed_value_shows_control_characters_and_lone_surrogates_as_escapes() {
    assertThat(ValidationException.echo("a\u0000b\ud800c\n")).isEqualTo("a\\u0000b\\ud800c\\u000a");
    assertThat(ValidationException.echo("pump \uD83D\uDE00 7")).isEqualTo("pump \uD83D\uDE00 7");
    // a cut never splits a surrogate pair
    String pairs = "\uD83D\uDE00".repeat(30);
    assertThat(ValidationException.echo(pairs)).isEqualTo("\uD83D\uDE00".repeat(18) + "...");
  }
}
