package io.psa.dsp.input;

import static io.psa.dsp.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.psa.dsp.ValidationException.Code;
import io.psa.dsp.testing.Batches;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Asset ids and stored text: what the database would refuse is refused when the body is read. */
class StoredTextTest {
  private final PredictRequestReader reader = new PredictRequestReader(Batches.CHANNELS);

  private PredictRequest withAssetId(String jsonString) {
    String body = "{\"asset_id\": " + jsonString + ", \"sensor_batch\": [" + Bodies.records(1).get(0) + "]}";
    return reader.read(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void accepts_readable_asset_ids_in_any_script_up_to_128_characters() {
    assertThat(withAssetId("\"press-07\"").assetId()).isEqualTo("press-07");
    assertThat(withAssetId("\"Line 3 / Pump #2 (spare)\"").assetId()).isEqualTo("Line 3 / Pump #2 (spare)");
    assertThat(withAssetId("\"Presse_Köln.1@halle:4+\"").assetId()).isEqualTo("Presse_Köln.1@halle:4+");
    assertThat(withAssetId("\"" + "\u6CF5".repeat(128) + "\"").assetId()).hasSize(128);
    assertThat(withAssetId("null").assetId()).isNull();
  }

  @Test
  void rejects_an_asset_id_with_a_nul_naming_the_character() {
    var e = assertRejected(() -> withAssetId("\"a\\u0000b\""), Code.INVALID_VALUE, "asset_id", -1);
    assertThat(e.getMessage()).contains("character 2 is U+0000", "'a\\u0000b'");
  }

  @Test
  void rejects_a_lone_surrogate_that_would_be_stored_as_a_question_mark() {
    var e = assertRejected(() -> withAssetId("\"a\\ud800b\""), Code.INVALID_VALUE, "asset_id", -1);
    assertThat(e.getMessage()).contains("character 2 is U+D800");
  }

  @Test
  void rejects_an_asset_id_over_128_characters_without_echoing_it() {
    String longId = "x".repeat(5_000);
    var e = assertRejected(() -> withAssetId("\"" + longId + "\""), Code.INVALID_VALUE, "asset_id", -1);
    assertThat(e.getMessage()).contains("5000 characters long; at most 128").hasSizeLessThan(100);
    assertRejected(() -> withAssetId("\"" + "y".repeat(129) + "\""), Code.INVALID_VALUE, "asset_id", -1);
  }

  @Test
  void rejects_control_characters_quotes_empty_ids_and_spaces_at_either_end() {
    for (String bad : new String[] {"\"a\\tb\"", "\"a\\nb\"", "\"a\\\"b\"", "\"a;b\"", "\"<b>\"",
        "\"\"", "\" press\"", "\"press \"", "\"a\\u202Eb\""}) {
      var e = assertRejected(() -> withAssetId(bad), Code.INVALID_VALUE, "asset_id", -1);
      assertThat(e.getMessage()).as(bad).contains("128 characters");
    }
  }

  @Test
  void checks_any_stored_text_as_postgresql_would() {
    assertThat(StoredText.check("source", "incoming/a b.csv", 1024)).isEqualTo("incoming/a b.csv");
    assertThat(StoredText.check("source", null, 10)).isNull();
    assertRejected(() -> StoredText.check("source", "a\u0000", 1024), Code.INVALID_VALUE, "source", -1);
    assertRejected(() -> StoredText.check("source", "\udc00", 1024), Code.INVALID_VALUE, "source", -1);
    assertRejected(() -> StoredText.check("source", "abc", 2), Code.INVALID_VALUE, "source", -1);
    // a pair is one character, and stores fine
    assertThat(StoredText.check("source", "\uD83D\uDE00", 1)).isEqualTo("\uD83D\uDE00");
  }
}
