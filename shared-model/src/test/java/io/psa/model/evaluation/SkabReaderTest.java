package io.psa.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkabReaderTest {

  @TempDir Path dir;

  @Test
  void reads_groups_and_numbered_files_in_order_and_skips_the_anomaly_free_file() throws IOException {
    for (String name : new String[] {"10", "2", "0"}) {
      SyntheticSkab.periodic(dir, name, 3, 9, 9, -1, -1);
    }
    SyntheticSkab.anomalyFree(dir);

    assertThat(SkabReader.readFolder(dir)).extracting(SkabFile::id)
        .containsExactly("g/0", "g/2", "g/10");
  }

  @Test
  void reads_datetimes_as_utc_milliseconds_keeping_the_original_strings() throws IOException {
    Path csv = write("datetime;Pressure;Volume Flow RateRMS;anomaly;changepoint\n"
        + "2020-03-09 10:14:33;0.054711;32.0;0.0;0.0\n"
        + "2020-03-09 10:14:35;0.382638;31.5;1.0;1.0\n");

    SkabFile f = SkabReader.read(csv, "valve1");

    assertThat(f.id()).isEqualTo("valve1/7");
    assertThat(f.channels()).containsExactly("Pressure", "Volume Flow RateRMS");
    assertThat(f.datetimes()).containsExactly("2020-03-09 10:14:33", "2020-03-09 10:14:35");
    assertThat(f.tsMs()).containsExactly(1583748873000L, 1583748875000L);
    assertThat(f.values()[1]).containsExactly(32.0, 31.5);
    assertThat(f.anomaly()).containsExactly(0, 1);
    assertThat(f.changepoint()).containsExactly(0, 1);
  }

  @Test
  void rejects_a_non_numeric_value_naming_file_line_and_column() throws IOException {
    Path csv = write("datetime;Pressure;anomaly;changepoint\n"
        + "2020-03-09 10:14:33;0.05;0.0;0.0\n"
        + "2020-03-09 10:14:34;n/a;0.0;0.0\n");

    assertThatThrownBy(() -> SkabReader.read(csv, "valve1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("valve1/7.csv line 3")
        .hasMessageContaining("Pressure");
  }

  @Test
  void rejects_a_label_other_than_0_or_1() throws IOException {
    Path csv = write("datetime;Pressure;anomaly;changepoint\n2020-03-09 10:14:33;0.05;2.0;0.0\n");

    assertThatThrownBy(() -> SkabReader.read(csv, "valve1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("anomaly must be 0 or 1");
  }

  @Test
  void a_folder_without_experiments_is_an_input_error() throws IOException {
    SyntheticSkab.anomalyFree(dir);

    assertThatThrownBy(() -> SkabReader.readFolder(dir))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no <group>/<n>.csv");
  }

  private Path write(String text) throws IOException {
    Path csv = dir.resolve("7.csv");
    Files.writeString(csv, text);
    return csv;
  }
}
